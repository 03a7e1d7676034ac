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

  /** The value of a run of digits, or {@code null} when it overflows a signed 64-bit integer. */
  public static Long parse(String digits) {
    if (digits.isEmpty()) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return null;
      }
      if (v > (Long.MAX_VALUE - d) / 10) {
        return null;
      }
      v = v * 10 + d;
    }
    return v;
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitInt(this);
  }
}
