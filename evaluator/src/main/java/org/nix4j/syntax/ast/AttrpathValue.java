package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code a.b.c = value;}. */
public final class AttrpathValue extends Binding {
  AttrpathValue(SyntaxNode node) {
    super(node);
  }

  public Attrpath attrpath() {
    SyntaxNode n = child(SyntaxKind.ATTRPATH);
    return n == null ? null : new Attrpath(n);
  }

  /** The value, or {@code null} when missing. */
  public Expr value() {
    return exprAfter(SyntaxKind.ASSIGN);
  }
}
