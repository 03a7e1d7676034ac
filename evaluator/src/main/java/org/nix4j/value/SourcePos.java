package org.nix4j.value;

import org.nix4j.syntax.SourceFile;

/** A position in a source file: where an attribute, a lambda or an error comes from. */
public record SourcePos(SourceFile file, int start, int end) {
  /** {@code file:line:col}, one-based, columns in bytes as Nix counts them. */
  public String location() {
    return file.location(start);
  }

  /**
   * {@code file:line:col} as Nix 2.8 writes a position inside an error message ("already defined
   * at …"): {@code (string)} stands for a text that is not a file. A byte string.
   */
  public String messageLocation() {
    String loc = location();
    if (file.path() == null && file.name().equals(SourceFile.STRING_NAME)) {
      loc = "(string)" + loc.substring(SourceFile.STRING_NAME.length());
    }
    return NixString.bytesOf(loc);
  }

  @Override
  public String toString() {
    return location();
  }
}
