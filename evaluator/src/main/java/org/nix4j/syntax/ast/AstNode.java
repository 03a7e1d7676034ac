package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/**
 * A typed view of a red {@link SyntaxNode}: thin, created on demand, holding nothing but the
 * node. Accessors of parts that a broken program lacks return {@code null} (or an empty list).
 */
public abstract class AstNode {
  final SyntaxNode node;

  AstNode(SyntaxNode node) {
    this.node = node;
  }

  /** The underlying red node. */
  public final SyntaxNode syntax() {
    return node;
  }

  public final SyntaxKind kind() {
    return node.kind();
  }

  /** The byte range of this construct in its source. */
  public final TextRange range() {
    return node.range();
  }

  /** The source text of this construct (a byte string). */
  public final String text() {
    return node.text();
  }

  @Override
  public final boolean equals(Object o) {
    return o instanceof AstNode a && a.node == node;
  }

  @Override
  public final int hashCode() {
    return node.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "@" + range();
  }

  // ---- helpers for subclasses ----

  /** The first child token of {@code kind}, or {@code null}. */
  final SyntaxToken token(SyntaxKind kind) {
    return node.firstToken(kind);
  }

  /** The {@code n}-th (0-based) child node that is an expression, or {@code null}. */
  final Expr expr(int n) {
    for (int i = 0, c = node.childCount(); i < c; i++) {
      if (node.child(i) instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        if (n-- == 0) {
          return Expr.cast(s);
        }
      }
    }
    return null;
  }

  /** The first child expression after the first child token of {@code kind}, or {@code null}. */
  final Expr exprAfter(SyntaxKind kind) {
    boolean seen = false;
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t && t.kind() == kind) {
        seen = true;
      } else if (seen && e instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        return Expr.cast(s);
      }
    }
    return null;
  }

  /** The first child expression before the first child token of {@code kind}, or {@code null}. */
  final Expr exprBefore(SyntaxKind kind) {
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t && t.kind() == kind) {
        return null;
      } else if (e instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        return Expr.cast(s);
      }
    }
    return null;
  }

  final List<Expr> exprs() {
    List<Expr> out = new ArrayList<>();
    for (int i = 0, c = node.childCount(); i < c; i++) {
      if (node.child(i) instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        out.add(Expr.cast(s));
      }
    }
    return out;
  }

  final SyntaxNode child(SyntaxKind kind) {
    return node.firstChild(kind);
  }

  /** The bindings among the children: {@code a = v;} and {@code inherit ...;}. */
  final List<Binding> bindingsOf() {
    List<Binding> out = new ArrayList<>();
    for (int i = 0, c = node.childCount(); i < c; i++) {
      if (node.child(i) instanceof SyntaxNode s) {
        if (s.kind() == SyntaxKind.BINDING) {
          out.add(new AttrpathValue(s));
        } else if (s.kind() == SyntaxKind.INHERIT) {
          out.add(new Inherit(s));
        }
      }
    }
    return out;
  }
}
