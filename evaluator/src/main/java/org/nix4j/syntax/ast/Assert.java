package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code assert condition; body}. */
public final class Assert extends Expr {
  Assert(SyntaxNode node) {
    super(node);
  }

  public Expr condition() {
    return exprBefore(SyntaxKind.SEMICOLON);
  }

  public Expr body() {
    return exprAfter(SyntaxKind.SEMICOLON);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitAssert(this);
  }
}
