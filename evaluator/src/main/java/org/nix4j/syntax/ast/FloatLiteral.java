package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/** A float literal, such as {@code 1.5}, {@code .5} or {@code 1.0e20}. */
public final class FloatLiteral extends Literal {
  FloatLiteral(SyntaxNode node) {
    super(node);
  }

  /**
   * The value, as C's {@code strtod} reads it (correctly rounded), or {@code null} when it is out
   * of range (overflow to infinity or underflow: Nix rejects both as "invalid float").
   */
  public Double value() {
    return parse(source());
  }

  /** The value of a float literal's text, or {@code null} when Nix rejects it as out of range. */
  public static Double parse(String text) {
    return org.nix4j.syntax.Literals.parseFloat(text);
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitFloat(this);
  }
}
