package org.nix4j.syntax.ast;

import java.util.List;
import org.nix4j.syntax.SyntaxNode;

/** The legacy {@code let { bindings }}, meaning {@code (rec { bindings }).body}. */
public final class LegacyLet extends Expr {
  LegacyLet(SyntaxNode node) {
    super(node);
  }

  public List<Binding> bindings() {
    return bindingsOf();
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitLegacyLet(this);
  }
}
