package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** A number or a URI: {@link IntLiteral}, {@link FloatLiteral} or {@link UriLiteral}. */
public abstract class Literal extends Expr {
  Literal(SyntaxNode node) {
    super(node);
  }

  static Literal of(SyntaxNode node) {
    SyntaxToken t = node.firstSignificantToken();
    SyntaxKind k = t == null ? SyntaxKind.INT : t.kind();
    switch (k) {
      case FLOAT:
        return new FloatLiteral(node);
      case URI:
        return new UriLiteral(node);
      default:
        return new IntLiteral(node);
    }
  }

  public SyntaxToken token() {
    return node.firstSignificantToken();
  }

  /** The literal as written. */
  public String source() {
    SyntaxToken t = token();
    return t == null ? "" : t.text();
  }
}
