package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** A plain attribute name {@code a} (or {@code or}). */
public final class IdentAttr extends Attr {
  IdentAttr(SyntaxNode node) {
    super(node);
  }

  public SyntaxToken token() {
    return node.firstSignificantToken();
  }

  public String name() {
    SyntaxToken t = token();
    return t == null ? "" : t.text();
  }

  @Override
  public String staticName() {
    return name();
  }
}
