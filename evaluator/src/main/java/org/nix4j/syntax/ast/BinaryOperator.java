package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;

/** The binary operators, with Nix's precedence (higher binds tighter) and associativity. */
public enum BinaryOperator {
  IMPL("->", 1, SyntaxKind.IMPL),
  OR("||", 2, SyntaxKind.OR),
  AND("&&", 3, SyntaxKind.AND),
  EQ("==", 4, SyntaxKind.EQ),
  NEQ("!=", 4, SyntaxKind.NEQ),
  LT("<", 5, SyntaxKind.LT),
  GT(">", 5, SyntaxKind.GT),
  LEQ("<=", 5, SyntaxKind.LEQ),
  GEQ(">=", 5, SyntaxKind.GEQ),
  UPDATE("//", 6, SyntaxKind.UPDATE),
  ADD("+", 8, SyntaxKind.PLUS),
  SUB("-", 8, SyntaxKind.MINUS),
  MUL("*", 9, SyntaxKind.STAR),
  DIV("/", 9, SyntaxKind.SLASH),
  CONCAT("++", 10, SyntaxKind.CONCAT);

  private final String symbol;
  private final int precedence;
  private final SyntaxKind token;

  BinaryOperator(String symbol, int precedence, SyntaxKind token) {
    this.symbol = symbol;
    this.precedence = precedence;
    this.token = token;
  }

  public String symbol() {
    return symbol;
  }

  public int precedence() {
    return precedence;
  }

  public SyntaxKind tokenKind() {
    return token;
  }

  /** The operator of a token kind, or {@code null}. */
  public static BinaryOperator of(SyntaxKind kind) {
    for (BinaryOperator o : values()) {
      if (o.token == kind) {
        return o;
      }
    }
    return null;
  }
}
