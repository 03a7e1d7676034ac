package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** The parameter of a {@link Lambda}: {@link IdentParam} or {@link Pattern}. */
public abstract class Param extends AstNode {
  Param(SyntaxNode node) {
    super(node);
  }
}
