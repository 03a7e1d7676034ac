package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** Something the parser could not make sense of, where an expression should be. */
public final class ErrorExpr extends Expr {
  ErrorExpr(SyntaxNode node) {
    super(node);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitError(this);
  }
}
