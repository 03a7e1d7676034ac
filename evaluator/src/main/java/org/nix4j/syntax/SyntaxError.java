package org.nix4j.syntax;

/**
 * A syntax error: where it is (byte offsets into the source) and a message meant for a person,
 * such as {@code expected `;` after the binding of `foo`}.
 */
public record SyntaxError(TextRange range, String message) implements Comparable<SyntaxError> {
  public int start() {
    return range.start();
  }

  @Override
  public int compareTo(SyntaxError o) {
    return range.compareTo(o.range);
  }

  @Override
  public String toString() {
    return range + ": " + message;
  }
}
