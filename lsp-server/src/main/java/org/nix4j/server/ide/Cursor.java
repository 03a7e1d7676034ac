package org.nix4j.server.ide;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.ast.Expr;

/** What is under the cursor: the token a request is about, and the nodes around it. */
public final class Cursor {
  private Cursor() {}

  /**
   * The token at {@code offset}: the one that covers it, or, when the cursor touches the end of
   * a name, number, string or path just before it (as after typing {@code foo|}), that one.
   * Null for an empty file.
   */
  public static SyntaxToken tokenAt(SyntaxNode root, int offset) {
    SyntaxToken t = root.tokenAt(offset);
    if (t == null) {
      return null;
    }
    if (offset == t.offset() && !significant(t.kind())) {
      SyntaxToken prev = t.prevToken();
      if (prev != null && prev.endOffset() == offset && significant(prev.kind())) {
        return prev;
      }
    }
    if (offset >= t.endOffset() && t.kind().isTrivia()) {
      return t;
    }
    return t;
  }

  /** Names, numbers, strings, paths: what a person points at. */
  static boolean significant(SyntaxKind k) {
    return switch (k) {
      case IDENT, INT, FLOAT, URI, PATH, HPATH, SPATH, PATH_FRAGMENT, STR, IND_STR, OR_KW -> true;
      default -> false;
    };
  }

  /** The innermost expression node containing {@code node} (itself included), or null. */
  public static SyntaxNode enclosingExpr(SyntaxNode node) {
    for (SyntaxNode n = node; n != null; n = n.parent()) {
      if (Expr.isExpr(n.kind()) && n.kind() != SyntaxKind.ERROR) {
        return n;
      }
    }
    return null;
  }

  /** The first ancestor of {@code node} (itself included) of {@code kind}, or null. */
  public static SyntaxNode ancestor(SyntaxNode node, SyntaxKind kind) {
    for (SyntaxNode n = node; n != null; n = n.parent()) {
      if (n.kind() == kind) {
        return n;
      }
    }
    return null;
  }
}
