package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** One formal: {@code a} or {@code a ? default}. */
public final class PatEntry extends AstNode {
  PatEntry(SyntaxNode node) {
    super(node);
  }

  public SyntaxToken token() {
    return token(SyntaxKind.IDENT);
  }

  public String name() {
    SyntaxToken t = token();
    return t == null ? "" : t.text();
  }

  public boolean hasDefault() {
    return token(SyntaxKind.QUESTION) != null;
  }

  /** The default, or {@code null}. */
  public Expr defaultExpr() {
    return exprAfter(SyntaxKind.QUESTION);
  }
}
