package org.nix4j.regex;

/**
 * Splits a pattern into tokens the way libstdc++'s {@code std::regex} scanner does in
 * {@code std::regex::extended} mode, built with {@code __STRICT_ANSI__} as Nix is (so a backslash
 * before an ordinary character is an error). The scanner is always one token ahead: {@link
 * #advance()} scans the next token and may fail, exactly when libstdc++'s would.
 *
 * <p>Outside brackets the special characters are {@code .[\()*+?{|^$}; {@code ]} and {@code }} are
 * ordinary, and a backslash may only precede a special character. Inside brackets a backslash is an
 * ordinary character, {@code ]} right after {@code [} or {@code [^} is ordinary, and {@code [:},
 * {@code [.} and {@code [=} open a class, a collating symbol and an equivalence class.
 */
final class Scanner {
  enum Token {
    ORD_CHAR,
    ANYCHAR,
    LINE_BEGIN,
    LINE_END,
    CLOSURE0,
    CLOSURE1,
    OPT,
    OR,
    SUBEXPR_BEGIN,
    SUBEXPR_END,
    BRACKET_BEGIN,
    BRACKET_NEG_BEGIN,
    BRACKET_END,
    BRACKET_DASH,
    INTERVAL_BEGIN,
    INTERVAL_END,
    DUP_COUNT,
    COMMA,
    COLLSYMBOL,
    CHAR_CLASS_NAME,
    EQUIV_CLASS_NAME,
    EOF
  }

  /** Thrown for every error; {@link Compiler} turns it into a {@link RegexSyntaxException}. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final boolean tooLarge;

    Failure(String detail) {
      this(detail, false);
    }

    Failure(String detail, boolean tooLarge) {
      super(detail, null, false, false);
      this.tooLarge = tooLarge;
    }
  }

  private enum State {
    NORMAL,
    IN_BRACKET,
    IN_BRACE
  }

  private static final String SPECIAL = ".[\\()*+?{|^$";

  private final String p;
  private int cur;
  private State state = State.NORMAL;
  private boolean atBracketStart;
  private Token token;
  private String value = "";

  Scanner(String pattern) {
    this.p = pattern;
    advance();
  }

  Token token() {
    return token;
  }

  String value() {
    return value;
  }

  void advance() {
    if (cur == p.length()) {
      token = Token.EOF;
      return;
    }
    switch (state) {
      case NORMAL:
        scanNormal();
        break;
      case IN_BRACKET:
        scanInBracket();
        break;
      default:
        scanInBrace();
        break;
    }
  }

  private void scanNormal() {
    char c = p.charAt(cur++);
    if (c != 0 && SPECIAL.indexOf(c) < 0) {
      ord(c);
      return;
    }
    if (c == '\\') {
      if (cur == p.length()) {
        throw new Failure("trailing backslash");
      }
      char d = p.charAt(cur);
      if (d == 0 || SPECIAL.indexOf(d) < 0) {
        throw new Failure("backslash before an ordinary character");
      }
      cur++;
      ord(d);
      return;
    }
    switch (c) {
      case '(':
        token = Token.SUBEXPR_BEGIN;
        break;
      case ')':
        token = Token.SUBEXPR_END;
        break;
      case '[':
        state = State.IN_BRACKET;
        atBracketStart = true;
        if (cur < p.length() && p.charAt(cur) == '^') {
          token = Token.BRACKET_NEG_BEGIN;
          cur++;
        } else {
          token = Token.BRACKET_BEGIN;
        }
        break;
      case '{':
        state = State.IN_BRACE;
        token = Token.INTERVAL_BEGIN;
        break;
      case 0:
        throw new Failure("NUL character");
      case '^':
        token = Token.LINE_BEGIN;
        break;
      case '$':
        token = Token.LINE_END;
        break;
      case '.':
        token = Token.ANYCHAR;
        break;
      case '*':
        token = Token.CLOSURE0;
        break;
      case '+':
        token = Token.CLOSURE1;
        break;
      case '?':
        token = Token.OPT;
        break;
      case '|':
        token = Token.OR;
        break;
      default:
        throw new AssertionError(c);
    }
  }

  private void scanInBracket() {
    char c = p.charAt(cur++);
    if (c == '-') {
      token = Token.BRACKET_DASH;
    } else if (c == '[') {
      if (cur == p.length()) {
        throw new Failure("incomplete '[[' in a bracket expression");
      }
      char d = p.charAt(cur);
      if (d == '.') {
        token = Token.COLLSYMBOL;
        cur++;
        eatClass('.');
      } else if (d == ':') {
        token = Token.CHAR_CLASS_NAME;
        cur++;
        eatClass(':');
      } else if (d == '=') {
        token = Token.EQUIV_CLASS_NAME;
        cur++;
        eatClass('=');
      } else {
        ord(c);
      }
    } else if (c == ']' && !atBracketStart) {
      token = Token.BRACKET_END;
      state = State.NORMAL;
    } else {
      ord(c);
    }
    atBracketStart = false;
  }

  private void scanInBrace() {
    char c = p.charAt(cur++);
    if (PosixClasses.isDigit(c)) {
      token = Token.DUP_COUNT;
      int start = cur - 1;
      while (cur < p.length() && PosixClasses.isDigit(p.charAt(cur))) {
        cur++;
      }
      value = p.substring(start, cur);
    } else if (c == ',') {
      token = Token.COMMA;
    } else if (c == '}') {
      state = State.NORMAL;
      token = Token.INTERVAL_END;
    } else {
      throw new Failure("unexpected character in a brace expression");
    }
  }

  /** Reads a class name up to {@code end} and the closing "end]". */
  private void eatClass(char end) {
    int start = cur;
    while (cur < p.length() && p.charAt(cur) != end) {
      cur++;
    }
    value = p.substring(start, cur);
    if (cur == p.length()
        || p.charAt(cur++) != end
        || cur == p.length()
        || p.charAt(cur++) != ']') {
      throw new Failure(
          end == ':' ? "unterminated character class" : "unterminated collating element");
    }
  }

  private void ord(char c) {
    token = Token.ORD_CHAR;
    value = String.valueOf(c);
  }
}
