package org.nix4j.syntax.ast;

import java.util.List;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code let bindings in body}. */
public final class LetIn extends Expr {
  LetIn(SyntaxNode node) {
    super(node);
  }

  public List<Binding> bindings() {
    return bindingsOf();
  }

  /** The body, or {@code null} when missing. */
  public Expr body() {
    return exprAfter(SyntaxKind.IN_KW);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitLetIn(this);
  }
}
