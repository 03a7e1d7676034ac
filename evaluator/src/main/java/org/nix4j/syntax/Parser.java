package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The error-tolerant parser of the whole Nix 2.8 grammar: tokens in, a lossless green tree and a
 * list of {@link SyntaxError}s out. It never throws and always terminates, whatever the input.
 *
 * <p>It is a recursive-descent parser with precedence climbing for operators, but the recursion
 * does not live on the JVM stack: every grammar procedure is a set of states of one loop, and a
 * "call" pushes a frame (state and three locals) on an explicit stack. Nesting as deep as memory
 * allows ({@code [[[[...}, {@code ((((...}, {@code a: b: c: ...}, {@code -----x}) is therefore
 * safe. Operators use a separate explicit stack (shunting-yard style).
 *
 * <p>The parser emits events (start node, token, finish node), as in rust-analyzer; a node that
 * turns out to be the left operand of a binary operator is wrapped afterwards through a "forward
 * parent" link. {@link TreeBuilder} then turns the events and the tokens (trivia included) into
 * the green tree.
 *
 * <p>Errors are reported where Nix reports its first syntax error: at the first token that cannot
 * continue a valid program, or for the end of the file at the start of the last lexeme (trivia
 * included), as Nix's bison parser does. Only one error is reported per offset, so a missing token
 * does not produce a cascade of messages.
 */
public final class Parser {
  // ---- binary operator precedences (Nix's parser.y, lowest first) ----
  private static final int P_IMPL = 1;
  private static final int P_OR = 2;
  private static final int P_AND = 3;
  private static final int P_EQ = 4;
  private static final int P_CMP = 5;
  private static final int P_UPDATE = 6;
  private static final int P_NOT = 7;
  private static final int P_ADD = 8;
  private static final int P_MUL = 9;
  private static final int P_CONCAT = 10;
  private static final int P_HAS = 11;
  private static final int P_NEGATE = 12;

  private static final int[] BIN_PREC = new int[SyntaxKind.values().length];

  static {
    BIN_PREC[SyntaxKind.IMPL.ordinal()] = P_IMPL;
    BIN_PREC[SyntaxKind.OR.ordinal()] = P_OR;
    BIN_PREC[SyntaxKind.AND.ordinal()] = P_AND;
    BIN_PREC[SyntaxKind.EQ.ordinal()] = P_EQ;
    BIN_PREC[SyntaxKind.NEQ.ordinal()] = P_EQ;
    BIN_PREC[SyntaxKind.LT.ordinal()] = P_CMP;
    BIN_PREC[SyntaxKind.GT.ordinal()] = P_CMP;
    BIN_PREC[SyntaxKind.LEQ.ordinal()] = P_CMP;
    BIN_PREC[SyntaxKind.GEQ.ordinal()] = P_CMP;
    BIN_PREC[SyntaxKind.UPDATE.ordinal()] = P_UPDATE;
    BIN_PREC[SyntaxKind.PLUS.ordinal()] = P_ADD;
    BIN_PREC[SyntaxKind.MINUS.ordinal()] = P_ADD;
    BIN_PREC[SyntaxKind.STAR.ordinal()] = P_MUL;
    BIN_PREC[SyntaxKind.SLASH.ordinal()] = P_MUL;
    BIN_PREC[SyntaxKind.CONCAT.ordinal()] = P_CONCAT;
    BIN_PREC[SyntaxKind.QUESTION.ordinal()] = P_HAS;
  }

  private static boolean rightAssoc(int prec) {
    return prec == P_IMPL || prec == P_UPDATE || prec == P_CONCAT;
  }

  private static boolean nonAssoc(int prec) {
    return prec == P_EQ || prec == P_CMP;
  }

  // ---- token kinds as bytes, for speed ----
  private static final byte K_EOF = (byte) SyntaxKind.EOF.ordinal();
  private static final byte K_IDENT = (byte) SyntaxKind.IDENT.ordinal();
  private static final byte K_OR_KW = (byte) SyntaxKind.OR_KW.ordinal();
  private static final byte K_COLON = (byte) SyntaxKind.COLON.ordinal();
  private static final byte K_AT = (byte) SyntaxKind.AT.ordinal();
  private static final byte K_L_BRACE = (byte) SyntaxKind.L_BRACE.ordinal();
  private static final byte K_R_BRACE = (byte) SyntaxKind.R_BRACE.ordinal();
  private static final byte K_COMMA = (byte) SyntaxKind.COMMA.ordinal();
  private static final byte K_QUESTION = (byte) SyntaxKind.QUESTION.ordinal();
  private static final byte K_ELLIPSIS = (byte) SyntaxKind.ELLIPSIS.ordinal();
  private static final byte K_DOT = (byte) SyntaxKind.DOT.ordinal();
  private static final byte K_ASSIGN = (byte) SyntaxKind.ASSIGN.ordinal();
  private static final byte K_SEMICOLON = (byte) SyntaxKind.SEMICOLON.ordinal();
  private static final byte K_QUOTE = (byte) SyntaxKind.QUOTE.ordinal();
  private static final byte K_DOLLAR_CURLY = (byte) SyntaxKind.DOLLAR_CURLY.ordinal();
  private static final byte K_IN = (byte) SyntaxKind.IN_KW.ordinal();
  private static final byte K_INHERIT = (byte) SyntaxKind.INHERIT_KW.ordinal();
  private static final byte K_L_PAREN = (byte) SyntaxKind.L_PAREN.ordinal();
  private static final byte K_R_PAREN = (byte) SyntaxKind.R_PAREN.ordinal();
  private static final byte K_L_BRACK = (byte) SyntaxKind.L_BRACK.ordinal();
  private static final byte K_R_BRACK = (byte) SyntaxKind.R_BRACK.ordinal();
  private static final byte K_MINUS = (byte) SyntaxKind.MINUS.ordinal();
  private static final byte K_BANG = (byte) SyntaxKind.BANG.ordinal();
  private static final byte K_LET = (byte) SyntaxKind.LET_KW.ordinal();
  private static final byte K_STR = (byte) SyntaxKind.STR.ordinal();
  private static final byte K_IND_OPEN = (byte) SyntaxKind.IND_OPEN.ordinal();
  private static final byte K_IND_CLOSE = (byte) SyntaxKind.IND_CLOSE.ordinal();
  private static final byte K_IND_STR = (byte) SyntaxKind.IND_STR.ordinal();
  private static final byte K_IND_ESCAPE = (byte) SyntaxKind.IND_ESCAPE.ordinal();
  private static final byte K_PATH_FRAGMENT = (byte) SyntaxKind.PATH_FRAGMENT.ordinal();

  /** Tokens that can start an {@code expr_simple} (an application argument, a list element). */
  private static final boolean[] STARTS_SIMPLE = new boolean[SyntaxKind.values().length];
  /** Tokens an enclosing construct may be waiting for: never swallowed as junk. */
  private static final boolean[] CLOSER = new boolean[SyntaxKind.values().length];

  static {
    for (SyntaxKind k : new SyntaxKind[] {
      SyntaxKind.IDENT, SyntaxKind.INT, SyntaxKind.FLOAT, SyntaxKind.URI, SyntaxKind.PATH,
      SyntaxKind.HPATH, SyntaxKind.SPATH, SyntaxKind.QUOTE, SyntaxKind.IND_OPEN,
      SyntaxKind.L_PAREN, SyntaxKind.L_BRACK, SyntaxKind.L_BRACE, SyntaxKind.REC_KW,
      SyntaxKind.LET_KW
    }) {
      STARTS_SIMPLE[k.ordinal()] = true;
    }
    for (SyntaxKind k : new SyntaxKind[] {
      SyntaxKind.R_PAREN, SyntaxKind.R_BRACK, SyntaxKind.R_BRACE, SyntaxKind.SEMICOLON,
      SyntaxKind.IN_KW, SyntaxKind.THEN_KW, SyntaxKind.ELSE_KW, SyntaxKind.COMMA, SyntaxKind.EOF
    }) {
      CLOSER[k.ordinal()] = true;
    }
  }

  // ---- states of the explicit-stack machine ----
  private static final int ROOT_0 = 0;
  private static final int ROOT_1 = 1;
  private static final int ROOT_JUNK = 2;
  private static final int EXPR_0 = 10;
  private static final int EXPR_FINISH = 11; // a = marker, b = kind
  private static final int EXPR_PATTERN = 12; // a = lambda, b = pattern, c = 1 when bound on the left
  private static final int EXPR_ASSERT_1 = 13; // a = marker
  private static final int EXPR_WITH_1 = 14;
  private static final int EXPR_LET_1 = 15;
  private static final int EXPR_IF_1 = 16;
  private static final int EXPR_IF_2 = 17;
  private static final int OP_OPERAND = 21; // a = base
  private static final int OP_HAS = 22; // a = base, b = marker
  private static final int APP_1 = 31;
  private static final int APP_ARG = 32; // a = marker
  private static final int SEL_0 = 40;
  private static final int SEL_1 = 41;
  private static final int SEL_PATH = 42; // a = marker
  private static final int SEL_DEFAULT = 43; // a = marker
  private static final int PAREN_1 = 51; // a = marker, b = offset of `(`
  private static final int SET_1 = 52; // a = marker, b = kind, c = opening offset
  private static final int LIST_1 = 53; // a = marker, b = offset of `[`
  private static final int STR_LOOP = 54; // a = marker
  private static final int STR_INTERP = 55; // a = marker, b = interpolation, c = its offset
  private static final int PATH_LOOP = 56; // a = marker, b = 1 after an interpolation
  private static final int PATH_INTERP = 57; // a = marker, b = interpolation, c = its offset
  private static final int BIND_0 = 60; // a = 1 in a let
  private static final int BIND_ATTRPATH = 61; // a = marker, b = attrpath start token, c = mode
  private static final int BIND_VALUE = 62; // a = marker, b = attrpath start token, c = mode
  private static final int INH_FROM = 63; // a = inherit marker, b = from marker, c = mode
  private static final int INH_ATTRS = 64; // a = inherit marker, c = mode
  private static final int INH_DYN = 65; // a = inherit marker, b = dynamic marker, c = mode
  private static final int ATTRPATH_1 = 71; // a = marker
  private static final int ATTRPATH_DYN = 72; // a = marker, b = dynamic marker
  private static final int FORMALS_0 = 80; // a = pattern marker
  private static final int FORMALS_DEFAULT = 81; // a = pattern marker, b = entry marker

  // ---- event encoding ----
  private static final int EV_FINISH = -1;
  private static final int EV_TOMBSTONE = -2;
  private static final int EV_START_BASE = -10; // START of kind k is EV_START_BASE - k

  private final byte[] text;
  private final Lexer.Tokens tokens;
  /** Indices of the significant (non-trivia) tokens, then sentinels for the end of the input. */
  private final int[] sig;
  /** Kinds of the significant tokens, then EOF sentinels. */
  private final byte[] sk;
  private final int nsig;
  private int p;

  private int[] ev;
  private int[] fwd;
  private int evn;

  private int[] fs = new int[64];
  private int[] fa = new int[64];
  private int[] fb = new int[64];
  private int[] fc = new int[64];
  private int fsp;

  private int[] opMarker = new int[32];
  private int[] opPrec = new int[32];
  private int[] opKind = new int[32];
  private int opTop;

  /** The marker of the node completed last, or -1 when the last procedure produced nothing. */
  private int last = -1;

  private final List<SyntaxError> errors = new ArrayList<>();
  private int lastErrorOffset = -1;
  private LineIndex lineIndex;

  private Parser(byte[] text, Lexer.Tokens tokens) {
    this.text = text;
    this.tokens = tokens;
    int n = tokens.count;
    int[] s = new int[n + 4];
    byte[] k = new byte[n + 4];
    int m = 0;
    int trivia = SyntaxKind.IGNORED_TAIL.ordinal();
    for (int i = 0; i < n; i++) {
      byte kind = tokens.kinds[i];
      if (kind > trivia) {
        s[m] = i;
        k[m] = kind;
        m++;
      }
    }
    for (int i = m; i < m + 4; i++) {
      s[i] = n;
      k[i] = K_EOF;
    }
    this.sig = s;
    this.sk = k;
    this.nsig = m;
    int cap = m * 3 + 16; // about 2.6 events per significant token
    this.ev = new int[cap];
    this.fwd = new int[cap];
  }

  /** Parses a byte string (see {@link SourceFile}). */
  public static Parse parse(String text) {
    return parse(Bytes.of(text), text);
  }

  static Parse parse(byte[] bytes, String text) {
    Lexer.Tokens tokens = Lexer.lex(bytes);
    Parser parser = new Parser(bytes, tokens);
    try {
      parser.run(ROOT_0);
      GreenNode root =
          TreeBuilder.build(tokens, parser.ev, parser.fwd, parser.evn, SyntaxKind.ROOT);
      return new Parse(text, root, parser.allErrors());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      // A bug of the parser (or no memory left): still a complete tree and an error, no throw.
      GreenNode root = TreeBuilder.build(tokens, new int[0], new int[0], 0, SyntaxKind.ROOT);
      return new Parse(text, root, List.of(new SyntaxError(TextRange.empty(0),
          "internal error of the parser (please report it): " + e)));
    }
  }

  /**
   * The syntax errors of a byte string, without building its tree: exactly the errors of
   * {@link #parse}, for a syntax check ({@code nix4j parse} without {@code --tree}).
   */
  public static List<SyntaxError> check(String text) {
    byte[] bytes = Bytes.of(text);
    Lexer.Tokens tokens = Lexer.lex(bytes);
    Parser parser = new Parser(bytes, tokens);
    try {
      parser.run(ROOT_0);
      return List.copyOf(parser.allErrors());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return List.of(new SyntaxError(TextRange.empty(0),
          "internal error of the parser (please report it): " + e));
    }
  }

  /**
   * Parses {@code text} as the contents of a node of {@code kind} that can be reparsed on its own
   * (a parenthesized expression, a list, an attribute set, a let-block): returns its green node,
   * or {@code null} when the text does not make exactly one such node without errors.
   */
  static GreenNode parseNode(byte[] bytes, SyntaxKind kind) {
    Lexer.Tokens tokens = Lexer.lex(bytes);
    if (!tokens.errors.isEmpty() || tokens.count == 0
        || tokens.kinds[0] <= SyntaxKind.IGNORED_TAIL.ordinal()) {
      return null;
    }
    Parser parser = new Parser(bytes, tokens);
    parser.run(ROOT_0);
    if (!parser.errors.isEmpty()) {
      return null;
    }
    GreenNode root = TreeBuilder.build(tokens, parser.ev, parser.fwd, parser.evn, SyntaxKind.ROOT);
    if (root.childCount() != 1 || !(root.child(0) instanceof GreenNode n) || n.kind() != kind) {
      return null;
    }
    return n;
  }

  /**
   * Our errors and the lexer's, in source order; the first one gets the message Nix prints for
   * it when Nix reports its first syntax error at the same place (see {@link NixSyntaxMessages}).
   */
  private List<SyntaxError> allErrors() {
    if (errors.isEmpty() && tokens.errors.isEmpty()) {
      return errors;
    }
    // By position; at the same position the lexer's error first: Nix's lexer throws it when its
    // parser asks for the token, before the parser can find that token unexpected.
    List<SyntaxError> all = new ArrayList<>(tokens.errors);
    all.addAll(errors);
    all.sort(Comparator.comparingInt(SyntaxError::start));
    NixSyntaxMessages.Result nix = NixSyntaxMessages.firstError(tokens);
    if (nix != null && all.get(0).start() == nix.offset()) {
      all.set(0, all.get(0).withNixMessage(nix.message()));
    }
    return all;
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens.

  private byte cur() {
    return sk[p];
  }

  private byte nth(int k) {
    int i = p + k;
    return i < nsig ? sk[i] : K_EOF;
  }

  private boolean at(byte kind) {
    return sk[p] == kind;
  }

  private void bump() {
    if (p < nsig) {
      push(sig[p]);
      p++;
    }
  }

  /** Whether the current token directly follows the previous one (no trivia in between). */
  private boolean adjacent() {
    return p > 0 && p < nsig && sig[p] == sig[p - 1] + 1;
  }

  private int tokenStart() {
    return tokens.starts[sig[p]];
  }

  // ---------------------------------------------------------------------------------------------
  // Events.

  private void push(int e) {
    if (evn == ev.length) {
      ev = Arrays.copyOf(ev, evn * 2);
      fwd = Arrays.copyOf(fwd, evn * 2);
    }
    ev[evn] = e;
    fwd[evn] = 0;
    evn++;
  }

  private int start() {
    int m = evn;
    push(EV_TOMBSTONE);
    return m;
  }

  private int complete(int marker, SyntaxKind kind) {
    ev[marker] = EV_START_BASE - kind.ordinal();
    push(EV_FINISH);
    last = marker;
    return marker;
  }

  /** A new node that will contain the completed node {@code completed} as its first child. */
  private int precede(int completed) {
    int m = start();
    fwd[completed] = m - completed;
    return m;
  }

  private void abandon(int marker) {
    if (marker == evn - 1) {
      evn--;
    } else {
      ev[marker] = EV_TOMBSTONE;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Errors.

  /** Where Nix reports the current token: its start, or for the end of file the last lexeme's. */
  private int errorOffset() {
    if (p < nsig) {
      return tokens.starts[sig[p]];
    }
    return eofOffset();
  }

  private int eofOffset() {
    int n = tokens.count;
    if (tokens.pathEndCount > 0 && tokens.pathEnds[tokens.pathEndCount - 1] == n) {
      // The input ends in a path: Nix's PATH_END moved its location back before the last piece.
      return n >= 2 ? tokens.starts[n - 2] : 0;
    }
    return n == 0 ? 0 : tokens.starts[n - 1];
  }

  private TextRange errorRange() {
    if (p < nsig) {
      int i = sig[p];
      return TextRange.of(tokens.starts[i], tokens.starts[i + 1]);
    }
    return TextRange.empty(eofOffset());
  }

  private void error(TextRange range, String message) {
    error(range, message, -1);
  }

  /** An error whose message names the position {@code related} (as line:column). */
  private void error(TextRange range, String message, int related) {
    error(range, message, related, "syntax error, unexpected "
        + NixSyntaxMessages.nixName(p < nsig ? SyntaxKind.of(sk[p]) : SyntaxKind.EOF));
  }

  /**
   * An error, with {@code nixMessage} saying it in Nix's words (for a first error, replaced by
   * Nix's exact message, with what it expected, in {@link #allErrors}).
   */
  private void error(TextRange range, String message, int related, String nixMessage) {
    if (range.start() == lastErrorOffset) {
      return;
    }
    lastErrorOffset = range.start();
    errors.add(new SyntaxError(range, message, related, nixMessage));
  }

  /** An error at the current token: "unexpected X, expected WHAT". */
  private void unexpected(String expected) {
    unexpected(expected, -1);
  }

  private void unexpected(String expected, int related) {
    String msg = "unexpected " + describeCurrent();
    if (expected != null) {
      msg += ", expected " + expected;
    }
    error(errorRange(), msg, related);
  }

  private String describeCurrent() {
    if (p >= nsig) {
      return "end of file";
    }
    SyntaxKind k = SyntaxKind.of(sk[p]);
    int i = sig[p];
    switch (k) {
      case IDENT:
      case INT:
      case FLOAT:
      case URI:
      case PATH:
      case HPATH:
      case SPATH:
        return k.display() + " `" + abbreviate(tokens.text(i)) + "`";
      case ERROR_TOKEN: {
        String t = tokens.text(i);
        String u = Bytes.toUnicode(t);
        if (u.length() == 1 && (u.charAt(0) < 0x20 || u.charAt(0) == 0x7f || u.charAt(0) == 0xfffd)
            || u.equals("\ufeff")) {
          StringBuilder hex = new StringBuilder("byte");
          for (int j = 0; j < t.length(); j++) {
            hex.append(String.format(" 0x%02x", (int) t.charAt(j)));
          }
          return hex.toString();
        }
        return "character `" + u + "`";
      }
      default:
        return k.display();
    }
  }

  private static String abbreviate(String s) {
    String u = Bytes.toUnicode(s);
    return u.length() > 40 ? u.substring(0, 37) + "..." : u;
  }

  /** Expects {@code kind} at the current token: bumps it, or reports an error and returns false. */
  private boolean expect(byte kind, String context) {
    if (cur() == kind) {
      bump();
      return true;
    }
    unexpected(SyntaxKind.of(kind).display() + (context == null ? "" : " " + context));
    return false;
  }

  /** Expects the token closing {@code opener} (opened at {@code openOffset}). */
  private boolean expectClosing(byte kind, String opener, int openOffset) {
    if (cur() == kind) {
      bump();
      return true;
    }
    if (p >= nsig) {
      error(errorRange(), "unexpected end of file: unclosed " + opener + " opened at "
          + lineCol(openOffset), openOffset);
    } else {
      unexpected(SyntaxKind.of(kind).display() + " to close the " + opener + " at "
          + lineCol(openOffset), openOffset);
    }
    return false;
  }

  private String lineCol(int offset) {
    if (lineIndex == null) {
      lineIndex = LineIndex.ofBytes(Bytes.toByteString(text));
    }
    LineIndex.LineCol lc = lineIndex.lineCol(offset, LineIndex.Encoding.UTF8);
    return (lc.line() + 1) + ":" + (lc.column() + 1);
  }

  private String attrpathText(int fromSig, int toSig) {
    if (toSig <= fromSig) {
      return "?";
    }
    int a = tokens.starts[sig[fromSig]];
    int b = tokens.starts[sig[toSig - 1] + 1];
    String s = Bytes.toUnicode(new String(text, 0, a, b - a));
    s = s.replaceAll("\\s+", " ");
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  // ---------------------------------------------------------------------------------------------
  // The machine.

  private void call(int state, int a, int b, int c) {
    if (fsp == fs.length) {
      int n = fsp * 2;
      fs = Arrays.copyOf(fs, n);
      fa = Arrays.copyOf(fa, n);
      fb = Arrays.copyOf(fb, n);
      fc = Arrays.copyOf(fc, n);
    }
    fs[fsp] = state;
    fa[fsp] = a;
    fb[fsp] = b;
    fc[fsp] = c;
    fsp++;
  }

  private void call(int state) {
    call(state, 0, 0, 0);
  }

  private void pushOp(int marker, int prec, int kind) {
    if (opTop == opMarker.length) {
      int n = opTop * 2;
      opMarker = Arrays.copyOf(opMarker, n);
      opPrec = Arrays.copyOf(opPrec, n);
      opKind = Arrays.copyOf(opKind, n);
    }
    opMarker[opTop] = marker;
    opPrec[opTop] = prec;
    opKind[opTop] = kind;
    opTop++;
  }

  /** Completes the operator on top of the operator stack; it becomes the last operand. */
  private void reduceOp() {
    opTop--;
    complete(opMarker[opTop], SyntaxKind.of(opKind[opTop]));
  }

  private void run(int initial) {
    call(initial);
    while (fsp > 0) {
      fsp--;
      int state = fs[fsp];
      int a = fa[fsp];
      int b = fb[fsp];
      int c = fc[fsp];
      step(state, a, b, c);
    }
  }

  private void step(int state, int a, int b, int c) {
    switch (state) {
      // ---- the file ----
      case ROOT_0:
        call(ROOT_1);
        call(EXPR_0);
        return;
      case ROOT_1:
        if (at(K_EOF)) {
          return;
        }
        unexpected(last < 0 ? "an expression" : "end of file");
        call(ROOT_JUNK, start(), 0, 0);
        return;
      case ROOT_JUNK:
        if (at(K_EOF)) {
          complete(a, SyntaxKind.ERROR);
          return;
        }
        call(ROOT_JUNK, a, 0, 0);
        if (startsExpr(cur())) {
          call(EXPR_0);
        } else {
          bump();
        }
        return;

      // ---- expr_function: lambdas, assert, with, let, if, or an operator expression ----
      case EXPR_0:
        expr0();
        return;
      case EXPR_FINISH:
        complete(a, SyntaxKind.of(b));
        return;
      case EXPR_PATTERN:
        exprPattern(a, b, c);
        return;
      case EXPR_ASSERT_1:
        expect(K_SEMICOLON, "after the condition of `assert`");
        call(EXPR_FINISH, a, SyntaxKind.ASSERT.ordinal(), 0);
        call(EXPR_0);
        return;
      case EXPR_WITH_1:
        expect(K_SEMICOLON, "after the expression of `with`");
        call(EXPR_FINISH, a, SyntaxKind.WITH.ordinal(), 0);
        call(EXPR_0);
        return;
      case EXPR_LET_1:
        if (at(K_IN)) {
          bump();
        } else {
          unexpected("`in` after the bindings of `let`");
          if (!startsExpr(cur())) {
            complete(a, SyntaxKind.LET_IN);
            return;
          }
        }
        call(EXPR_FINISH, a, SyntaxKind.LET_IN.ordinal(), 0);
        call(EXPR_0);
        return;
      case EXPR_IF_1:
        expect((byte) SyntaxKind.THEN_KW.ordinal(), "after the condition of `if`");
        call(EXPR_IF_2, a, 0, 0);
        call(EXPR_0);
        return;
      case EXPR_IF_2:
        expect((byte) SyntaxKind.ELSE_KW.ordinal(), "after the `then` branch");
        call(EXPR_FINISH, a, SyntaxKind.IF_ELSE.ordinal(), 0);
        call(EXPR_0);
        return;

      // ---- operators ----
      case OP_OPERAND:
        opOperand(a);
        return;
      case OP_HAS:
        complete(b, SyntaxKind.HAS_ATTR);
        opOperand(a);
        return;

      // ---- application ----
      case APP_1:
        if (last >= 0 && STARTS_SIMPLE[cur()]) {
          call(APP_ARG, precede(last), 0, 0);
          sel0();
        }
        return;
      case APP_ARG:
        complete(a, SyntaxKind.APPLY);
        call(APP_1);
        return;

      // ---- select ----
      case SEL_0:
        sel0();
        return;
      case SEL_1:
        if (last < 0) {
          return;
        }
        if (at(K_DOT)) {
          int m = precede(last);
          bump();
          call(SEL_PATH, m, 0, 0);
          callAttrpath("after `.`");
        } else if (at(K_OR_KW)) {
          // `f or`: an application of f to a variable named `or`.
          int m = precede(last);
          int o = start();
          bump();
          complete(o, SyntaxKind.IDENT_EXPR);
          complete(m, SyntaxKind.APPLY);
        }
        return;
      case SEL_PATH:
        if (at(K_OR_KW)) {
          bump();
          call(SEL_DEFAULT, a, 0, 0);
          sel0();
        } else {
          complete(a, SyntaxKind.SELECT);
        }
        return;
      case SEL_DEFAULT:
        complete(a, SyntaxKind.SELECT);
        return;

      // ---- expr_simple ----
      case PAREN_1:
        expectClosing(K_R_PAREN, "`(`", b);
        complete(a, SyntaxKind.PAREN);
        return;
      case SET_1:
        expectClosing(K_R_BRACE, "`{`", c);
        complete(a, SyntaxKind.of(b));
        return;
      case LIST_1:
        list1(a, b);
        return;
      case STR_LOOP:
        strLoop(a);
        return;
      case STR_INTERP:
        expectClosing(K_R_BRACE, "`${`", c);
        complete(b, SyntaxKind.INTERPOL);
        call(STR_LOOP, a, 0, 0);
        return;
      case PATH_LOOP:
        pathLoop(a, b);
        return;
      case PATH_INTERP:
        expectClosing(K_R_BRACE, "`${`", c);
        complete(b, SyntaxKind.INTERPOL);
        call(PATH_LOOP, a, 1, 0);
        return;
      // ---- bindings ----
      case BIND_0:
        bind0(a);
        return;
      case BIND_ATTRPATH:
        if (at(K_ASSIGN)) {
          bump();
          call(BIND_VALUE, a, b, c);
          call(EXPR_0);
        } else {
          unexpected("`=` after `" + attrpathText(b, p) + "`");
          if (at(K_SEMICOLON)) {
            bump();
          }
          complete(a, SyntaxKind.BINDING);
          call(BIND_0, c, 0, 0);
        }
        return;
      case BIND_VALUE: {
        int pathEnd = b;
        // Find the end of the attribute path: the token before `=`.
        while (pathEnd < p && sk[pathEnd] != K_ASSIGN) {
          pathEnd++;
        }
        if (!at(K_SEMICOLON)) {
          unexpected("`;` after the binding of `" + attrpathText(b, pathEnd) + "`");
        } else {
          bump();
        }
        complete(a, SyntaxKind.BINDING);
        call(BIND_0, c, 0, 0);
        return;
      }
      case INH_FROM:
        expectClosing(K_R_PAREN, "`(`", tokens.starts[ev[b + 1]]);
        complete(b, SyntaxKind.INHERIT_FROM);
        inheritAttrs(a, c);
        return;
      case INH_ATTRS:
        inheritAttrs(a, c);
        return;
      case INH_DYN:
        expect(K_R_BRACE, "after the interpolation");
        complete(b, SyntaxKind.ATTR_DYNAMIC);
        inheritAttrs(a, c);
        return;

      // ---- attribute paths ----
      case ATTRPATH_1:
        if (at(K_DOT)) {
          bump();
          attr(a, 1);
        } else {
          complete(a, SyntaxKind.ATTRPATH);
        }
        return;
      case ATTRPATH_DYN:
        expect(K_R_BRACE, "after the attribute name");
        complete(b, SyntaxKind.ATTR_DYNAMIC);
        call(ATTRPATH_1, a, 0, 0);
        return;
      // ---- formals ----
      case FORMALS_0:
        formals0(a);
        return;
      case FORMALS_DEFAULT:
        complete(b, SyntaxKind.PAT_ENTRY);
        formalsNext(a);
        return;
      default:
        throw new IllegalStateException("parser state " + state);
    }
  }

  private static boolean startsExpr(byte k) {
    return STARTS_SIMPLE[k] || k == K_MINUS || k == K_BANG
        || k == SyntaxKind.IF_KW.ordinal() || k == SyntaxKind.ASSERT_KW.ordinal()
        || k == SyntaxKind.WITH_KW.ordinal();
  }

  private void expr0() {
    byte k = cur();
    if (k == K_IDENT) {
      byte n = nth(1);
      if (n == K_COLON) {
        int m = start();
        int param = start();
        bump();
        complete(param, SyntaxKind.IDENT_PARAM);
        bump();
        call(EXPR_FINISH, m, SyntaxKind.LAMBDA.ordinal(), 0);
        call(EXPR_0);
        return;
      }
      if (n == K_AT) {
        int m = start();
        int pat = start();
        int bind = start();
        bump();
        bump();
        complete(bind, SyntaxKind.PAT_BIND);
        if (at(K_L_BRACE)) {
          call(EXPR_PATTERN, m, pat, 1);
          call(FORMALS_0, pat, 0, 0);
        } else {
          unexpected("`{` after `@`");
          exprPattern(m, pat, 1);
        }
        return;
      }
    } else if (k == K_L_BRACE && isFormals()) {
      int m = start();
      int pat = start();
      call(EXPR_PATTERN, m, pat, 0);
      call(FORMALS_0, pat, 0, 0);
      return;
    } else if (k == SyntaxKind.ASSERT_KW.ordinal()) {
      int m = start();
      bump();
      call(EXPR_ASSERT_1, m, 0, 0);
      call(EXPR_0);
      return;
    } else if (k == SyntaxKind.WITH_KW.ordinal()) {
      int m = start();
      bump();
      call(EXPR_WITH_1, m, 0, 0);
      call(EXPR_0);
      return;
    } else if (k == K_LET && nth(1) != K_L_BRACE) {
      int m = start();
      bump();
      call(EXPR_LET_1, m, 0, 0);
      call(BIND_0, 1, 0, 0);
      return;
    } else if (k == SyntaxKind.IF_KW.ordinal()) {
      int m = start();
      bump();
      call(EXPR_IF_1, m, 0, 0);
      call(EXPR_0);
      return;
    }
    opPrefix(opTop);
  }

  /** After the formals of a pattern (or after {@code x @} without formals). */
  private void exprPattern(int lambda, int pat, int boundLeft) {
    if (at(K_AT)) {
      int bind = start();
      if (boundLeft != 0) {
        unexpected("`:` (a pattern has at most one `@` name)");
      }
      bump();
      if (at(K_IDENT)) {
        bump();
      } else {
        unexpected("a name after `@`");
      }
      complete(bind, SyntaxKind.PAT_BIND);
    }
    complete(pat, SyntaxKind.PATTERN);
    if (at(K_COLON)) {
      bump();
    } else {
      unexpected("`:` after the function's parameters");
      if (!startsExpr(cur())) {
        complete(lambda, SyntaxKind.LAMBDA);
        return;
      }
    }
    call(EXPR_FINISH, lambda, SyntaxKind.LAMBDA.ordinal(), 0);
    call(EXPR_0);
  }

  /** Whether the {@code {} at the current token starts a lambda's formals (not a set). */
  private boolean isFormals() {
    byte k1 = nth(1);
    if (k1 == K_R_BRACE) {
      byte k2 = nth(2);
      return k2 == K_COLON || k2 == K_AT;
    }
    if (k1 == K_ELLIPSIS) {
      return true;
    }
    if (k1 == K_IDENT) {
      byte k2 = nth(2);
      // `{ a }` can only be formals (a set needs `=`): like Nix, expect the `:` after it.
      return k2 == K_COMMA || k2 == K_QUESTION || k2 == K_R_BRACE;
    }
    return false;
  }

  // ---- operators ----

  private void opPrefix(int base) {
    while (true) {
      byte k = cur();
      if (k == K_MINUS) {
        int m = start();
        bump();
        pushOp(m, P_NEGATE, SyntaxKind.UNARY_OP.ordinal());
      } else if (k == K_BANG) {
        int m = start();
        bump();
        pushOp(m, P_NOT, SyntaxKind.UNARY_OP.ordinal());
      } else {
        break;
      }
    }
    call(OP_OPERAND, base, 0, 0);
    app0();
  }

  // The descent expr_op -> expr_app -> expr_select -> expr_simple is made of direct calls (a
  // bounded chain): only the frames pushed for their continuations go on the explicit stack.
  // Whatever nests (parentheses, lists, sets, strings...) pushes a frame instead of calling.

  private void app0() {
    call(APP_1);
    sel0();
  }

  private void sel0() {
    call(SEL_1);
    simple();
  }

  private void opOperand(int base) {
    int operand = last;
    byte k = cur();
    int prec = BIN_PREC[k];
    if (prec == 0) {
      while (opTop > base) {
        reduceOp();
      }
      return;
    }
    // Reduce the operators that bind tighter.
    while (opTop > base) {
      int top = opPrec[opTop - 1];
      boolean prefix = opKind[opTop - 1] == SyntaxKind.UNARY_OP.ordinal();
      if (top > prec || (!prefix && top == prec && !rightAssoc(prec))) {
        if (!prefix && top == prec && nonAssoc(prec)) {
          chained();
        }
        reduceOp();
        operand = last;
      } else {
        break;
      }
    }
    int m = operand >= 0 ? precede(operand) : start();
    bump();
    if (prec == P_HAS) {
      call(OP_HAS, base, m, 0);
      callAttrpath("after `?`");
      return;
    }
    pushOp(m, prec, SyntaxKind.BINARY_OP.ordinal());
    opPrefix(base);
  }

  private void chained() {
    error(errorRange(), "unexpected " + describeCurrent() + ": " + describeCurrent()
        + " cannot be chained with an operator of the same precedence; add parentheses");
  }

  // ---- expr_simple ----

  private void simple() {
    byte k = cur();
    SyntaxKind kind = SyntaxKind.of(k);
    switch (kind) {
      case IDENT: {
        int m = start();
        bump();
        complete(m, SyntaxKind.IDENT_EXPR);
        return;
      }
      case INT:
      case FLOAT:
      case URI: {
        checkNumber(kind);
        int m = start();
        bump();
        complete(m, SyntaxKind.LITERAL);
        return;
      }
      case SPATH: {
        int m = start();
        bump();
        complete(m, SyntaxKind.SEARCH_PATH);
        return;
      }
      case PATH:
      case HPATH: {
        int m = start();
        bump();
        pathLoop(m, 0);
        return;
      }
      case QUOTE:
      case IND_OPEN:
        callString();
        return;
      case L_PAREN: {
        int m = start();
        int open = tokenStart();
        bump();
        call(PAREN_1, m, open, 0);
        call(EXPR_0);
        return;
      }
      case LET_KW: {
        // Only `let {` reaches here: `let ... in` is an expr_function.
        int m = start();
        int open = tokenStart();
        bump();
        if (!at(K_L_BRACE)) {
          unexpected("`{` after `let` (or `let` at the start of an expression)");
          complete(m, SyntaxKind.LEGACY_LET);
          return;
        }
        open = tokenStart();
        bump();
        call(SET_1, m, SyntaxKind.LEGACY_LET.ordinal(), open);
        call(BIND_0, 0, 0, 0);
        return;
      }
      case REC_KW: {
        int m = start();
        bump();
        if (!at(K_L_BRACE)) {
          unexpected("`{` after `rec`");
          complete(m, SyntaxKind.ATTR_SET);
          return;
        }
        int open = tokenStart();
        bump();
        call(SET_1, m, SyntaxKind.ATTR_SET.ordinal(), open);
        call(BIND_0, 0, 0, 0);
        return;
      }
      case L_BRACE: {
        int m = start();
        int open = tokenStart();
        bump();
        call(SET_1, m, SyntaxKind.ATTR_SET.ordinal(), open);
        call(BIND_0, 0, 0, 0);
        return;
      }
      case L_BRACK: {
        int m = start();
        int open = tokenStart();
        bump();
        list1(m, open);
        return;
      }
      case IF_KW:
      case WITH_KW:
      case ASSERT_KW:
        // Nix requires parentheses here; parse the expression anyway for a useful tree.
        error(errorRange(), "unexpected " + kind.display()
            + ": put the `" + Bytes.toUnicode(tokens.text(sig[p])) + "` expression in parentheses");
        call(EXPR_0);
        return;
      default:
        break;
    }
    if (CLOSER[k]) {
      unexpected("an expression");
      last = -1;
      return;
    }
    // Junk: swallow the token into an error node that stands for the missing expression.
    unexpected(k == K_MINUS ? "an expression (a negative number needs parentheses here)"
        : "an expression");
    int m = start();
    bump();
    complete(m, SyntaxKind.ERROR);
  }

  /** Nix's lexer rejects integers that overflow and floats out of range. */
  private void checkNumber(SyntaxKind kind) {
    int i = sig[p];
    int len = tokens.starts[i + 1] - tokens.starts[i];
    if (kind == SyntaxKind.INT && len > 18 && Literals.parseInt(tokens.text(i)) == null) {
      String m = "invalid integer '" + tokens.text(i) + "'";
      error(errorRange(), m, -1, m);
    } else if (kind == SyntaxKind.FLOAT && Literals.parseFloat(tokens.text(i)) == null) {
      String m = "invalid float '" + tokens.text(i) + "'";
      error(errorRange(), m, -1, m);
    }
  }

  private void list1(int m, int open) {
    while (true) {
      byte k = cur();
      if (STARTS_SIMPLE[k]) {
        call(LIST_1, m, open, 0);
        call(SEL_0);
        return;
      }
      if (k == K_R_BRACK) {
        bump();
        complete(m, SyntaxKind.LIST);
        return;
      }
      if (k == K_EOF || k == K_R_BRACE || k == K_R_PAREN || k == K_SEMICOLON || k == K_IN) {
        expectClosing(K_R_BRACK, "`[`", open);
        complete(m, SyntaxKind.LIST);
        return;
      }
      unexpected(k == K_MINUS ? "a list element (a negative number needs parentheses)"
          : "a list element or `]`");
      int e = start();
      bump();
      complete(e, SyntaxKind.ERROR);
    }
  }

  /** Parses a string or an indented string at the current token. */
  private void callString() {
    int m = start();
    bump();
    strLoop(m);
  }

  /** The parts of the string {@code m} (whose first token, after the marker, is the opener). */
  private void strLoop(int m) {
    boolean indented = ev[m + 1] >= 0 && tokens.kinds[ev[m + 1]] == K_IND_OPEN;
    while (true) {
      byte k = cur();
      if (k == K_STR || k == K_IND_STR || k == K_IND_ESCAPE) {
        bump();
      } else if (k == K_DOLLAR_CURLY) {
        int i = start();
        int io = tokenStart();
        bump();
        call(STR_INTERP, m, i, io);
        call(EXPR_0);
        return;
      } else if (!indented && k == K_QUOTE) {
        bump();
        complete(m, SyntaxKind.STRING);
        return;
      } else if (indented && k == K_IND_CLOSE) {
        bump();
        complete(m, SyntaxKind.IND_STRING);
        return;
      } else {
        int openOffset = tokens.starts[ev[m + 1]];
        if (p >= nsig) {
          error(errorRange(), "unexpected end of file: unclosed " + (indented ? "`''`" : "`\"`")
              + " opened at " + lineCol(openOffset), openOffset);
        } else {
          unexpected((indented ? "`''`" : "`\"`") + " to close the string opened at "
              + lineCol(openOffset), openOffset);
        }
        complete(m, indented ? SyntaxKind.IND_STRING : SyntaxKind.STRING);
        return;
      }
    }
  }

  private void pathLoop(int m, int interpolated) {
    while (adjacent()) {
      byte k = cur();
      if (k == K_PATH_FRAGMENT) {
        bump();
      } else if (k == K_DOLLAR_CURLY) {
        int i = start();
        int io = tokenStart();
        bump();
        call(PATH_INTERP, m, i, io);
        call(EXPR_0);
        return;
      } else {
        break;
      }
    }
    if (interpolated == 0 && p > 0 && tokens.kinds[sig[p - 1]] == K_PATH_FRAGMENT) {
      // `./a//b`: Nix needs an interpolation between the pieces of a path.
      int i = sig[p - 1];
      // Nix lexes `./a/` and `/b`, and wants a `${` after a piece that does not start a path.
      error(TextRange.of(tokens.starts[i], tokens.starts[i + 1]),
          "a path cannot contain an empty segment `//`", -1,
          "syntax error, unexpected PATH_END, expecting DOLLAR_CURLY");
    }
    complete(m, SyntaxKind.PATH_EXPR);
  }

  // ---- bindings ----

  private void bind0(int mode) {
    while (true) {
      byte k = cur();
      if (k == K_R_BRACE || k == K_EOF || k == K_IN) {
        return;
      }
      if (k == K_INHERIT) {
        int m = start();
        bump();
        if (at(K_L_PAREN)) {
          int f = start();
          bump();
          call(INH_FROM, m, f, mode);
          call(EXPR_0);
          return;
        }
        inheritAttrs(m, mode);
        return;
      }
      if (k == K_IDENT || k == K_OR_KW || k == K_QUOTE || k == K_DOLLAR_CURLY) {
        int m = start();
        call(BIND_ATTRPATH, m, p, mode);
        callAttrpath(null);
        return;
      }
      // Junk: skip to the end of this binding.
      unexpected(mode == 1 ? "a binding or `in`" : "a binding or `}`");
      int e = start();
      while (true) {
        k = cur();
        if (k == K_EOF || k == K_R_BRACE || k == K_IN || k == K_IDENT || k == K_OR_KW
            || k == K_INHERIT || k == K_QUOTE || k == K_DOLLAR_CURLY) {
          break;
        }
        bump();
        if (k == K_SEMICOLON) {
          break;
        }
      }
      complete(e, SyntaxKind.ERROR);
    }
  }

  private void inheritAttrs(int m, int mode) {
    while (true) {
      byte k = cur();
      if (k == K_IDENT || k == K_OR_KW) {
        int a = start();
        bump();
        complete(a, SyntaxKind.ATTR_IDENT);
      } else if (k == K_QUOTE) {
        call(INH_ATTRS, m, 0, mode);
        callString();
        return;
      } else if (k == K_DOLLAR_CURLY) {
        int d = start();
        bump();
        call(INH_DYN, m, d, mode);
        call(EXPR_0);
        return;
      } else {
        break;
      }
    }
    if (at(K_SEMICOLON)) {
      bump();
    } else {
      unexpected("`;` after `inherit`");
    }
    complete(m, SyntaxKind.INHERIT);
    call(BIND_0, mode, 0, 0);
  }

  // ---- attribute paths ----

  private void callAttrpath(String context) {
    int m = start();
    byte k = cur();
    if (k != K_IDENT && k != K_OR_KW && k != K_QUOTE && k != K_DOLLAR_CURLY) {
      unexpected("an attribute name" + (context == null ? "" : " " + context));
      abandon(m);
      last = -1;
      return;
    }
    attr(m, 0);
  }

  /** One attribute name of the path {@code m}; then continues the path. */
  private void attr(int m, int afterDot) {
    byte k = cur();
    if (k == K_IDENT || k == K_OR_KW) {
      int a = start();
      bump();
      complete(a, SyntaxKind.ATTR_IDENT);
      call(ATTRPATH_1, m, 0, 0);
    } else if (k == K_QUOTE) {
      call(ATTRPATH_1, m, 0, 0);
      callString();
    } else if (k == K_DOLLAR_CURLY) {
      int d = start();
      bump();
      call(ATTRPATH_DYN, m, d, 0);
      call(EXPR_0);
    } else {
      unexpected("an attribute name after `.`");
      complete(m, SyntaxKind.ATTRPATH);
    }
  }

  // ---- formals ----

  private void formals0(int pat) {
    // At `{`.
    bump();
    formalsEntry(pat);
  }

  private void formalsEntry(int pat) {
    byte k = cur();
    if (k == K_R_BRACE) {
      bump();
      return;
    }
    if (k == K_ELLIPSIS) {
      bump();
      if (at(K_R_BRACE)) {
        bump();
        return;
      }
      unexpected("`}` (`...` must come last)");
      skipFormalsJunk();
      return;
    }
    if (k == K_IDENT) {
      int e = start();
      bump();
      if (at(K_QUESTION)) {
        bump();
        call(FORMALS_DEFAULT, pat, e, 0);
        call(EXPR_0);
        return;
      }
      complete(e, SyntaxKind.PAT_ENTRY);
      formalsNext(pat);
      return;
    }
    unexpected("a parameter name, `...` or `}`");
    skipFormalsJunk();
  }

  private void formalsNext(int pat) {
    byte k = cur();
    if (k == K_COMMA) {
      bump();
      formalsEntry(pat);
      return;
    }
    if (k == K_R_BRACE) {
      bump();
      return;
    }
    unexpected("`,` or `}`");
    skipFormalsJunk();
  }

  /** Skips to the closing brace of a broken pattern (on the same nesting level). */
  private void skipFormalsJunk() {
    int e = start();
    int depth = 0;
    while (true) {
      byte k = cur();
      if (k == K_EOF) {
        break;
      }
      if (k == K_R_BRACE && depth == 0) {
        complete(e, SyntaxKind.ERROR);
        bump();
        return;
      }
      if (k == K_L_BRACE || k == K_DOLLAR_CURLY) {
        depth++;
      } else if (k == K_R_BRACE) {
        depth--;
      } else if (depth == 0 && (k == K_COLON || k == K_SEMICOLON || k == K_IN)) {
        break;
      }
      bump();
    }
    complete(e, SyntaxKind.ERROR);
  }
}
