package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** A function: {@code x: body} or {@code { a, b ? 1, ... } @ args: body}. */
public final class Lambda extends Expr {
  Lambda(SyntaxNode node) {
    super(node);
  }

  /** The parameter: an {@link IdentParam} or a {@link Pattern}. */
  public Param param() {
    SyntaxNode n = child(SyntaxKind.IDENT_PARAM);
    if (n != null) {
      return new IdentParam(n);
    }
    n = child(SyntaxKind.PATTERN);
    return n == null ? null : new Pattern(n);
  }

  /** The body, or {@code null} when missing. */
  public Expr body() {
    return exprAfter(SyntaxKind.COLON);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitLambda(this);
  }
}
