package org.nix4j.syntax;

/**
 * Builds the green tree from the parser's events and the tokens. Trivia (whitespace, comments)
 * are attached to the innermost node open when they occur, before the next node starts: nodes
 * therefore start and end with significant tokens, and leading and trailing trivia of the file
 * belong to the root.
 */
final class TreeBuilder {
  private static final int EV_FINISH = -1;
  private static final int EV_TOMBSTONE = -2;
  private static final int EV_START_BASE = -10;

  private final Lexer.Tokens tokens;
  private final GreenCache cache = new GreenCache();
  private GreenElement[] kids = new GreenElement[64];
  private int nkids;
  private int[] openStart = new int[32];
  private int[] openKind = new int[32];
  private int nopen;
  private int ti;
  private final int trivia = SyntaxKind.IGNORED_TAIL.ordinal();

  private TreeBuilder(Lexer.Tokens tokens) {
    this.tokens = tokens;
  }

  static GreenNode build(Lexer.Tokens tokens, int[] ev, int[] fwd, int evn, SyntaxKind rootKind) {
    TreeBuilder b = new TreeBuilder(tokens);
    b.open(rootKind.ordinal());
    int[] chain = new int[8];
    for (int i = 0; i < evn; i++) {
      int e = ev[i];
      if (e >= 0) {
        b.token(e);
      } else if (e == EV_FINISH) {
        b.close();
      } else if (e != EV_TOMBSTONE) {
        // A start, maybe with forward parents: open the outermost first.
        int n = 0;
        int j = i;
        while (true) {
          int kind = EV_START_BASE - ev[j];
          if (n == chain.length) {
            chain = java.util.Arrays.copyOf(chain, n * 2);
          }
          chain[n++] = kind;
          ev[j] = EV_TOMBSTONE;
          int f = fwd[j];
          if (f == 0) {
            break;
          }
          j += f;
          while (ev[j] == EV_TOMBSTONE && fwd[j] != 0) {
            j += fwd[j];
          }
          if (ev[j] == EV_TOMBSTONE) {
            break;
          }
        }
        b.flushTrivia();
        for (int k = n - 1; k >= 0; k--) {
          b.open(chain[k]);
        }
      }
    }
    // Whatever remains (trailing trivia) goes to the root.
    while (b.ti < tokens.count) {
      b.add(b.ti++);
    }
    while (b.nopen > 1) {
      b.close();
    }
    b.nopen--;
    return b.cache.node(rootKind, b.kids, 0, b.nkids);
  }

  private void open(int kind) {
    if (nopen == openStart.length) {
      openStart = java.util.Arrays.copyOf(openStart, nopen * 2);
      openKind = java.util.Arrays.copyOf(openKind, nopen * 2);
    }
    openStart[nopen] = nkids;
    openKind[nopen] = kind;
    nopen++;
  }

  private void close() {
    nopen--;
    int from = openStart[nopen];
    GreenNode n = cache.node(SyntaxKind.of(openKind[nopen]), kids, from, nkids);
    nkids = from;
    addElement(n);
  }

  private void flushTrivia() {
    while (ti < tokens.count && tokens.kinds[ti] <= trivia) {
      add(ti++);
    }
  }

  private void token(int index) {
    while (ti < index) {
      add(ti++);
    }
    add(ti++);
  }

  private void add(int i) {
    addElement(cache.token(SyntaxKind.of(tokens.kinds[i]), tokens.text, tokens.starts[i],
        tokens.starts[i + 1]));
  }

  private void addElement(GreenElement e) {
    if (nkids == kids.length) {
      kids = java.util.Arrays.copyOf(kids, nkids * 2);
    }
    kids[nkids++] = e;
  }
}
