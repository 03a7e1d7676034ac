package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** A quoted attribute name {@code "a b"} or {@code "x${y}"}. */
public final class StrAttr extends Attr {
  StrAttr(SyntaxNode node) {
    super(node);
  }

  /** The string. */
  public Str string() {
    return new Str(node);
  }

  @Override
  public String staticName() {
    return string().staticValue();
  }
}
