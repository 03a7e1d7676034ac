package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A node of the red tree: a green node at an absolute offset, with a parent pointer. Children
 * are created on first access and kept, so walking a tree twice gives the same objects. Every
 * walk here is iterative: trees of any depth are safe.
 */
public final class SyntaxNode extends SyntaxElement {
  private final GreenNode green;
  /**
   * Made once, under the lock, and read without it: volatile, so that a thread that sees the
   * array also sees its elements (the language server walks one tree from several threads).
   */
  private volatile SyntaxElement[] children;

  SyntaxNode(GreenNode green, SyntaxNode parent, int offset, int index) {
    super(parent, offset, index);
    this.green = green;
  }

  /** The red root of a green tree. */
  public static SyntaxNode root(GreenNode green) {
    return new SyntaxNode(green, null, 0, 0);
  }

  @Override
  public GreenNode green() {
    return green;
  }

  @Override
  public String text() {
    return green.text();
  }

  public int childCount() {
    return green.childCount();
  }

  /** Child {@code i}, node or token. */
  public SyntaxElement child(int i) {
    SyntaxElement[] c = children;
    if (c == null) {
      c = makeChildren();
    }
    return c[i];
  }

  private synchronized SyntaxElement[] makeChildren() {
    if (children != null) {
      return children;
    }
    GreenElement[] g = green.childArray();
    SyntaxElement[] c = new SyntaxElement[g.length];
    int off = offset;
    for (int i = 0; i < g.length; i++) {
      GreenElement e = g[i];
      c[i] = e instanceof GreenNode n ? new SyntaxNode(n, this, off, i)
          : new SyntaxToken((GreenToken) e, this, off, i);
      off += e.width();
    }
    children = c;
    return c;
  }

