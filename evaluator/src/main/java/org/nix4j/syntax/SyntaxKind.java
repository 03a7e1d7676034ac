package org.nix4j.syntax;

/**
 * The kind of every token and node of the concrete syntax tree.
 *
 * <p>Tokens mirror the lexemes of Nix's own lexer one for one (so that error positions can be
 * reported where Nix reports them), with trivia (whitespace, comments) kept as tokens too. Nodes
 * group tokens and other nodes; every expression is a node, never a bare token.
 */
public enum SyntaxKind {
  // ---- trivia ----
  /** A run of spaces, tabs, CRs and LFs. */
  WHITESPACE("whitespace"),
  /** A {@code #} line comment (without its line break) or a {@code /* *}{@code /} block comment. */
  COMMENT("comment"),
  /** A NUL byte outside strings and comments and everything after it: Nix stops reading there. */
  IGNORED_TAIL("text after a NUL byte"),

  // ---- tokens ----
  /** A byte Nix's grammar has no use for ({@code %}, {@code ~}, {@code $}, non-ASCII...). */
  ERROR_TOKEN("invalid character"),
  IDENT("identifier"),
  INT("integer"),
  FLOAT("float"),
  URI("URI"),
  /** The first piece of a path: {@code ./a/b}, {@code /etc}, {@code a/b}, {@code ./} before {@code ${}. */
  PATH("path"),
  /** The first piece of a home path: {@code ~/a}, {@code ~/} before {@code ${}. */
  HPATH("path"),
  /** A search path {@code <nixpkgs/lib>}. */
  SPATH("search path"),
  /** A later literal piece of an interpolated path: {@code .nix} in {@code ./a/${b}.nix}. */
  PATH_FRAGMENT("path"),

  IF_KW("`if`"),
  THEN_KW("`then`"),
  ELSE_KW("`else`"),
  ASSERT_KW("`assert`"),
  WITH_KW("`with`"),
  LET_KW("`let`"),
  IN_KW("`in`"),
  REC_KW("`rec`"),
  INHERIT_KW("`inherit`"),
  OR_KW("`or`"),

  ELLIPSIS("`...`"),
  EQ("`==`"),
  NEQ("`!=`"),
  LEQ("`<=`"),
  GEQ("`>=`"),
  AND("`&&`"),
  OR("`||`"),
  IMPL("`->`"),
  UPDATE("`//`"),
  CONCAT("`++`"),
  PLUS("`+`"),
  MINUS("`-`"),
  STAR("`*`"),
  SLASH("`/`"),
  LT("`<`"),
  GT("`>`"),
  BANG("`!`"),
  QUESTION("`?`"),
  AT("`@`"),
  COLON("`:`"),
  SEMICOLON("`;`"),
  COMMA("`,`"),
  DOT("`.`"),
  ASSIGN("`=`"),
  L_PAREN("`(`"),
  R_PAREN("`)`"),
  L_BRACK("`[`"),
  R_BRACK("`]`"),
  L_BRACE("`{`"),
  R_BRACE("`}`"),
  DOLLAR_CURLY("`${`"),
  /** {@code "} opening or closing a string. */
  QUOTE("`\"`"),
  /** Literal text of a {@code "} string, escapes undecoded. */
  STR("string text"),
  /** {@code ''} opening an indented string, with the spaces and line break that may follow it. */
  IND_OPEN("`''`"),
  /** {@code ''} closing an indented string. */
  IND_CLOSE("`''`"),
  /** Literal text of an indented string (subject to indentation stripping). */
  IND_STR("string text"),
  /**
   * An escape of an indented string, or a lone {@code $} or {@code '}: {@code ''$}, {@code '''},
   * {@code ''\x}. Not subject to indentation stripping and ends a line's leading whitespace.
   */
  IND_ESCAPE("string escape"),
  /** The end of the input (never in a tree; the parser's look-ahead past the last token). */
  EOF("end of file"),

