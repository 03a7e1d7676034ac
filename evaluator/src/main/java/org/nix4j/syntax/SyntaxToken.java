package org.nix4j.syntax;

/** A token of the red tree. */
public final class SyntaxToken extends SyntaxElement {
  private final GreenToken green;

  SyntaxToken(GreenToken green, SyntaxNode parent, int offset, int index) {
    super(parent, offset, index);
    this.green = green;
  }

  @Override
  public GreenToken green() {
    return green;
  }

  @Override
  public String text() {
    return green.text();
  }

  /** The next token of the tree in text order (trivia included), or {@code null}. */
  public SyntaxToken nextToken() {
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

  /** The previous token of the tree in text order (trivia included), or {@code null}. */
  public SyntaxToken prevToken() {
    SyntaxElement e = this;
    while (e != null) {
      SyntaxElement s = e.prevSibling();
      if (s != null) {
        return s instanceof SyntaxToken t ? t : ((SyntaxNode) s).lastTokenOrPrevBefore();
      }
      e = e.parent;
    }
    return null;
  }

  @Override
  public String toString() {
    return kind() + "@" + range() + " " + text();
  }
}
