package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** A search path {@code <nixpkgs/lib>}, meaning {@code __findFile __nixPath "nixpkgs/lib"}. */
public final class SearchPath extends Expr {
  SearchPath(SyntaxNode node) {
    super(node);
  }

  /** The path between the angle brackets. */
  public String path() {
    SyntaxToken t = node.firstSignificantToken();
    if (t == null) {
      return "";
    }
    String s = t.text();
    return s.length() >= 2 ? s.substring(1, s.length() - 1) : s;
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitSearchPath(this);
  }
}
