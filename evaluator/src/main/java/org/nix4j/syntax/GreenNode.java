package org.nix4j.syntax;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/** A node of the green tree: a kind, a width and children. Immutable. */
public final class GreenNode extends GreenElement {
  private final int width;
  private final GreenElement[] children;

  GreenNode(SyntaxKind kind, int width, GreenElement[] children) {
    super(kind);
    this.width = width;
    this.children = children;
  }

  static int hashOf(SyntaxKind kind, GreenElement[] kids, int from, int to) {
    int h = kind.ordinal() + 0x9e3779b9;
    for (int i = from; i < to; i++) {
      h = h * 31 + kids[i].structuralHash();
    }
    return h;
  }

  /** A node of these children. */
  public static GreenNode of(SyntaxKind kind, GreenElement... children) {
    int w = 0;
    for (GreenElement c : children) {
      w += c.width();
    }
    return new GreenNode(kind, w, children.clone());
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  int structuralHash() {
    int h = hash;
    if (h == 0) {
      h = hashOf(kind, children, 0, children.length);
      hash = h == 0 ? 1 : h;
    }
    return h;
  }

  public int childCount() {
    return children.length;
  }

  public GreenElement child(int i) {
    return children[i];
  }

  public List<GreenElement> children() {
    return List.of(children);
  }

  GreenElement[] childArray() {
    return children;
  }

  /** A copy of this node with child {@code i} replaced. */
  public GreenNode replaceChild(int i, GreenElement child) {
    GreenElement[] c = children.clone();
    c[i] = child;
    return new GreenNode(kind, width - children[i].width() + child.width(), c);
  }

  /** The text this node spans: its tokens' texts in order. */
  public String text() {
    StringBuilder sb = new StringBuilder(width);
    appendText(this, sb);
    return sb.toString();
  }

  static void appendText(GreenElement root, StringBuilder sb) {
    ArrayDeque<GreenElement> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      GreenElement e = stack.pop();
      if (e instanceof GreenToken t) {
        sb.append(t.text());
      } else {
        GreenElement[] c = ((GreenNode) e).children;
        for (int i = c.length - 1; i >= 0; i--) {
          stack.push(c[i]);
        }
      }
    }
  }

  /**
   * Whether two green trees have the same structure: same kinds, same token texts, same shape.
   * Iterative, so it works on trees of any depth.
   */
  public static boolean sameStructure(GreenElement a, GreenElement b) {
    ArrayDeque<GreenElement[]> stack = new ArrayDeque<>();
    stack.push(new GreenElement[] {a, b});
    while (!stack.isEmpty()) {
      GreenElement[] p = stack.pop();
      GreenElement x = p[0];
      GreenElement y = p[1];
      if (x == y) {
        continue;
      }
      if (x.kind != y.kind || x.width() != y.width()) {
        return false;
      }
      if (x instanceof GreenToken tx) {
        if (!(y instanceof GreenToken ty) || !tx.text().equals(ty.text())) {
          return false;
        }
        continue;
      }
      GreenNode nx = (GreenNode) x;
      GreenNode ny = (GreenNode) y;
      if (nx.children.length != ny.children.length) {
        return false;
      }
      for (int i = 0; i < nx.children.length; i++) {
        stack.push(new GreenElement[] {nx.children[i], ny.children[i]});
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return kind + "@" + width + Arrays.toString(new int[] {children.length});
  }
}
