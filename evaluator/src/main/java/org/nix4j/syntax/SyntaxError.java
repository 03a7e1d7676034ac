package org.nix4j.syntax;

/**
 * A syntax error: where it is (byte offsets into the source), a message meant for a person, such
 * as {@code expected `;` after the binding of `foo`}, and the same error in Nix 2.8's words,
 * such as {@code syntax error, unexpected '}', expecting ';'}, which is what {@code nix4j eval}
 * prints (as {@code nix-instantiate} does). When the message names another place of the source
 * ({@code unclosed `{` opened at 3:5}), {@code related} is its offset, else -1.
 *
 * <p>Nix stops at its first error, so only the first error of a parse has a Nix message that
 * Nix itself would print (including its {@code , expecting ...} tail); the others say which
 * token was unexpected, in Nix's terms.
 */
public record SyntaxError(TextRange range, String message, int related, String nixMessage)
    implements Comparable<SyntaxError> {
  /** An error whose message is also Nix's (such as {@code path has a trailing slash}). */
  public SyntaxError(TextRange range, String message) {
    this(range, message, -1, message);
  }

  public SyntaxError(TextRange range, String message, int related) {
    this(range, message, related, message);
  }

  /** The error with its positions at or after {@code from} moved by {@code delta} bytes. */
  SyntaxError shifted(int from, int delta) {
    TextRange r = range.start() >= from ? range.shift(delta) : range;
    return new SyntaxError(r, message, related >= from ? related + delta : related, nixMessage);
  }

  SyntaxError withNixMessage(String nix) {
    return new SyntaxError(range, message, related, nix);
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
