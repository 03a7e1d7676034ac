package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** Helpers for {@code ${ expr }} nodes. */
final class Interpol {
  private Interpol() {}

  static Expr exprOf(SyntaxNode interpol) {
    for (int i = 0, c = interpol.childCount(); i < c; i++) {
      if (interpol.child(i) instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        return Expr.cast(s);
      }
    }
    return null;
  }
}
