package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** An integer literal, such as {@code 42}. */
public final class IntLiteral extends Literal {
  IntLiteral(SyntaxNode node) {
    super(node);
  }

  /** The value, or {@code null} when it does not fit in 64 bits (a syntax error, as in Nix). */
  public Long value() {
    return parse(source());
  }

  /** The value of a run of digits, or {@code null} when it overflows. */
  public static Long parse(String digits) {
    return org.nix4j.syntax.Literals.parseInt(digits);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitInt(this);
  }
}
