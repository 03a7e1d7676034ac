package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a byte string (see {@link SourceFile}) into tokens, trivia included, exactly as Nix 2.8's
 * flex lexer splits it into lexemes: the same longest-match rules, the same states for strings,
 * indented strings and paths, the same quirks ({@code 1e20} is an integer and an identifier,
 * {@code x:x} is a URI, {@code a/${b}} is a path, a NUL byte ends the input). Every byte of the
 * input belongs to exactly one token, so the tokens always spell the input back.
 *
 * <p>The lexer never fails: bytes Nix has no use for become {@link SyntaxKind#ERROR_TOKEN}s, and
 * the one error Nix's lexer itself reports, a path with a trailing slash, is recorded in
 * {@link Tokens#errors()}.
 */
public final class Lexer {
  // Lexer states (Nix's start conditions).
  static final int DEFAULT = 0;
  static final int STRING = 1;
  static final int IND_STRING = 2;
  static final int INPATH = 3;
  static final int INPATH_SLASH = 4;

  /** Character classes, one bit each. */
  private static final byte ID_START = 1;
  private static final byte ID_CHAR = 2;
  private static final byte PATH_CHAR = 4;
  private static final byte URI_SCHEME = 8;
  private static final byte URI_CHAR = 16;
  private static final byte DIGIT = 32;

  private static final byte[] CLASS = new byte[256];

  static {
    for (int c = 0; c < 256; c++) {
      int k = 0;
      boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean digit = c >= '0' && c <= '9';
      if (alpha || c == '_') {
        k |= ID_START;
      }
      if (alpha || digit || c == '_' || c == '\'' || c == '-') {
        k |= ID_CHAR;
      }
      if (alpha || digit || c == '.' || c == '_' || c == '-' || c == '+') {
        k |= PATH_CHAR;
      }
      if (alpha || digit || c == '+' || c == '-' || c == '.') {
        k |= URI_SCHEME;
      }
      if (alpha || digit || "%/?:@&=+$,-_.!~*'".indexOf(c) >= 0) {
        k |= URI_CHAR;
      }
      if (digit) {
        k |= DIGIT;
      }
      CLASS[c] = (byte) k;
    }
  }

  /** The token kinds of single bytes in the default state; ERROR_TOKEN for the others. */
  private static final SyntaxKind[] SINGLE = new SyntaxKind[128];

  static {
    Arrays.fill(SINGLE, SyntaxKind.ERROR_TOKEN);
    SINGLE['.'] = SyntaxKind.DOT;
    SINGLE['='] = SyntaxKind.ASSIGN;
    SINGLE['<'] = SyntaxKind.LT;
    SINGLE['>'] = SyntaxKind.GT;
    SINGLE['-'] = SyntaxKind.MINUS;
    SINGLE['+'] = SyntaxKind.PLUS;
    SINGLE['*'] = SyntaxKind.STAR;
    SINGLE['/'] = SyntaxKind.SLASH;
    SINGLE['!'] = SyntaxKind.BANG;
    SINGLE['?'] = SyntaxKind.QUESTION;
    SINGLE['@'] = SyntaxKind.AT;
    SINGLE[':'] = SyntaxKind.COLON;
    SINGLE[';'] = SyntaxKind.SEMICOLON;
    SINGLE[','] = SyntaxKind.COMMA;
    SINGLE['('] = SyntaxKind.L_PAREN;
    SINGLE[')'] = SyntaxKind.R_PAREN;
    SINGLE['['] = SyntaxKind.L_BRACK;
    SINGLE[']'] = SyntaxKind.R_BRACK;
  }

  /** The tokens of a text: parallel arrays of kinds and start offsets. */
  public static final class Tokens {
    final byte[] text;
    byte[] kinds;
    /** {@code starts[i]} is where token {@code i} starts; {@code starts[count]} is the end. */
    int[] starts;
    int count;
    final List<SyntaxError> errors = new ArrayList<>(0);
    /**
     * Where Nix's lexer returns its zero-width {@code PATH_END} token, which ends every path: the
     * index of the token it comes before ({@code count} at the end of the input), ascending.
     */
    int[] pathEnds = new int[0];
    int pathEndCount;
    /**
     * The index of the token whose lexing makes Nix's lexer throw its own error (a path with a
     * trailing slash: the token after the slash), or -1.
     */
    int lexErrorToken = -1;

    Tokens(byte[] text, int capacity) {
      this.text = text;
      this.kinds = new byte[capacity];
      this.starts = new int[capacity + 1];
    }

    public int count() {
      return count;
    }

    public SyntaxKind kind(int i) {
      return SyntaxKind.of(kinds[i]);
    }

    public int start(int i) {
      return starts[i];
    }

    public int end(int i) {
      return starts[i + 1];
    }

    /** The text of token {@code i} (a byte string). */
    public String text(int i) {
      return new String(text, 0, starts[i], starts[i + 1] - starts[i]);
    }

    /** Errors of the lexer itself (paths with a trailing slash). */
    public List<SyntaxError> errors() {
      return errors;
    }

    void add(SyntaxKind kind, int start) {
      if (count == kinds.length) {
        int cap = kinds.length * 2 + 16;
        kinds = Arrays.copyOf(kinds, cap);
        starts = Arrays.copyOf(starts, cap + 1);
      }
      kinds[count] = (byte) kind.ordinal();
      starts[count] = start;
      count++;
    }

    void addPathEnd(int before) {
      if (pathEndCount == pathEnds.length) {
        pathEnds = Arrays.copyOf(pathEnds, pathEndCount * 2 + 4);
      }
      pathEnds[pathEndCount++] = before;
    }
  }

  private final byte[] s;
  private final int end;
  private int pos;
  private int[] stack = new int[16];
  private int sp;
  private final Tokens out;
  /**
   * Memo of the last maximal run of PATH_CHARs (and of URI scheme chars) scanned, so that a long
   * run that turns out not to be a path ({@code a.b.c.d...}) is not scanned again from each of
   * its tokens: without it lexing would be quadratic.
   */
  private int pathRunFrom = -1;
  private int pathRunEnd = -1;
  private int schemeRunFrom = -1;
  private int schemeRunEnd = -1;
  /** A position after which no {@code *}{@code /} exists, once an unclosed comment was seen. */
  private int noCommentCloseAfter = Integer.MAX_VALUE;

  private Lexer(byte[] s, int start, int end) {
    this.s = s;
    this.pos = start;
    this.end = end;
    this.out = new Tokens(s, Math.max(16, (end - start) / 4));
    stack[sp++] = DEFAULT;
  }

  /** The tokens of a byte string. */
  public static Tokens lex(String text) {
    return lex(Bytes.of(text));
  }

  /** The tokens of UTF-8 bytes. */
  public static Tokens lex(byte[] text) {
    Lexer lx = new Lexer(text, 0, text.length);
    lx.run();
    return lx.out;
  }

  private void run() {
    while (pos < end) {
      int start = pos;
      int state = stack[sp - 1];
      switch (state) {
        case STRING:
          lexString();
          break;
        case IND_STRING:
          lexIndString();
          break;
        case INPATH:
        case INPATH_SLASH:
          lexInPath();
          break;
        default:
          lexDefault();
          break;
      }
      if (pos == start && state != INPATH && state != INPATH_SLASH) {
        // Cannot happen; guards against an endless loop should a rule ever match nothing.
        out.add(SyntaxKind.ERROR_TOKEN, pos++);
      }
    }
    int top = stack[sp - 1];
    if (top == INPATH) {
      out.addPathEnd(out.count);
    }
    if (top == INPATH_SLASH) {
      // At the end of the input Nix reports the trailing slash at the start of the last piece.
      int last = out.count - 1;
      trailingSlash(out.starts[last], end);
    }
    out.starts[out.count] = end;
  }

  private void push(int state) {
    if (sp == stack.length) {
      stack = Arrays.copyOf(stack, sp * 2);
    }
    stack[sp++] = state;
  }

  private void pop() {
    if (sp > 1) {
      sp--;
    }
  }

  private void replaceTop(int state) {
    stack[sp - 1] = state;
  }

  private int at(int i) {
    return i < end ? s[i] & 0xff : -1;
  }

  private static boolean is(int c, byte cls) {
    return c >= 0 && (CLASS[c] & cls) != 0;
  }

  private void emit(SyntaxKind kind, int start, int stop) {
    out.add(kind, start);
    pos = stop;
  }

  // ---------------------------------------------------------------------------------------------
  // The default state.

  private void lexDefault() {
    int p = pos;
    int c = s[p] & 0xff;
    switch (c) {
      case ' ':
      case '\t':
      case '\r':
      case '\n': {
        int q = p + 1;
        while (q < end) {
          int d = s[q];
          if (d != ' ' && d != '\t' && d != '\r' && d != '\n') {
            break;
          }
          q++;
        }
        emit(SyntaxKind.WHITESPACE, p, q);
        return;
      }
      case 0:
        // Flex sees a NUL byte as the end of its buffer: Nix reads nothing after it.
        emit(SyntaxKind.IGNORED_TAIL, p, end);
        return;
      case '#': {
        int q = p + 1;
        while (q < end && s[q] != '\n' && s[q] != '\r') {
          q++;
        }
        emit(SyntaxKind.COMMENT, p, q);
        return;
      }
      case '{':
        push(DEFAULT);
        emit(SyntaxKind.L_BRACE, p, p + 1);
        return;
      case '}':
        pop();
        emit(SyntaxKind.R_BRACE, p, p + 1);
        return;
      case '"':
        push(STRING);
        emit(SyntaxKind.QUOTE, p, p + 1);
        return;
      case '$':
        if (at(p + 1) == '{') {
          push(DEFAULT);
          emit(SyntaxKind.DOLLAR_CURLY, p, p + 2);
        } else {
          emit(SyntaxKind.ERROR_TOKEN, p, p + 1);
        }
        return;
      case '\'':
        if (at(p + 1) == '\'') {
          int q = p + 2;
          while (at(q) == ' ') {
            q++;
          }
          q = at(q) == '\n' ? q + 1 : p + 2;
          push(IND_STRING);
          emit(SyntaxKind.IND_OPEN, p, q);
        } else {
          emit(SyntaxKind.ERROR_TOKEN, p, p + 1);
        }
        return;
      case '~':
        if (!lexPathLike(p)) {
          emit(SyntaxKind.ERROR_TOKEN, p, p + 1);
        }
        return;
      default:
        break;
    }
    // Everything else: compute the longest match of the competing rules.
    SyntaxKind kind = null;
    int len = 0;
    // Keywords and identifiers.
    if (is(c, ID_START)) {
      int q = p + 1;
      while (q < end && (CLASS[s[q] & 0xff] & ID_CHAR) != 0) {
        q++;
      }
      len = q - p;
      kind = keyword(p, len);
    }
    // Integers and floats.
    if (is(c, DIGIT) || c == '.') {
      int q = p;
      while (q < end && is(s[q] & 0xff, DIGIT)) {
        q++;
      }
      if (q - p > len) {
        kind = SyntaxKind.INT;
        len = q - p;
      }
      int f = floatEnd(p);
      if (f - p > len) {
        kind = SyntaxKind.FLOAT;
        len = f - p;
      }
    }
    // Operators of two or three bytes.
    int op = operator(p, c);
    if (op > 0) {
      int oplen = op >>> 8;
      if (oplen > len) {
        len = oplen;
        kind = SyntaxKind.of(op & 0xff);
      }
    }
    // Paths.
    if (is(c, PATH_CHAR) || c == '/') {
      int q = pathEnd(p);
      int seg = pathSegDollarCurly(p);
      if (seg > 0 && seg + 2 - p > len && seg + 2 - p > q - p) {
        // {PATH_SEG}\$\{ : the segment is the path token, the ${ comes next in the path state.
        push(INPATH_SLASH);
        emit(SyntaxKind.PATH, p, seg);
        return;
      }
      if (q - p > len) {
        push(s[q - 1] == '/' ? INPATH_SLASH : INPATH);
        emit(SyntaxKind.PATH, p, q);
        return;
      }
    }
    // Search paths.
    if (c == '<') {
      int q = spathEnd(p);
      if (q - p > len) {
        len = q - p;
        kind = SyntaxKind.SPATH;
      }
    }
    // URIs.
    if (is(c, URI_SCHEME) && is(c, ID_START) && c != '_') {
      int q = uriEnd(p);
      if (q - p > len) {
        len = q - p;
        kind = SyntaxKind.URI;
      }
    }
    // Block comments.
    if (c == '/' && at(p + 1) == '*') {
      int q = blockCommentEnd(p);
      if (q - p > len) {
        len = q - p;
        kind = SyntaxKind.COMMENT;
      }
    }
    if (kind == null || len == 0) {
      if (c < 128) {
        emit(SINGLE[c], p, p + 1);
      } else {
        emit(SyntaxKind.ERROR_TOKEN, p, utf8End(p));
      }
      return;
    }
    emit(kind, p, p + len);
  }

  /** {@code ~/...} paths; returns false when there is none at {@code p}. */
  private boolean lexPathLike(int p) {
    if (at(p + 1) != '/') {
      return false;
    }
    // HPATH: \~(\/{PATH_CHAR}+)+\/?
    int q = p + 1;
    int last = -1;
    while (at(q) == '/' && is(at(q + 1), PATH_CHAR)) {
      q += 2;
      while (is(at(q), PATH_CHAR)) {
        q++;
      }
      last = q;
    }
    if (last < 0) {
      // HPATH_START \$\{ : "~/" directly followed by "${".
      if (at(p + 2) == '$' && at(p + 3) == '{') {
        push(INPATH_SLASH);
        emit(SyntaxKind.HPATH, p, p + 2);
        return true;
      }
      return false;
    }
    if (at(q) == '/') {
      q++;
    }
    push(s[q - 1] == '/' ? INPATH_SLASH : INPATH);
    emit(SyntaxKind.HPATH, p, q);
    return true;
  }

  private SyntaxKind keyword(int p, int len) {
    switch (len) {
      case 2:
        if (s[p] == 'i') {
          if (s[p + 1] == 'f') {
            return SyntaxKind.IF_KW;
          }
          if (s[p + 1] == 'n') {
            return SyntaxKind.IN_KW;
          }
        } else if (s[p] == 'o' && s[p + 1] == 'r') {
          return SyntaxKind.OR_KW;
        }
        break;
      case 3:
        if (matches(p, "let")) {
          return SyntaxKind.LET_KW;
        }
        if (matches(p, "rec")) {
          return SyntaxKind.REC_KW;
        }
        break;
      case 4:
        if (matches(p, "then")) {
          return SyntaxKind.THEN_KW;
        }
        if (matches(p, "else")) {
          return SyntaxKind.ELSE_KW;
        }
        if (matches(p, "with")) {
          return SyntaxKind.WITH_KW;
        }
        break;
      case 6:
        if (matches(p, "assert")) {
          return SyntaxKind.ASSERT_KW;
        }
        break;
      case 7:
        if (matches(p, "inherit")) {
          return SyntaxKind.INHERIT_KW;
        }
        break;
      default:
        break;
    }
    return SyntaxKind.IDENT;
  }

  private boolean matches(int p, String word) {
    for (int i = 0; i < word.length(); i++) {
      if (s[p + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** An operator at {@code p}: {@code (length << 8) | kind}, or 0. */
  private int operator(int p, int c) {
    int d = at(p + 1);
    SyntaxKind k = null;
    switch (c) {
      case '.':
        if (d == '.' && at(p + 2) == '.') {
          return (3 << 8) | SyntaxKind.ELLIPSIS.ordinal();
        }
        return 0;
      case '=':
        k = d == '=' ? SyntaxKind.EQ : null;
        break;
      case '!':
        k = d == '=' ? SyntaxKind.NEQ : null;
        break;
      case '<':
        k = d == '=' ? SyntaxKind.LEQ : null;
        break;
      case '>':
        k = d == '=' ? SyntaxKind.GEQ : null;
        break;
      case '&':
        k = d == '&' ? SyntaxKind.AND : null;
        break;
      case '|':
        k = d == '|' ? SyntaxKind.OR : null;
        break;
      case '-':
        k = d == '>' ? SyntaxKind.IMPL : null;
        break;
      case '/':
        k = d == '/' ? SyntaxKind.UPDATE : null;
        break;
      case '+':
        k = d == '+' ? SyntaxKind.CONCAT : null;
        break;
      default:
        return 0;
    }
    return k == null ? 0 : (2 << 8) | k.ordinal();
  }

  /** End of FLOAT at {@code p}, or {@code p}. */
  private int floatEnd(int p) {
    // (([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?
    int q = p;
    int c = at(q);
    if (c >= '1' && c <= '9') {
      q++;
      while (is(at(q), DIGIT)) {
        q++;
      }
      if (at(q) != '.') {
        return p;
      }
      q++;
      while (is(at(q), DIGIT)) {
        q++;
      }
    } else {
      if (c == '0') {
        q++;
      }
      if (at(q) != '.' || !is(at(q + 1), DIGIT)) {
        return p;
      }
      q += 2;
      while (is(at(q), DIGIT)) {
        q++;
      }
    }
    c = at(q);
    if (c == 'e' || c == 'E') {
      int r = q + 1;
      if (at(r) == '+' || at(r) == '-') {
        r++;
      }
      if (is(at(r), DIGIT)) {
        while (is(at(r), DIGIT)) {
          r++;
        }
        q = r;
      }
    }
    return q;
  }

  /** End of the longest {@code {PATH_CHAR}*(\/{PATH_CHAR}+)+\/?} at {@code p}, or {@code p}. */
  private int pathEnd(int p) {
    int q = pathRun(p);
    int last = -1;
    while (at(q) == '/' && is(at(q + 1), PATH_CHAR)) {
      q += 2;
      while (q < end && (CLASS[s[q] & 0xff] & PATH_CHAR) != 0) {
        q++;
      }
      last = q;
    }
    if (last < 0) {
      return p;
    }
    if (at(q) == '/') {
      q++;
    }
    return q;
  }

  /** For {@code {PATH_SEG}\$\{} at {@code p}: the end of the segment (after its slash), or -1. */
  private int pathSegDollarCurly(int p) {
    int q = pathRun(p);
    if (at(q) == '/' && at(q + 1) == '$' && at(q + 2) == '{') {
      return q + 1;
    }
    return -1;
  }

  /** The end of the maximal run of PATH_CHARs starting at {@code p}. */
  private int pathRun(int p) {
    if (p >= pathRunFrom && p <= pathRunEnd) {
      return pathRunEnd;
    }
    int q = p;
    while (q < end && (CLASS[s[q] & 0xff] & PATH_CHAR) != 0) {
      q++;
    }
    pathRunFrom = p;
    pathRunEnd = q;
    return q;
  }

  /** End of {@code \<{PATH_CHAR}+(\/{PATH_CHAR}+)*\>} at {@code p}, or {@code p}. */
  private int spathEnd(int p) {
    int q = p + 1;
    if (!is(at(q), PATH_CHAR)) {
      return p;
    }
    q = pathRun(q);
    while (at(q) == '/' && is(at(q + 1), PATH_CHAR)) {
      q += 2;
      while (is(at(q), PATH_CHAR)) {
        q++;
      }
    }
    return at(q) == '>' ? q + 1 : p;
  }

  /** End of {@code [a-zA-Z][a-zA-Z0-9\+\-\.]*\:[uri chars]+} at {@code p}, or {@code p}. */
  private int uriEnd(int p) {
    int q;
    if (p >= schemeRunFrom && p <= schemeRunEnd) {
      q = schemeRunEnd;
    } else {
      q = p + 1;
      while (is(at(q), URI_SCHEME)) {
        q++;
      }
      schemeRunFrom = p;
      schemeRunEnd = q;
    }
    if (at(q) != ':' || !is(at(q + 1), URI_CHAR)) {
      return p;
    }
    q++;
    while (q < end && (CLASS[s[q] & 0xff] & URI_CHAR) != 0) {
      q++;
    }
    return q;
  }

  /** End of {@code \/\*([^*]|\*+[^*\/])*\*+\/} at {@code p}, or {@code p} when unclosed. */
  private int blockCommentEnd(int p) {
    if (p >= noCommentCloseAfter) {
      return p;
    }
    int q = p + 2;
    while (q < end) {
      if (s[q] == '*') {
        while (q < end && s[q] == '*') {
          q++;
        }
        if (q < end && s[q] == '/') {
          return q + 1;
        }
      } else {
        q++;
      }
    }
    noCommentCloseAfter = p;
    return p;
  }

  /** The end of the (possibly malformed) UTF-8 sequence starting at {@code p}. */
  private int utf8End(int p) {
    int c = s[p] & 0xff;
    int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    int q = p + 1;
    while (q < p + n && q < end && (s[q] & 0xc0) == 0x80) {
      q++;
    }
    return q;
  }

  // ---------------------------------------------------------------------------------------------
  // Strings.

  private void lexString() {
    int p = pos;
    int c = s[p] & 0xff;
    if (c == '"') {
      pop();
      emit(SyntaxKind.QUOTE, p, p + 1);
      return;
    }
    if (c == '$' && at(p + 1) == '{') {
      push(DEFAULT);
      emit(SyntaxKind.DOLLAR_CURLY, p, p + 2);
      return;
    }
    // ([^\$\"\\]|\$[^\{\"\\]|\\{ANY}|\$\\{ANY})+ , or the same followed by a $ before a ".
    int q = p;
    while (q < end) {
      int d = s[q] & 0xff;
      if (d == '"') {
        break;
      } else if (d == '\\') {
        if (q + 1 >= end) {
          break;
        }
        q += 2;
      } else if (d == '$') {
        int e = at(q + 1);
        if (e == '{' || e == '"' || e < 0) {
          break;
        }
        if (e == '\\') {
          if (q + 2 >= end) {
            break;
          }
          q += 3;
        } else {
          q += 2;
        }
      } else {
        q++;
      }
    }
    if (q < end && s[q] == '$' && at(q + 1) == '"') {
      q++;
    }
    if (q == p) {
      // A lone $, \ or $\ at the end of the input.
      q = Math.min(end, p + (c == '$' && at(p + 1) == '\\' ? 2 : 1));
    }
    emit(SyntaxKind.STR, p, q);
  }

  private void lexIndString() {
    int p = pos;
    int c = s[p] & 0xff;
    if (c == '\'' && at(p + 1) == '\'') {
      int d = at(p + 2);
      if (d == '$') {
        emit(SyntaxKind.IND_ESCAPE, p, p + 3);
      } else if (d == '\'') {
        emit(SyntaxKind.IND_ESCAPE, p, p + 3);
      } else if (d == '\\' && p + 3 < end) {
        emit(SyntaxKind.IND_ESCAPE, p, p + 4);
      } else {
        pop();
        emit(SyntaxKind.IND_CLOSE, p, p + 2);
      }
      return;
    }
    if (c == '$' && at(p + 1) == '{') {
      push(DEFAULT);
      emit(SyntaxKind.DOLLAR_CURLY, p, p + 2);
      return;
    }
    // ([^\$\']|\$[^\{\']|\'[^\'\$])+
    int q = p;
    while (q < end) {
      int d = s[q] & 0xff;
      if (d == '$') {
        int e = at(q + 1);
        if (e == '{' || e == '\'' || e < 0) {
          break;
        }
        q += 2;
      } else if (d == '\'') {
        int e = at(q + 1);
        if (e == '\'' || e == '$' || e < 0) {
          break;
        }
        q += 2;
      } else {
        q++;
      }
    }
    if (q == p) {
      // A lone $ or ' (before '' or ${ or at the end of the input).
      emit(SyntaxKind.IND_ESCAPE, p, p + 1);
      return;
    }
    emit(SyntaxKind.IND_STR, p, q);
  }

  // ---------------------------------------------------------------------------------------------
  // Paths after their first piece.

  private void lexInPath() {
    int p = pos;
    int c = s[p] & 0xff;
    if (c == '$' && at(p + 1) == '{') {
      replaceTop(INPATH);
      push(DEFAULT);
      emit(SyntaxKind.DOLLAR_CURLY, p, p + 2);
      return;
    }
    // {PATH}|{PATH_SEG}|{PATH_CHAR}+
    int q = pathEnd(p);
    int r = p;
    while (is(at(r), PATH_CHAR)) {
      r++;
    }
    int seg = at(r) == '/' ? r + 1 : -1;
    q = Math.max(q, Math.max(r, seg));
    if (q > p) {
      replaceTop(s[q - 1] == '/' ? INPATH_SLASH : INPATH);
      emit(SyntaxKind.PATH_FRAGMENT, p, q);
      return;
    }
    if (stack[sp - 1] == INPATH_SLASH) {
      trailingSlash(p, p);
    } else {
      out.addPathEnd(out.count);
    }
    // The path has ended: this byte is lexed again in the enclosing state.
    pop();
  }

  private void trailingSlash(int start, int stop) {
    if (out.lexErrorToken < 0) {
      out.lexErrorToken = out.count;
    }
    out.errors.add(new SyntaxError(TextRange.of(start, stop), "path has a trailing slash"));
  }
}
