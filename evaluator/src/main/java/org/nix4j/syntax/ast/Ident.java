package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** A variable reference {@code x} (also the {@code or} of {@code f or}). */
public final class Ident extends Expr {
  Ident(SyntaxNode node) {
    super(node);
  }

  public SyntaxToken token() {
    return node.firstSignificantToken();
  }

  /** The variable's name (a byte string). */
  public String name() {
    SyntaxToken t = token();
    return t == null ? "" : t.text();
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitIdent(this);
  }
}
