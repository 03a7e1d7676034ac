package org.nix4j.regex;

/**
 * A pattern that Nix 2.8's {@code builtins.match} and {@code builtins.split} reject. The message is
 * Nix's, byte for byte: {@code invalid regular expression 'PATTERN'}, or {@code memory limit exceeded
 * by regular expression 'PATTERN'} when libstdc++ would build more than 100,000 automaton states
 * (e.g. {@code a{100001}}). {@link #detail()} says what is wrong, for humans; Nix does not show it.
 */
public final class RegexSyntaxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which of Nix's two messages applies. */
  public enum Kind {
    /** std::regex_error with any code but error_space. */
    INVALID,
    /** std::regex_error with code error_space: the automaton would be too large. */
    TOO_LARGE
  }

  private final String pattern;
  private final Kind kind;
  private final String detail;

  RegexSyntaxException(String pattern, Kind kind, String detail) {
    super(
        (kind == Kind.TOO_LARGE
                ? "memory limit exceeded by regular expression '"
                : "invalid regular expression '")
            + pattern
            + "'",
        null,
        false,
        false);
    this.pattern = pattern;
    this.kind = kind;
    this.detail = detail;
  }

  /** The rejected pattern (a byte string). */
  public String pattern() {
    return pattern;
  }

  public Kind kind() {
    return kind;
  }

  /** A short explanation in the words of libstdc++'s error codes, e.g. "unmatched parenthesis". */
  public String detail() {
    return detail;
  }
}
