package org.nix4j.syntax.ast;

/** The prefix operators. */
public enum UnaryOperator {
  /** {@code -x}: Nix evaluates it as {@code __sub 0 x}. */
  NEGATE("-"),
  /** {@code !x}. */
  NOT("!");

  private final String symbol;

  UnaryOperator(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }
}
