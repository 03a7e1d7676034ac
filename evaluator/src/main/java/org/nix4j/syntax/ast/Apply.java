package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** {@code function argument}. */
public final class Apply extends Expr {
  Apply(SyntaxNode node) {
    super(node);
  }

  public Expr function() {
    return expr(0);
  }

  /** The argument, or {@code null} when missing. */
  public Expr argument() {
    return expr(1);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitApply(this);
  }
}
