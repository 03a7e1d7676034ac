package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code with namespace; body}. */
public final class With extends Expr {
  With(SyntaxNode node) {
    super(node);
  }

  public Expr namespace() {
    return exprBefore(SyntaxKind.SEMICOLON);
  }

  public Expr body() {
    return exprAfter(SyntaxKind.SEMICOLON);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitWith(this);
  }
}
