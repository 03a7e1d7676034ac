package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/**
 * {@code inherit a b;} → {@code a = a; b = b;} and {@code inherit (s) a;} → {@code a = s.a;}.
 * Not offered for {@code inherit a;} in a {@code let} or a {@code rec} set, where {@code a = a;}
 * would refer to itself.
 */
final class InheritToBinding implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxNode inherit = ctx.around(SyntaxKind.INHERIT);
    if (inherit == null || inherit.parent() == null) {
      return;
    }
    SyntaxNode from = inherit.firstChild(SyntaxKind.INHERIT_FROM);
    SyntaxNode source = from == null ? null : Trees.firstExpr(from);
    if (from == null && Syntax.recursive(inherit.parent())) {
      return;
    }
    if (from != null && source == null) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    String src = source == null ? null : Syntax.atomic(source) ? ctx.text(source) : "(" + ctx.text(source) + ")";
    for (SyntaxNode a : Trees.inheritNames(inherit)) {
      String name = NameResolution.staticAttrName(a);
      if (name == null) {
        return;
      }
      String n = ctx.text(a);
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(n).append(" = ").append(src == null ? n : src + "." + n).append(';');
    }
    if (sb.length() == 0) {
      return;
    }
    out.add(Assist.action("Rewrite the `inherit` as bindings", REWRITE, inherit.range(), sb.toString()));
  }
}
