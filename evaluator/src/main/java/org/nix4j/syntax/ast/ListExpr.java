package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code [ a b c ]}. */
public final class ListExpr extends Expr {
  ListExpr(SyntaxNode node) {
    super(node);
  }

  /** The elements (junk the parser skipped is not among them). */
  public List<Expr> elements() {
    List<Expr> out = new ArrayList<>();
    for (Expr e : exprs()) {
      if (e.kind() != SyntaxKind.ERROR) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitList(this);
  }
}
