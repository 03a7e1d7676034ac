package org.nix4j.value;

import org.nix4j.syntax.SourceFile;

/** A position in a source file: where an attribute, a lambda or an error comes from. */
public record SourcePos(SourceFile file, int start, int end) {
  /** {@code file:line:col}, one-based, columns in bytes as Nix counts them. */
  public String location() {
    return file.location(start);
  }

  @Override
  public String toString() {
    return location();
  }
}
