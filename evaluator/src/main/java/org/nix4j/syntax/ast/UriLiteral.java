package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** A URI literal such as {@code https://nixos.org}: a string for the evaluator. */
public final class UriLiteral extends Literal {
  UriLiteral(SyntaxNode node) {
    super(node);
  }

  /** The URI (a byte string). */
  public String value() {
    return source();
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitUri(this);
  }
}
