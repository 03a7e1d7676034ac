package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** The whole file. */
public final class Root extends AstNode {
  public Root(SyntaxNode node) {
    super(node);
  }

  /** The file's expression, or {@code null} when it has none. */
  public Expr expr() {
    return expr(0);
  }
}
