package org.nix4j.syntax;

/**
 * Nix 2.8's grammar as its Bison-generated parser sees it, reconstructed from the language and
 * from the messages real Nix prints (every {@code fixtures/parse/fail} message is reproduced from
 * it; see {@code NixSyntaxMessagesTest}). It is used only to word syntax errors exactly as Nix
 * does ({@link NixSyntaxMessages}); nix4j's own parser is {@link Parser}.
 *
 * <p>What the messages reveal about it: the terminals are numbered as listed in {@link #TERMINALS}
 * (expected tokens are printed in that order); the binary operators have the precedences of
 * {@link #PRECEDENCE}, {@code ==} and the comparisons being non-associative (so {@code 1 < 2 < 3}
 * is {@code unexpected '<'}); and the parser is a GLR one, because after {@code {} a
 * lambda's formals and a set's bindings cannot be told apart by one token: {@code { } ;} fails
 * with {@code expecting ':' or '@'}, the message of the formals' branch, which dies last.
 */
final class NixGrammar {
  private NixGrammar() {}

  /**
   * The terminals in Bison's numbering, with the names Bison prints: {@code $end} and
   * {@code $undefined} are "end of file" and "invalid token" (Bison 3.6 and later).
   */
  static final String[] TERMINALS = {
    "end of file", "error", "invalid token",
    "ID", "ATTRPATH", "STR", "IND_STR", "INT", "FLOAT", "PATH", "HPATH", "SPATH", "PATH_END",
    "URI", "IF", "THEN", "ELSE", "ASSERT", "WITH", "LET", "IN", "REC", "INHERIT", "EQ", "NEQ",
    "AND", "OR", "IMPL", "OR_KW", "DOLLAR_CURLY", "IND_STRING_OPEN", "IND_STRING_CLOSE",
    "ELLIPSIS",
    "'<'", "'>'", "LEQ", "GEQ", "UPDATE", "NOT", "'+'", "'-'", "'*'", "'/'", "CONCAT", "'?'",
    "NEGATE",
    "':'", "'{'", "'}'", "'@'", "';'", "'!'", "'.'", "'\"'", "'('", "')'", "'['", "']'", "'='",
    "','",
  };

  /** Precedence levels, lowest first. */
  static final String[] PRECEDENCE = {
    "RIGHT IMPL",
    "LEFT OR",
    "LEFT AND",
    "NONASSOC EQ NEQ",
    "NONASSOC '<' '>' LEQ GEQ",
    "RIGHT UPDATE",
    "LEFT NOT",
    "LEFT '+' '-'",
    "LEFT '*' '/'",
    "RIGHT CONCAT",
    "NONASSOC '?'",
    "NONASSOC NEGATE",
  };

  /** The rules (the notation of {@link LalrTables}). */
  static final String RULES = """
      start: expr
      expr: expr_function
      expr_function: ID ':' expr_function
        | '{' formals '}' ':' expr_function
        | '{' formals '}' '@' ID ':' expr_function
        | ID '@' '{' formals '}' ':' expr_function
        | ASSERT expr ';' expr_function
        | WITH expr ';' expr_function
        | LET binds IN expr_function
        | expr_if
      expr_if: IF expr THEN expr ELSE expr
        | expr_op
      expr_op: '!' expr_op %prec NOT
        | '-' expr_op %prec NEGATE
        | expr_op EQ expr_op
        | expr_op NEQ expr_op
        | expr_op '<' expr_op
        | expr_op LEQ expr_op
        | expr_op '>' expr_op
        | expr_op GEQ expr_op
        | expr_op AND expr_op
        | expr_op OR expr_op
        | expr_op IMPL expr_op
        | expr_op UPDATE expr_op
        | expr_op '?' attrpath
        | expr_op '+' expr_op
        | expr_op '-' expr_op
        | expr_op '*' expr_op
        | expr_op '/' expr_op
        | expr_op CONCAT expr_op
        | expr_app
      expr_app: expr_app expr_select
        | expr_select
      expr_select: expr_simple '.' attrpath
        | expr_simple '.' attrpath OR_KW expr_select
        | expr_simple OR_KW
        | expr_simple
      expr_simple: ID
        | INT
        | FLOAT
        | '"' string_parts '"'
        | IND_STRING_OPEN ind_string_parts IND_STRING_CLOSE
        | path_start PATH_END
        | path_start string_parts_interpolated PATH_END
        | SPATH
        | URI
        | '(' expr ')'
        | LET '{' binds '}'
        | REC '{' binds '}'
        | '{' binds '}'
        | '[' expr_list ']'
      string_parts: STR
        | string_parts_interpolated
        | %empty
      string_parts_interpolated: string_parts_interpolated STR
        | string_parts_interpolated DOLLAR_CURLY expr '}'
        | DOLLAR_CURLY expr '}'
        | STR DOLLAR_CURLY expr '}'
      path_start: PATH
        | HPATH
      ind_string_parts: ind_string_parts IND_STR
        | ind_string_parts DOLLAR_CURLY expr '}'
        | %empty
      binds: binds attrpath '=' expr ';'
        | binds INHERIT attrs ';'
        | binds INHERIT '(' expr ')' attrs ';'
        | %empty
      attrs: attrs attr
        | attrs string_attr
        | %empty
      attrpath: attrpath '.' attr
        | attrpath '.' string_attr
        | attr
        | string_attr
      attr: ID
        | OR_KW
      string_attr: '"' string_parts '"'
        | DOLLAR_CURLY expr '}'
      expr_list: expr_list expr_select
        | %empty
      formals: formal ',' formals
        | formal
        | %empty
        | ELLIPSIS
      formal: ID
        | ID '?' expr
      """;

  private static final class Holder {
    static final LalrTables TABLES = LalrTables.decode(TERMINALS, NixGrammarTables.DATA);
  }

  /** The tables, decoded on first use from {@link NixGrammarTables}. */
  static LalrTables tables() {
    return Holder.TABLES;
  }

  /** The tables built from the grammar: what {@link NixGrammarTables} must hold. */
  static LalrTables build() {
    return new LalrTables(TERMINALS, PRECEDENCE, RULES);
  }
}
