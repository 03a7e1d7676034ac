package org.nix4j.syntax;

/**
 * Deduplicates small green tokens (same kind and text) and small green nodes (same kind and
 * identical children), so that the thousands of {@code ;}, {@code =}, single spaces and repeated
 * identifiers of a file share one object each. Open addressing over arrays; not thread-safe (one
 * cache per parse).
 */
final class GreenCache {
  /** Tokens longer than this are not cached. */
  static final int MAX_TOKEN = 24;
  /** Nodes with more children than this are not cached. */
  static final int MAX_CHILDREN = 3;

  private GreenToken[] tokens = new GreenToken[1024];
  private int[] tokenHashes = new int[1024];
  private int tokenCount;

  private GreenNode[] nodes = new GreenNode[1024];
  private int[] nodeHashes = new int[1024];
  private int nodeCount;

  /** The token of {@code kind} spelled by {@code text[start, end)}. */
  GreenToken token(SyntaxKind kind, byte[] text, int start, int end) {
    int len = end - start;
    if (len > MAX_TOKEN) {
      return new GreenToken(kind, new String(text, 0, start, len));
    }
    int h = kind.ordinal() * 31 + len;
    for (int i = start; i < end; i++) {
      h = h * 31 + text[i];
    }
    h ^= h >>> 16;
    int mask = tokens.length - 1;
    int i = h & mask;
    GreenToken t;
    while ((t = tokens[i]) != null) {
      if (tokenHashes[i] == h && t.kind == kind && equal(t.text(), text, start, len)) {
        return t;
      }
      i = (i + 1) & mask;
    }
    t = new GreenToken(kind, new String(text, 0, start, len));
    tokens[i] = t;
    tokenHashes[i] = h;
    if (++tokenCount * 2 > tokens.length) {
      growTokens();
    }
    return t;
  }

  private static boolean equal(String s, byte[] text, int start, int len) {
    if (s.length() != len) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (s.charAt(i) != (text[start + i] & 0xff)) {
        return false;
      }
    }
    return true;
  }

  private void growTokens() {
    GreenToken[] old = tokens;
    int[] oldH = tokenHashes;
    tokens = new GreenToken[old.length * 2];
    tokenHashes = new int[old.length * 2];
    int mask = tokens.length - 1;
    for (int j = 0; j < old.length; j++) {
      if (old[j] != null) {
        int i = oldH[j] & mask;
        while (tokens[i] != null) {
          i = (i + 1) & mask;
        }
        tokens[i] = old[j];
        tokenHashes[i] = oldH[j];
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
    if (n > MAX_CHILDREN || width > 4 * MAX_TOKEN) {
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
