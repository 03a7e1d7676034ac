package org.nix4j.regex;

/**
 * The character tables std::regex consults in Nix 2.8: the classification of the "C" locale
 * ({@code std::ctype<char>} of the classic locale, ASCII only: bytes 0x80..0xFF belong to no class),
 * the class names {@code [[:name:]]} accepts, and the collating-element names {@code [[.name.]]} and
 * {@code [[=name=]]} accept.
 */
final class PosixClasses {
  private PosixClasses() {}

  static final int UPPER = 1;
  static final int LOWER = 1 << 1;
  static final int ALPHA = 1 << 2;
  static final int DIGIT = 1 << 3;
  static final int XDIGIT = 1 << 4;
  static final int SPACE = 1 << 5;
  static final int PRINT = 1 << 6;
  static final int CNTRL = 1 << 7;
  static final int PUNCT = 1 << 8;
  static final int BLANK = 1 << 9;
  /** Not a ctype bit: the extra "underscore" of libstdc++'s {@code [[:w:]]}. */
  static final int UNDERSCORE = 1 << 10;

  private static final int[] TABLE = new int[256];

  static {
    for (int c = 0; c < 128; c++) {
      int m = 0;
      if (c < 32 || c == 127) m |= CNTRL;
      if (c >= 32 && c <= 126) m |= PRINT;
      if ((c >= 9 && c <= 13) || c == ' ') m |= SPACE;
      if (c == '\t' || c == ' ') m |= BLANK;
      if (c >= 'A' && c <= 'Z') m |= UPPER | ALPHA;
      if (c >= 'a' && c <= 'z') m |= LOWER | ALPHA;
      if (c >= '0' && c <= '9') m |= DIGIT | XDIGIT;
      if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) m |= XDIGIT;
      if (c >= 33 && c <= 126 && (m & (ALPHA | DIGIT)) == 0) m |= PUNCT;
      TABLE[c] = m;
    }
  }

  /** {@code ctype<char>::is(mask, c)} plus the underscore of {@code [[:w:]]}. */
  static boolean isClass(int c, int mask) {
    return (TABLE[c & 0xFF] & mask) != 0 || ((mask & UNDERSCORE) != 0 && (c & 0xFF) == '_');
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** ASCII tolower, the only case mapping of the "C" locale. */
  static char toLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /**
   * {@code regex_traits::lookup_classname} with icase off: the name is lowercased first, so
   * {@code [[:ALPHA:]]} is valid; "d", "w" and "s" are accepted too. Returns 0 for unknown names.
   */
  static int lookupClassName(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      b.append(toLower(name.charAt(i)));
    }
    switch (b.toString()) {
      case "d":
      case "digit":
        return DIGIT;
      case "w":
        return ALPHA | DIGIT | UNDERSCORE;
      case "s":
      case "space":
        return SPACE;
      case "alnum":
        return ALPHA | DIGIT;
      case "alpha":
        return ALPHA;
      case "blank":
        return BLANK;
      case "cntrl":
        return CNTRL;
      case "graph":
        return ALPHA | DIGIT | PUNCT;
      case "lower":
        return LOWER;
      case "print":
        return PRINT;
      case "punct":
        return PUNCT;
      case "upper":
        return UPPER;
      case "xdigit":
        return XDIGIT;
      default:
        return 0;
    }
  }

  /** The POSIX names of the 128 ASCII characters, indexed by code, as libstdc++ lists them. */
  private static final String[] COLLATING_NAMES = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "alert", "backspace", "tab", "newline",
    "vertical-tab", "form-feed", "carriage-return", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4",
    "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "IS4", "IS3", "IS2", "IS1", "space",
    "exclamation-mark", "quotation-mark", "number-sign", "dollar-sign", "percent-sign", "ampersand",
    "apostrophe", "left-parenthesis", "right-parenthesis", "asterisk", "plus-sign", "comma",
    "hyphen", "period", "slash", "zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "colon", "semicolon", "less-than-sign", "equals-sign", "greater-than-sign",
    "question-mark", "commercial-at", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L",
    "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "left-square-bracket",
    "backslash", "right-square-bracket", "circumflex", "underscore", "grave-accent", "a", "b", "c",
    "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
    "w", "x", "y", "z", "left-curly-bracket", "vertical-line", "right-curly-bracket", "tilde", "DEL",
  };

  static {
    if (COLLATING_NAMES.length != 128) {
      throw new AssertionError("collating names: " + COLLATING_NAMES.length);
    }
  }

  /**
   * {@code regex_traits::lookup_collatename}: the character a collating-element name stands for
   * (case-sensitive; single characters only for letters), or -1 when the name is unknown.
   */
  static int lookupCollatingName(String name) {
    for (int i = 0; i < COLLATING_NAMES.length; i++) {
      if (COLLATING_NAMES[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
