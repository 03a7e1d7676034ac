package org.nix4j.syntax.ast;

import java.util.List;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code { bindings }} or {@code rec { bindings }}. */
public final class AttrSet extends Expr {
  AttrSet(SyntaxNode node) {
    super(node);
  }

  public boolean isRec() {
    return token(SyntaxKind.REC_KW) != null;
  }

  public List<Binding> bindings() {
    return bindingsOf();
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitAttrSet(this);
  }
}
