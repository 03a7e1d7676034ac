package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** {@code if condition then a else b}. */
public final class IfElse extends Expr {
  IfElse(SyntaxNode node) {
    super(node);
  }

  public Expr condition() {
    return part(SyntaxKind.IF_KW);
  }

  public Expr thenBranch() {
    return part(SyntaxKind.THEN_KW);
  }

  public Expr elseBranch() {
    return part(SyntaxKind.ELSE_KW);
  }

  /** The expression right after the keyword {@code kw}, before any other keyword. */
  private Expr part(SyntaxKind kw) {
    boolean seen = false;
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t && t.kind().isKeyword()) {
        if (seen) {
          return null;
        }
        seen = t.kind() == kw;
      } else if (seen && e instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        return Expr.cast(s);
      }
    }
    return null;
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitIfElse(this);
  }
}
