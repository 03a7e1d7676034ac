package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** {@code inherit a b;} or {@code inherit (source) a b;}. */
public final class Inherit extends Binding {
  Inherit(SyntaxNode node) {
    super(node);
  }

  /** Whether there is a {@code (source)}. */
  public boolean hasSource() {
    return child(SyntaxKind.INHERIT_FROM) != null;
  }

  /** The expression in parentheses, or {@code null}. */
  public Expr source() {
    SyntaxNode f = child(SyntaxKind.INHERIT_FROM);
    return f == null ? null : Interpol.exprOf(f);
  }

  /** The inherited names. */
  public List<Attr> attrs() {
    List<Attr> out = new ArrayList<>();
    for (SyntaxNode n : node.childNodes()) {
      Attr a = Attr.cast(n);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }
}
