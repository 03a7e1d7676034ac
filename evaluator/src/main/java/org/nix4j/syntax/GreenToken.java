package org.nix4j.syntax;

/** A token of the green tree: a kind and its text (a byte string). */
public final class GreenToken extends GreenElement {
  private final String text;

  public GreenToken(SyntaxKind kind, String text) {
    super(kind);
    this.text = text;
  }

  /** A token whose structural hash is already known (see {@link GreenCache}). */
  GreenToken(SyntaxKind kind, String text, int hash) {
    super(kind);
    this.text = text;
    this.hash = hash == 0 ? 1 : hash;
  }

  public String text() {
    return text;
  }

  @Override
  int structuralHash() {
    int h = hash;
    if (h == 0) {
      h = kind.ordinal() * 31 + text.hashCode();
      hash = h == 0 ? 1 : h;
    }
    return h;
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
