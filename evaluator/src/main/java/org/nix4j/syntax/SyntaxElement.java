package org.nix4j.syntax;

/**
 * A node or token of the red tree: a view of a green element at a place in one tree, with its
 * parent and its absolute offset. Red elements are created lazily as a tree is walked.
 */
public abstract sealed class SyntaxElement permits SyntaxNode, SyntaxToken {
  final SyntaxNode parent;
  final int offset;
  final int index;

  SyntaxElement(SyntaxNode parent, int offset, int index) {
    this.parent = parent;
    this.offset = offset;
    this.index = index;
  }

  public abstract GreenElement green();

  public final SyntaxKind kind() {
    return green().kind();
  }

  /** The parent node, or {@code null} for the root. */
  public final SyntaxNode parent() {
    return parent;
  }

  /** The position of this element among its parent's children. */
  public final int indexInParent() {
    return index;
  }

  /** The byte offset where this element starts. */
  public final int offset() {
    return offset;
  }

  public final int endOffset() {
    return offset + green().width();
  }

  public final TextRange range() {
    return new TextRange(offset, offset + green().width());
  }

  /** The text of this element (a byte string). */
  public abstract String text();

  /** The next sibling (node or token), or {@code null}. */
  public final SyntaxElement nextSibling() {
    if (parent == null || index + 1 >= parent.childCount()) {
      return null;
    }
    return parent.child(index + 1);
  }

  /** The previous sibling (node or token), or {@code null}. */
  public final SyntaxElement prevSibling() {
    if (parent == null || index == 0) {
      return null;
    }
    return parent.child(index - 1);
  }
}
