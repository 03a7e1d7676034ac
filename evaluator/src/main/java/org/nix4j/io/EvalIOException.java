package org.nix4j.io;

/** A failed effect: a missing file, a read outside the sandbox, a directory read as a file. */
public final class EvalIOException extends RuntimeException {
  public EvalIOException(String message) {
    super(message, null, false, false);
  }
}
