package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code expr.a.b} or {@code expr.a.b or default}. */
public final class Select extends Expr {
  Select(SyntaxNode node) {
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

  /** Whether there is an {@code or}. */
  public boolean hasDefault() {
    return token(SyntaxKind.OR_KW) != null;
  }

  /** The default after {@code or}, or {@code null}. */
  public Expr defaultExpr() {
    return exprAfter(SyntaxKind.OR_KW);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitSelect(this);
  }
}
