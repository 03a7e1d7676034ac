package org.nix4j.syntax;

/**
 * Deduplicates small green tokens (same kind and text) and small green nodes (same kind and
 * identical children), so that the thousands of {@code ;}, {@code =}, single spaces and repeated
 * identifiers of a file share one object each. Open addressing over arrays; not thread-safe (one
 * cache per parse).
 */
final class GreenCache {
  /** Tokens longer than this are not cached (their bytes are packed in two longs). */
  static final int MAX_TOKEN = 16;
  /** Nodes with more children than this are not cached. */
  static final int MAX_CHILDREN = 3;
  /** Nodes wider than this (in bytes) are not cached: they rarely repeat. */
  static final int MAX_NODE_WIDTH = 48;

  /** Shared tokens of the kinds that are always spelled the same (punctuation, keywords). */
  private static final GreenToken[] FIXED = new GreenToken[SyntaxKind.values().length];

  static {
    String[][] fixed = {
      {"IF_KW", "if"}, {"THEN_KW", "then"}, {"ELSE_KW", "else"}, {"ASSERT_KW", "assert"},
      {"WITH_KW", "with"}, {"LET_KW", "let"}, {"IN_KW", "in"}, {"REC_KW", "rec"},
      {"INHERIT_KW", "inherit"}, {"OR_KW", "or"}, {"ELLIPSIS", "..."}, {"EQ", "=="},
      {"NEQ", "!="}, {"LEQ", "<="}, {"GEQ", ">="}, {"AND", "&&"}, {"OR", "||"}, {"IMPL", "->"},
      {"UPDATE", "//"}, {"CONCAT", "++"}, {"PLUS", "+"}, {"MINUS", "-"}, {"STAR", "*"},
      {"SLASH", "/"}, {"LT", "<"}, {"GT", ">"}, {"BANG", "!"}, {"QUESTION", "?"}, {"AT", "@"},
      {"COLON", ":"}, {"SEMICOLON", ";"}, {"COMMA", ","}, {"DOT", "."}, {"ASSIGN", "="},
      {"L_PAREN", "("}, {"R_PAREN", ")"}, {"L_BRACK", "["}, {"R_BRACK", "]"}, {"L_BRACE", "{"},
      {"R_BRACE", "}"}, {"DOLLAR_CURLY", "${"}, {"QUOTE", "\""}, {"IND_CLOSE", "''"}
    };
    for (String[] f : fixed) {
      SyntaxKind k = SyntaxKind.valueOf(f[0]);
      FIXED[k.ordinal()] = new GreenToken(k, f[1]);
    }
  }

  // The token table: open addressing; slot i holds its token in tokens[i] and its key in
  // keys[4i..4i+2]: the bytes packed in two longs, then (kind + 1) << 16 | length (never 0 for a
  // used slot). Keys sit together so that a probe touches one cache line.
  private GreenToken[] tokens = new GreenToken[4096];
  private long[] keys = new long[4 * 4096];
  private int tokenCount;

  private GreenNode[] nodes = new GreenNode[4096];
  private int[] nodeHashes = new int[4096];
  private int nodeCount;

  /** The token of {@code kind} spelled by {@code text[start, end)}. */
  GreenToken token(SyntaxKind kind, byte[] text, int start, int end) {
    GreenToken fixed = FIXED[kind.ordinal()];
    int len = end - start;
    if (fixed != null && fixed.width() == len) {
      return fixed;
    }
    if (len > MAX_TOKEN) {
      return new GreenToken(kind, new String(text, 0, start, len));
    }
    long lo = 0;
    long hi = 0;
    int mid = Math.min(end, start + 8);
    for (int i = start; i < mid; i++) {
      lo = (lo << 8) | (text[i] & 0xff);
    }
    for (int i = mid; i < end; i++) {
      hi = (hi << 8) | (text[i] & 0xff);
    }
    long meta = ((long) (kind.ordinal() + 1) << 16) | len;
    long k = lo * 0x9E3779B97F4A7C15L + hi * 0xC2B2AE3D27D4EB4FL + meta;
    int h = (int) (k ^ (k >>> 29) ^ (k >>> 47));
    int mask = tokens.length - 1;
    int i = h & mask;
    long[] ks = keys;
    long m;
    while ((m = ks[4 * i + 2]) != 0) {
      if (m == meta && ks[4 * i] == lo && ks[4 * i + 1] == hi) {
        return tokens[i];
      }
      i = (i + 1) & mask;
    }
    GreenToken t = new GreenToken(kind, new String(text, 0, start, len), h);
    tokens[i] = t;
    ks[4 * i] = lo;
    ks[4 * i + 1] = hi;
    ks[4 * i + 2] = meta;
    ks[4 * i + 3] = h;
    if (++tokenCount * 2 > tokens.length) {
      growTokens();
    }
    return t;
  }

  private void growTokens() {
    GreenToken[] old = tokens;
    long[] oldKeys = keys;
    tokens = new GreenToken[old.length * 2];
    keys = new long[4 * tokens.length];
    int mask = tokens.length - 1;
    for (int j = 0; j < old.length; j++) {
      if (old[j] != null) {
        int i = (int) oldKeys[4 * j + 3] & mask;
        while (tokens[i] != null) {
          i = (i + 1) & mask;
        }
        tokens[i] = old[j];
        System.arraycopy(oldKeys, 4 * j, keys, 4 * i, 4);
      }
    }
  }

  /** The node of {@code kind} with children {@code kids[from, to)}. */
  GreenNode node(SyntaxKind kind, GreenElement[] kids, int from, int to) {
    int n = to - from;
    int width = 0;
    for (int i = from; i < to; i++) {
      width += kids[i].width();
    }
    if (n > MAX_CHILDREN || width > MAX_NODE_WIDTH) {
      GreenElement[] c = new GreenElement[n];
      System.arraycopy(kids, from, c, 0, n);
      return new GreenNode(kind, width, c);
    }
    int h = GreenNode.hashOf(kind, kids, from, to);
    h ^= h >>> 16;
    int mask = nodes.length - 1;
    int i = h & mask;
    GreenNode g;
    while ((g = nodes[i]) != null) {
      if (nodeHashes[i] == h && g.kind == kind && sameChildren(g, kids, from, n)) {
        return g;
      }
      i = (i + 1) & mask;
    }
    GreenElement[] c = new GreenElement[n];
    System.arraycopy(kids, from, c, 0, n);
    g = new GreenNode(kind, width, c);
    nodes[i] = g;
    nodeHashes[i] = h;
    if (++nodeCount * 2 > nodes.length) {
      growNodes();
    }
    return g;
  }

  private static boolean sameChildren(GreenNode g, GreenElement[] kids, int from, int n) {
    GreenElement[] c = g.childArray();
    if (c.length != n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (c[i] != kids[from + i]) {
        return false;
      }
    }
    return true;
  }

  private void growNodes() {
    GreenNode[] old = nodes;
    int[] oldH = nodeHashes;
    nodes = new GreenNode[old.length * 2];
    nodeHashes = new int[old.length * 2];
    int mask = nodes.length - 1;
    for (int j = 0; j < old.length; j++) {
      if (old[j] != null) {
        int i = oldH[j] & mask;
        while (nodes[i] != null) {
          i = (i + 1) & mask;
        }
        nodes[i] = old[j];
        nodeHashes[i] = oldH[j];
      }
    }
  }
}
