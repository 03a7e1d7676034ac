package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** The {@code x} of {@code x: body}. */
public final class IdentParam extends Param {
  IdentParam(SyntaxNode node) {
    super(node);
  }

  public SyntaxToken token() {
    return token(SyntaxKind.IDENT);
  }

  public String name() {
    SyntaxToken t = token();
    return t == null ? "" : t.text();
  }
}