  // ---- nodes ----
  /** The whole file: leading trivia, one expression (or nothing), trailing trivia and junk. */
  ROOT(null),
  /** Tokens the parser skipped while recovering from an error, or an expression it could not parse. */
  ERROR(null),
  /** A variable reference: an {@link #IDENT} (or the {@code or} of {@code f or}). */
  IDENT_EXPR(null),
  /** An {@link #INT}, {@link #FLOAT} or {@link #URI}. */
  LITERAL(null),
  /** {@code "..."}: {@link #QUOTE}, {@link #STR} and {@link #INTERPOL} children, {@link #QUOTE}. */
  STRING(null),
  /** {@code ''...''}. */
  IND_STRING(null),
  /** {@code ${ expr }} inside a string, a path or an attribute name. */
  INTERPOL(null),
  /** A path: {@link #PATH}/{@link #HPATH} then {@link #PATH_FRAGMENT}s and {@link #INTERPOL}s. */
  PATH_EXPR(null),
  /** {@code <nixpkgs>}. */
  SEARCH_PATH(null),
  /** {@code ( expr )}. */
  PAREN(null),
  /** {@code [ elems ]}. */
  LIST(null),
  /** {@code { bindings }} or {@code rec { bindings }}. */
  ATTR_SET(null),
  /** {@code let bindings in body}. */
  LET_IN(null),
  /** {@code let { bindings }}: the legacy form, meaning {@code (rec { bindings }).body}. */
  LEGACY_LET(null),
  /** {@code with e; body}. */
  WITH(null),
  /** {@code assert e; body}. */
  ASSERT(null),
  /** {@code if c then a else b}. */
  IF_ELSE(null),
  /** {@code param: body}: the parameter is an {@link #IDENT_PARAM} or a {@link #PATTERN}. */
  LAMBDA(null),
  /** The identifier parameter of {@code x: body}. */
  IDENT_PARAM(null),
  /** {@code { a, b ? d, ... } @ x}: formals with an optional {@link #PAT_BIND} before or after. */
  PATTERN(null),
  /** One formal {@code a} or {@code a ? default} of a {@link #PATTERN}. */
  PAT_ENTRY(null),
  /** {@code x @} or {@code @ x} of a {@link #PATTERN}. */
  PAT_BIND(null),
  /** {@code f x}. */
  APPLY(null),
  /** {@code e.a.b} or {@code e.a.b or default}. */
  SELECT(null),
  /** {@code e ? a.b}. */
  HAS_ATTR(null),
  /** {@code -e} or {@code !e}. */
  UNARY_OP(null),
  /** {@code a OP b}. */
  BINARY_OP(null),
  /** {@code a.b = value;}. */
  BINDING(null),
  /** {@code inherit a b;} or {@code inherit (e) a b;}. */
  INHERIT(null),
  /** The {@code (e)} of {@code inherit (e) ...}. */
  INHERIT_FROM(null),
  /** {@code a.b."c".${d}}: the attribute names of a binding, a select or a has-attr. */
  ATTRPATH(null),
  /** A plain attribute name: an {@link #IDENT} or {@code or}. */
  ATTR_IDENT(null),
  /** {@code ${ e }} as an attribute name. */
  ATTR_DYNAMIC(null);

  private final String display;

  SyntaxKind(String display) {
    this.display = display;
  }

  private static final SyntaxKind[] VALUES = values();

  public static SyntaxKind of(int ordinal) {
    return VALUES[ordinal];
  }

  /** Whether this is a token kind (as opposed to a node kind). */
  public boolean isToken() {
    return ordinal() <= EOF.ordinal();
  }

  public boolean isNode() {
    return ordinal() > EOF.ordinal();
  }

  /** Whitespace, comments and the ignored tail after a NUL byte. */
  public boolean isTrivia() {
    return ordinal() <= IGNORED_TAIL.ordinal();
  }

  public boolean isKeyword() {
    return ordinal() >= IF_KW.ordinal() && ordinal() <= OR_KW.ordinal();
  }

  /** How a token of this kind is named in messages: {@code `;`}, {@code identifier}... */
  public String display() {
    return display != null ? display : name().toLowerCase(java.util.Locale.ROOT);
  }
}
