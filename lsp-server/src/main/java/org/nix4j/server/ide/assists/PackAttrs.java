package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;

/** {@code a.b.c = v;} → {@code a = { b.c = v; };}: the first name of a path becomes a set. */
final class PackAttrs implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxNode b = ctx.around(SyntaxKind.BINDING);
    if (b == null) {
      return;
    }
    List<SyntaxNode> attrs = Trees.bindingAttrs(b);
    SyntaxNode v = Trees.bindingValue(b);
    if (attrs.size() < 2 || v == null) {
      return;
    }
    String first = ctx.text(attrs.get(0));
    String rest = ctx.text(TextRange.of(attrs.get(1).offset(), attrs.get(attrs.size() - 1).endOffset()));
    out.add(Assist.action("Pack `" + first + "." + rest + "` into a set", REWRITE, b.range(),
        first + " = { " + rest + " = " + ctx.text(v) + "; };"));
  }
}
