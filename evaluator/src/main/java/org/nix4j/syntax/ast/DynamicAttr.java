package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** A dynamic attribute name {@code ${ expr }}. */
public final class DynamicAttr extends Attr {
  DynamicAttr(SyntaxNode node) {
    super(node);
  }

  /** The expression, or {@code null} when missing. */
  public Expr expr() {
    return Interpol.exprOf(node);
  }

  @Override
  public String staticName() {
    Expr e = expr();
    while (e instanceof Paren p) {
      e = p.expr();
    }
    if (e instanceof Str s) {
      return s.staticValue();
    }
    if (e instanceof IndentedStr s && s.isStatic() && s.tokenParts().size() <= 1) {
      return s.staticValue();
    }
    return null;
  }
}
