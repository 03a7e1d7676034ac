package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** {@code -x} or {@code !x}. */
public final class UnaryOp extends Expr {
  UnaryOp(SyntaxNode node) {
    super(node);
  }

  public UnaryOperator operator() {
    return token(SyntaxKind.BANG) != null ? UnaryOperator.NOT : UnaryOperator.NEGATE;
  }

  public SyntaxToken operatorToken() {
    return node.firstSignificantToken();
  }

  /** The operand, or {@code null} when missing. */
  public Expr operand() {
    return expr(0);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitUnary(this);
  }
}
