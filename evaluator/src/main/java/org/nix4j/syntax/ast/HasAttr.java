package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code expr ? a.b}. */
public final class HasAttr extends Expr {
  HasAttr(SyntaxNode node) {
    super(node);
  }

  public Expr expr() {
    return expr(0);
  }

  /** The attribute path, or {@code null} when missing. */
  public Attrpath attrpath() {
    SyntaxNode n = child(SyntaxKind.ATTRPATH);
    return n == null ? null : new Attrpath(n);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitHasAttr(this);
  }
}
