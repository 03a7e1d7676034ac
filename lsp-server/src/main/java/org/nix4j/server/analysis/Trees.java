package org.nix4j.server.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.ast.Expr;

/**
 * Small questions about the syntax tree that the features ask again and again: the parts of a
 * binding, the expressions of a node. On red nodes, so that answers are nodes of the same tree.
 */
public final class Trees {
  private Trees() {}

  /** The first expression child of {@code n} (the namespace of a {@code with}, a default …), or null. */
  public static SyntaxNode firstExpr(SyntaxNode n) {
    for (SyntaxNode c : n.childNodes()) {
      if (Expr.isExpr(c.kind())) {
        return c;
      }
    }
    return null;
  }

  /** The last expression child of {@code n} (the body of {@code let … in}, {@code with}, {@code assert}), or null. */
  public static SyntaxNode lastExpr(SyntaxNode n) {
    SyntaxNode last = null;
    for (SyntaxNode c : n.childNodes()) {
      if (Expr.isExpr(c.kind())) {
        last = c;
      }
    }
    return last;
  }

  /** The attribute nodes of a binding's path ({@code a.b.c = …;}). */
  public static List<SyntaxNode> bindingAttrs(SyntaxNode binding) {
    SyntaxNode path = binding.firstChild(SyntaxKind.ATTRPATH);
    return path == null ? List.of() : path.childNodes();
  }

  /** The value expression of a binding {@code path = value;}, or null. */
  public static SyntaxNode bindingValue(SyntaxNode binding) {
    boolean assign = false;
    for (int i = 0, n = binding.childCount(); i < n; i++) {
      SyntaxElement e = binding.child(i);
      if (e.kind() == SyntaxKind.ASSIGN) {
        assign = true;
      } else if (assign && e instanceof SyntaxNode s && Expr.isExpr(s.kind())) {
        return s;
      }
    }
    return null;
  }

  /** The names of an {@code inherit} (without its source). */
  public static List<SyntaxNode> inheritNames(SyntaxNode inherit) {
    List<SyntaxNode> out = new ArrayList<>();
    for (SyntaxNode a : inherit.childNodes()) {
      if (a.kind() != SyntaxKind.INHERIT_FROM) {
        out.add(a);
      }
    }
    return out;
  }

  /** {@code r} without the blanks at its ends, in {@code text} (a selection as the user made it). */
  public static org.nix4j.syntax.TextRange trim(String text, org.nix4j.syntax.TextRange r) {
    int s = r.start();
    int e = Math.min(r.end(), text.length());
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    return org.nix4j.syntax.TextRange.of(s, e);
  }

  /** The source expression of {@code inherit (e) …}, or null. */
  public static SyntaxNode inheritSource(SyntaxNode inherit) {
    SyntaxNode from = inherit.firstChild(SyntaxKind.INHERIT_FROM);
    return from == null ? null : firstExpr(from);
  }
}
