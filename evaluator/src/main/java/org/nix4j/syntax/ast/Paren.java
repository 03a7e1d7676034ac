package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** {@code ( expr )}. */
public final class Paren extends Expr {
  Paren(SyntaxNode node) {
    super(node);
  }

  public Expr expr() {
    return expr(0);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitParen(this);
  }
}
