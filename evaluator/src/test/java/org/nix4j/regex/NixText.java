package org.nix4j.regex;

import java.util.Arrays;

/**
 * The two bits of Nix syntax the regex tests read and write: string literals (as the test data
 * spells patterns and inputs) and values as {@code nix-instantiate --eval --strict} prints them.
 * Strings are byte strings (one char per byte).
 */
final class NixText {
  private NixText() {}

  /** The end (exclusive) of the string literal that starts with the quote at {@code start}. */
  static int literalEnd(String text, int start) {
    if (text.charAt(start) != '"') {
      throw new IllegalArgumentException("no string literal at " + start + ": " + text);
    }
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("unterminated string literal: " + text);
  }

  /** The bytes a string literal without interpolation denotes. */
  static String unquote(String literal) {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < literal.length() - 1; i++) {
      char c = literal.charAt(i);
      if (c == '\\') {
        char d = literal.charAt(++i);
        b.append(d == 'n' ? '\n' : d == 'r' ? '\r' : d == 't' ? '\t' : d);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A string as Nix prints it: quotes, and escapes for {@code " \ newline CR tab ${}}. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
        case '\\':
          b.append('\\').append(c);
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\r':
          b.append("\\r");
          break;
        case '\t':
          b.append("\\t");
          break;
        case '$':
          b.append(i + 1 < s.length() && s.charAt(i + 1) == '{' ? "\\$" : "$");
          break;
        default:
          b.append(c);
      }
    }
    return b.append('"').toString();
  }

  /** A value made of strings, nulls, string arrays and lists, printed the way Nix prints it. */
  static String print(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String) {
      return quote((String) v);
    }
    Iterable<?> items = v instanceof Object[] ? Arrays.asList((Object[]) v) : (Iterable<?>) v;
    StringBuilder b = new StringBuilder("[ ");
    for (Object item : items) {
      b.append(print(item)).append(' ');
    }
    return b.append(']').toString();
  }

  /** What {@code builtins.match} or {@code builtins.split} gives, printed, or Nix's error line. */
  static String evaluate(String kind, String pattern, String input) {
    Regex r;
    try {
      r = Regex.compile(pattern);
    } catch (RegexSyntaxException e) {
      return "error: " + e.getMessage();
    }
    return kind.equals("match") ? printMatch(r.matchWhole(input)) : print(r.split(input));
  }

  private static String printMatch(String[] groups) {
    return groups == null ? "null" : print(groups);
  }
}
