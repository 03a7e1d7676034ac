package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** {@code lhs OP rhs}. */
public final class BinaryOp extends Expr {
  BinaryOp(SyntaxNode node) {
    super(node);
  }

  /** The operator token. */
  public SyntaxToken operatorToken() {
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t && BinaryOperator.of(t.kind()) != null) {
        return t;
      }
    }
    return null;
  }

  public BinaryOperator operator() {
    SyntaxToken t = operatorToken();
    return t == null ? null : BinaryOperator.of(t.kind());
  }

  /** The left operand, or {@code null} when missing. */
  public Expr lhs() {
    SyntaxToken op = operatorToken();
    return op == null ? null : exprBefore(op.kind());
  }

  /** The right operand, or {@code null} when missing. */
  public Expr rhs() {
    SyntaxToken op = operatorToken();
    return op == null ? null : exprAfter(op.kind());
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitBinary(this);
  }
}
