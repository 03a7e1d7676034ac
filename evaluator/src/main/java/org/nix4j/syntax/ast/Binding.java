package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** A binding of a set or a let: {@link AttrpathValue} or {@link Inherit}. */
public abstract class Binding extends AstNode {
  Binding(SyntaxNode node) {
    super(node);
  }
}
