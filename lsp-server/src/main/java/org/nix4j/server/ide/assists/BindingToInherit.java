package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/**
 * {@code a = a;} → {@code inherit a;} (in a set that is not recursive) and {@code a = s.a;} →
 * {@code inherit (s) a;}.
 */
final class BindingToInherit implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxNode b = ctx.around(SyntaxKind.BINDING);
    if (b == null || b.parent() == null || Trees.bindingAttrs(b).size() != 1) {
      return;
    }
    String name = NameResolution.staticAttrName(Trees.bindingAttrs(b).get(0));
    SyntaxNode v = Trees.bindingValue(b);
    if (name == null || v == null || !Syntax.identifier(name)) {
      return;
    }
    if (v.kind() == SyntaxKind.IDENT_EXPR && v.text().strip().equals(name) && !Syntax.recursive(b.parent())) {
      out.add(Assist.action("Rewrite as `inherit " + name + ";`", REWRITE, b.range(), "inherit " + name + ";"));
      return;
    }
    if (v.kind() == SyntaxKind.SELECT && v.firstToken(SyntaxKind.OR_KW) == null) {
      SyntaxNode path = v.firstChild(SyntaxKind.ATTRPATH);
      SyntaxNode base = Trees.firstExpr(v);
      if (path == null || base == null) {
        return;
      }
      List<SyntaxNode> attrs = path.childNodes();
      String last = NameResolution.staticAttrName(attrs.get(attrs.size() - 1));
      if (!name.equals(last)) {
        return;
      }
      String src = ctx.text(base);
      if (attrs.size() > 1) {
        src = src + "." + ctx.text(org.nix4j.syntax.TextRange.of(attrs.get(0).offset(), attrs.get(attrs.size() - 2).endOffset()));
      }
      out.add(Assist.action("Rewrite as `inherit (…) " + name + ";`", REWRITE, b.range(),
          "inherit (" + src + ") " + name + ";"));
    }
  }
}
