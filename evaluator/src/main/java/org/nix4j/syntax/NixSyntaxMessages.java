package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Words syntax errors as Nix 2.8 does ({@code syntax error, unexpected ';', expecting ')'}), for
 * {@link SyntaxError#nixMessage()}: what {@code nix-instantiate} prints, which {@code nix4j eval}
 * must print too.
 *
 * <p>Nix's message names the lookahead token as its Bison parser calls it and, when there are at
 * most four, the tokens the parser's state accepts. That state depends on Bison's LALR(1) tables
 * (default reductions run before an error is detected) and on its GLR algorithm (after {@code {}
 * two stacks run side by side, and the error is reported on the one that died last), so this
 * class does not guess: it runs the tables of {@link NixGrammar} over the tokens exactly as
 * Bison's GLR skeleton would, up to the first error. It needs no tree and no recursion; it stops
 * at the first error, so it costs one pass over the tokens before it.
 */
final class NixSyntaxMessages {
  private NixSyntaxMessages() {}

  /** Nix's first syntax error: where it reports it (a byte offset) and its message. */
  record Result(int offset, String message) {}

  private static final int LEX_ERROR = -2;
  private static final int EMPTY = -1;
  /** More stacks than Nix's grammar ever needs: give up rather than explore. */
  private static final int MAX_STACKS = 16;

  private static final int[] TERMINAL_OF = new int[SyntaxKind.values().length];

  static {
    java.util.Arrays.fill(TERMINAL_OF, -1);
    map(SyntaxKind.ERROR_TOKEN, "invalid token");
    map(SyntaxKind.IDENT, "ID");
    map(SyntaxKind.INT, "INT");
    map(SyntaxKind.FLOAT, "FLOAT");
    map(SyntaxKind.URI, "URI");
    map(SyntaxKind.PATH, "PATH");
    map(SyntaxKind.HPATH, "HPATH");
    map(SyntaxKind.SPATH, "SPATH");
    map(SyntaxKind.PATH_FRAGMENT, "STR");
    map(SyntaxKind.IF_KW, "IF");
    map(SyntaxKind.THEN_KW, "THEN");
    map(SyntaxKind.ELSE_KW, "ELSE");
    map(SyntaxKind.ASSERT_KW, "ASSERT");
    map(SyntaxKind.WITH_KW, "WITH");
    map(SyntaxKind.LET_KW, "LET");
    map(SyntaxKind.IN_KW, "IN");
    map(SyntaxKind.REC_KW, "REC");
    map(SyntaxKind.INHERIT_KW, "INHERIT");
    map(SyntaxKind.OR_KW, "OR_KW");
    map(SyntaxKind.ELLIPSIS, "ELLIPSIS");
    map(SyntaxKind.EQ, "EQ");
    map(SyntaxKind.NEQ, "NEQ");
    map(SyntaxKind.LEQ, "LEQ");
    map(SyntaxKind.GEQ, "GEQ");
    map(SyntaxKind.AND, "AND");
    map(SyntaxKind.OR, "OR");
    map(SyntaxKind.IMPL, "IMPL");
    map(SyntaxKind.UPDATE, "UPDATE");
    map(SyntaxKind.CONCAT, "CONCAT");
    map(SyntaxKind.PLUS, "'+'");
    map(SyntaxKind.MINUS, "'-'");
    map(SyntaxKind.STAR, "'*'");
    map(SyntaxKind.SLASH, "'/'");
    map(SyntaxKind.LT, "'<'");
    map(SyntaxKind.GT, "'>'");
    map(SyntaxKind.BANG, "'!'");
    map(SyntaxKind.QUESTION, "'?'");
    map(SyntaxKind.AT, "'@'");
    map(SyntaxKind.COLON, "':'");
    map(SyntaxKind.SEMICOLON, "';'");
    map(SyntaxKind.COMMA, "','");
    map(SyntaxKind.DOT, "'.'");
    map(SyntaxKind.ASSIGN, "'='");
    map(SyntaxKind.L_PAREN, "'('");
    map(SyntaxKind.R_PAREN, "')'");
    map(SyntaxKind.L_BRACK, "'['");
    map(SyntaxKind.R_BRACK, "']'");
    map(SyntaxKind.L_BRACE, "'{'");
    map(SyntaxKind.R_BRACE, "'}'");
    map(SyntaxKind.DOLLAR_CURLY, "DOLLAR_CURLY");
    map(SyntaxKind.QUOTE, "'\"'");
    map(SyntaxKind.STR, "STR");
    map(SyntaxKind.IND_OPEN, "IND_STRING_OPEN");
    map(SyntaxKind.IND_CLOSE, "IND_STRING_CLOSE");
    map(SyntaxKind.IND_STR, "IND_STR");
    map(SyntaxKind.IND_ESCAPE, "IND_STR");
    map(SyntaxKind.EOF, "end of file");
  }

  private static void map(SyntaxKind k, String terminal) {
    TERMINAL_OF[k.ordinal()] = terminalIndex(terminal);
  }

  private static int terminalIndex(String name) {
    for (int i = 0; i < NixGrammar.TERMINALS.length; i++) {
      if (NixGrammar.TERMINALS[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static final int T_END = 0;
  private static final int T_ERROR = 1;
  private static final int T_PATH_END = terminalIndex("PATH_END");

  /** How Nix names a token of this kind in its syntax errors ({@code ID}, {@code ';'}...). */
  static String nixName(SyntaxKind kind) {
    int t = TERMINAL_OF[kind.ordinal()];
    return t < 0 ? NixGrammar.TERMINALS[2] : NixGrammar.TERMINALS[t];
  }

  /**
   * Nix's first syntax error in these tokens, or null when Nix would report none: the text
   * parses, or Nix's lexer fails first (a path with a trailing slash, an integer out of range:
   * those are errors with their own messages).
   */
  static Result firstError(Lexer.Tokens tokens) {
    return new Run(tokens).run();
  }

  /** One node of a parse stack: stacks share their bottoms. */
  private record Node(int state, Node pred) {}

  private static final class Run {
    final LalrTables t = NixGrammar.tables();
    final Lexer.Tokens tokens;
    /** The next raw token to read, and the next PATH_END to insert. */
    int next;
    int nextPathEnd;
    /** The lookahead: a terminal, EMPTY or LEX_ERROR, with Nix's position for it. */
    int la = EMPTY;
    int laOffset;
    /** Where Nix's lexer last put its location: PATH_END moves it back (see {@link #read}). */
    int lastLoc;
    final List<Node> tops = new ArrayList<>();
    Node lastDeleted;
    boolean gaveUp;

    Run(Lexer.Tokens tokens) {
      this.tokens = tokens;
    }

    Result run() {
      tops.add(new Node(0, null));
      while (true) {
        // Deterministic operation: one stack.
        while (true) {
          Node top = tops.get(0);
          int s = top.state();
          if (s == t.finalState) {
            return null;
          }
          if (t.defaulted[s]) {
            int r = t.defaultRule[s];
            if (r < 0) {
              return null;
            }
            tops.set(0, reduce(top, r));
            continue;
          }
          int tok = lookahead();
          if (tok == LEX_ERROR) {
            return null;
          }
          int idx = s * t.nTerminals + tok;
          if (t.conflicts[idx] != null) {
            break;
          }
          int a = actionOf(s, idx);
          if (a > 0) {
            tops.set(0, new Node(a - 1, top));
            la = EMPTY;
          } else if (a == LalrTables.ERROR) {
            return report(top, tok);
          } else {
            tops.set(0, reduce(top, -a));
          }
        }
        // Nondeterministic operation: several stacks, each run to its shift of the lookahead.
        while (true) {
          for (int k = 0; k < tops.size(); k++) {
            processOne(k);
            if (gaveUp) {
              return null;
            }
          }
          tops.removeIf(n -> n == null);
          int tok = la;
          if (tok == LEX_ERROR) {
            return null;
          }
          if (tops.isEmpty()) {
            return lastDeleted == null ? null : report(lastDeleted, tok);
          }
          for (int k = 0; k < tops.size(); k++) {
            Node top = tops.get(k);
            int a = t.action[top.state() * t.nTerminals + tok];
            tops.set(k, new Node(a - 1, top));
          }
          la = EMPTY;
          if (tops.size() == 1) {
            break;
          }
          for (Node n : tops) {
            if (n.state() == t.finalState) {
              return null;
            }
          }
        }
      }
    }

    /** Runs stack {@code k} until it must shift the lookahead, or dies. */
    private void processOne(int k) {
      while (tops.get(k) != null && !gaveUp) {
        Node top = tops.get(k);
        int s = top.state();
        if (s == t.finalState) {
          gaveUp = true;
          return;
        }
        if (t.defaulted[s]) {
          int r = t.defaultRule[s];
          if (r < 0) {
            delete(k);
            return;
          }
          tops.set(k, reduce(top, r));
          continue;
        }
        int tok = lookahead();
        if (tok == LEX_ERROR) {
          gaveUp = true;
          return;
        }
        int idx = s * t.nTerminals + tok;
        int[] conflicts = t.conflicts[idx];
        if (conflicts != null) {
          for (int r : conflicts) {
            if (tops.size() >= MAX_STACKS) {
              gaveUp = true;
              return;
            }
            tops.add(reduce(top, r));
            processOne(tops.size() - 1);
          }
        }
        int a = actionOf(s, idx);
        if (a > 0) {
          return;
        }
        if (a == LalrTables.ERROR) {
          delete(k);
          return;
        }
        tops.set(k, reduce(top, -a));
      }
    }

    private void delete(int k) {
      lastDeleted = tops.get(k);
      tops.set(k, null);
    }

    /** The action of a state on a token: the row's entry, else the default reduction or error. */
    private int actionOf(int s, int idx) {
      int a = t.action[idx];
      if (a != 0) {
        return a;
      }
      int r = t.defaultRule[s];
      return r >= 0 ? -r : LalrTables.ERROR;
    }

    private Node reduce(Node top, int rule) {
      Node n = top;
      for (int i = t.ruleLength[rule]; i > 0; i--) {
        n = n.pred();
      }
      return new Node(t.gotoAfter(n.state(), rule), n);
    }

    private int lookahead() {
      if (la == EMPTY) {
        read();
      }
      return la;
    }

    /** Reads the next terminal as Nix's lexer returns it, with the position Nix gives it. */
    private void read() {
      int count = tokens.count;
      while (true) {
        if (nextPathEnd < tokens.pathEndCount && tokens.pathEnds[nextPathEnd] == next) {
          // PATH_END puts the lexer's location back to the one before it: the last piece of the
          // path's; at the end of the input (no lexeme moved it) to the one before that piece.
          nextPathEnd++;
          if (next < count) {
            lastLoc = tokens.starts[next - 1];
          } else {
            lastLoc = next >= 2 ? tokens.starts[next - 2] : 0;
          }
          la = T_PATH_END;
          laOffset = lastLoc;
          return;
        }
        if (next == tokens.lexErrorToken) {
          la = LEX_ERROR;
          return;
        }
        if (next >= count) {
          la = T_END;
          laOffset = lastLoc;
          return;
        }
        int i = next++;
        lastLoc = tokens.starts[i];
        byte kind = tokens.kinds[i];
        if (kind == SyntaxKind.IGNORED_TAIL.ordinal()) {
          // A NUL byte: Nix's lexer returns it as token 0, the end of the input, where it is.
          next = count;
          la = T_END;
          laOffset = lastLoc;
          return;
        }
        if (kind < SyntaxKind.IGNORED_TAIL.ordinal()) {
          continue;
        }
        SyntaxKind k = SyntaxKind.of(kind);
        if (k == SyntaxKind.INT && tokens.starts[i + 1] - tokens.starts[i] > 18
            && Literals.parseInt(tokens.text(i)) == null
            || k == SyntaxKind.FLOAT && Literals.parseFloat(tokens.text(i)) == null) {
          la = LEX_ERROR;
          return;
        }
        la = TERMINAL_OF[kind];
        laOffset = tokens.starts[i];
        return;
      }
    }

    private Result report(Node node, int tok) {
      StringBuilder msg = new StringBuilder("syntax error, unexpected ")
          .append(NixGrammar.TERMINALS[tok]);
      List<String> expected = new ArrayList<>();
      int base = node.state() * t.nTerminals;
      for (int x = 0; x < t.nTerminals; x++) {
        int a = t.action[base + x];
        if (a != 0 && a != LalrTables.ERROR && x != T_ERROR) {
          expected.add(NixGrammar.TERMINALS[x]);
        }
      }
      if (!expected.isEmpty() && expected.size() <= 4) {
        msg.append(", expecting ").append(String.join(" or ", expected));
      }
      return new Result(laOffset, msg.toString());
    }
  }
}
