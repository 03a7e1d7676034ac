package org.nix4j.syntax;

/** A token of the green tree: a kind and its text (a byte string). */
public final class GreenToken extends GreenElement {
  private final String text;

  public GreenToken(SyntaxKind kind, String text) {
    super(kind, kind.ordinal() * 31 + text.hashCode());
    this.text = text;
  }

  public String text() {
    return text;
  }

  @Override
  public int width() {
    return text.length();
  }

  @Override
  public String toString() {
    return kind + "@" + text;
  }
}