  /** All children, nodes and tokens (trivia included). */
  public List<SyntaxElement> children() {
    int n = childCount();
    List<SyntaxElement> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(child(i));
    }
    return out;
  }

  /** The child nodes. */
  public List<SyntaxNode> childNodes() {
    int n = childCount();
    List<SyntaxNode> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (child(i) instanceof SyntaxNode s) {
        out.add(s);
      }
    }
    return out;
  }

  /** The first child node, or {@code null}. */
  public SyntaxNode firstChildNode() {
    for (int i = 0, n = childCount(); i < n; i++) {
      if (child(i) instanceof SyntaxNode s) {
        return s;
      }
    }
    return null;
  }

  /** The first child node of {@code kind}, or {@code null}. */
  public SyntaxNode firstChild(SyntaxKind kind) {
    for (int i = 0, n = childCount(); i < n; i++) {
      if (child(i) instanceof SyntaxNode s && s.kind() == kind) {
        return s;
      }
    }
    return null;
  }

  /** The first child token of {@code kind}, or {@code null}. */
  public SyntaxToken firstToken(SyntaxKind kind) {
    for (int i = 0, n = childCount(); i < n; i++) {
      if (child(i) instanceof SyntaxToken t && t.kind() == kind) {
        return t;
      }
    }
    return null;
  }

  /** The first child token that is not trivia, or {@code null}. */
  public SyntaxToken firstSignificantToken() {
    for (int i = 0, n = childCount(); i < n; i++) {
      if (child(i) instanceof SyntaxToken t && !t.kind().isTrivia()) {
        return t;
      }
    }
    return null;
  }

  /** The first token of this subtree, or {@code null} when it has none. */
  public SyntaxToken firstToken() {
    SyntaxNode n = this;
    while (true) {
      if (n.childCount() == 0) {
        return n == this ? null : n.firstTokenOrNextAfter();
      }
      SyntaxElement c = n.child(0);
      if (c instanceof SyntaxToken t) {
        return t;
      }
      n = (SyntaxNode) c;
    }
  }

  /** The last token of this subtree, or {@code null} when it has none. */
  public SyntaxToken lastToken() {
    SyntaxNode n = this;
    while (true) {
      if (n.childCount() == 0) {
        return null;
      }
      SyntaxElement c = n.child(n.childCount() - 1);
      if (c instanceof SyntaxToken t) {
        return t;
      }
      n = (SyntaxNode) c;
    }
  }

  /** First token at or after the start of this node (skipping empty nodes). */
  SyntaxToken firstTokenOrNextAfter() {
    Iterator<SyntaxElement> it = preorder();
    while (it.hasNext()) {
      if (it.next() instanceof SyntaxToken t) {
        return t;
      }
    }
    // An empty subtree: continue after it.
    SyntaxElement e = this;
    while (e != null) {
      SyntaxElement s = e.nextSibling();
      if (s != null) {
        return s instanceof SyntaxToken t ? t : ((SyntaxNode) s).firstTokenOrNextAfter();
      }
      e = e.parent;
    }
    return null;
  }

  SyntaxToken lastTokenOrPrevBefore() {
    SyntaxToken t = lastToken();
    if (t != null) {
      return t;
    }
    SyntaxElement e = this;
    while (e != null) {
      SyntaxElement s = e.prevSibling();
      if (s != null) {
        return s instanceof SyntaxToken tk ? tk : ((SyntaxNode) s).lastTokenOrPrevBefore();
      }
      e = e.parent;
    }
    return null;
  }

  /** The ancestors of this node, from its parent up to the root. */
  public List<SyntaxNode> ancestors() {
    List<SyntaxNode> out = new ArrayList<>();
    for (SyntaxNode p = parent; p != null; p = p.parent) {
      out.add(p);
    }
    return out;
  }

  /** This node and its descendants, nodes and tokens, in text order (pre-order). */
  public Iterator<SyntaxElement> preorder() {
    return new Iterator<>() {
      private SyntaxElement next = SyntaxNode.this;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public SyntaxElement next() {
        SyntaxElement e = next;
        if (e == null) {
          throw new NoSuchElementException();
        }
        next = successor(e);
        return e;
      }

      private SyntaxElement successor(SyntaxElement e) {
        if (e instanceof SyntaxNode n && n.childCount() > 0) {
          return n.child(0);
        }
        while (e != SyntaxNode.this) {
          SyntaxElement s = e.nextSibling();
          if (s != null) {
            return s;
          }
          e = e.parent;
        }
        return null;
      }
    };
  }

  /** The descendant nodes of this node (itself included) in pre-order. */
  public List<SyntaxNode> descendants() {
    List<SyntaxNode> out = new ArrayList<>();
    for (Iterator<SyntaxElement> it = preorder(); it.hasNext(); ) {
      if (it.next() instanceof SyntaxNode n) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * The token covering {@code offset}: the one with {@code start <= offset < end}, or at the end
   * of the text the last token. {@code null} for an empty tree.
   */
  public SyntaxToken tokenAt(int offset) {
    SyntaxNode n = this;
    outer:
    while (true) {
      int cnt = n.childCount();
      if (cnt == 0) {
        return null;
      }
      for (int i = 0; i < cnt; i++) {
        SyntaxElement c = n.child(i);
        if (offset < c.endOffset() || i == cnt - 1) {
          if (c instanceof SyntaxToken t) {
            return t;
          }
          if (((SyntaxNode) c).childCount() == 0) {
            continue;
          }
          n = (SyntaxNode) c;
          continue outer;
        }
      }
      return null;
    }
  }

  /** The innermost node whose range contains {@code range}. */
  public SyntaxNode coveringNode(TextRange range) {
    SyntaxNode n = this;
    outer:
    while (true) {
      for (int i = 0, cnt = n.childCount(); i < cnt; i++) {
        if (n.child(i) instanceof SyntaxNode c && c.range().contains(range)
            && !(range.isEmpty() && c.endOffset() == range.start() && i + 1 < cnt
                && n.child(i + 1).offset() == range.start())) {
          n = c;
          continue outer;
        }
      }
      return n;
    }
  }

  /**
   * A readable dump of the tree: one line per node or token, indented by depth (up to 40 levels;
   * deeper lines start with their depth in brackets).
   */
  public String dump() {
    StringBuilder sb = new StringBuilder();
    java.util.ArrayDeque<SyntaxElement> stack = new java.util.ArrayDeque<>();
    java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
    stack.push(this);
    depths.push(0);
    while (!stack.isEmpty()) {
      SyntaxElement e = stack.pop();
      int depth = depths.pop();
      if (depth <= 40) {
        sb.append("  ".repeat(depth));
      } else {
        sb.append("  ".repeat(40)).append('[').append(depth).append("] ");
      }
      sb.append(e.kind()).append('@').append(e.offset()).append("..").append(e.endOffset());
      if (e instanceof SyntaxToken t) {
        sb.append(' ').append(quote(t.text()));
      } else {
        SyntaxNode n = (SyntaxNode) e;
        for (int i = n.childCount() - 1; i >= 0; i--) {
          stack.push(n.child(i));
          depths.push(depth + 1);
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  @Override
  public String toString() {
    return kind() + "@" + range();
  }
}
