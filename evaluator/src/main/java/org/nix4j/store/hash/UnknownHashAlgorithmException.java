package org.nix4j.store.hash;

/**
 * A hash algorithm name Nix does not know: {@code unknown hash algorithm 'sha3'}. Names are
 * case-sensitive ({@code SHA256} is unknown too).
 */
public final class UnknownHashAlgorithmException extends BadHashException {
  private static final long serialVersionUID = 1L;

  public UnknownHashAlgorithmException(String name) {
    super("unknown hash algorithm '" + name + "'");
  }
}
