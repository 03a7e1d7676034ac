package org.nix4j.syntax;

/**
 * A syntax error: where it is (byte offsets into the source) and a message meant for a person,
 * such as {@code expected `;` after the binding of `foo`}. When the message names another place
 * of the source ({@code unclosed `{` opened at 3:5}), {@code related} is its offset, else -1.
 */
public record SyntaxError(TextRange range, String message, int related)
    implements Comparable<SyntaxError> {
  public SyntaxError(TextRange range, String message) {
    this(range, message, -1);
  }

  /** The error with its positions at or after {@code from} moved by {@code delta} bytes. */
  SyntaxError shifted(int from, int delta) {
    TextRange r = range.start() >= from ? range.shift(delta) : range;
    return new SyntaxError(r, message, related >= from ? related + delta : related);
  }

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
