package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/**
 * {@code a = { b = 1; c = 2; };} → {@code a.b = 1; a.c = 2;}: a set literal bound to a name
 * becomes paths. Not offered for a {@code rec} set, or one with {@code inherit}s (whose names
 * would then be looked up elsewhere).
 */
final class FlattenAttrs implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxNode b = ctx.around(SyntaxKind.BINDING);
    if (b == null || b.parent() == null) {
      return;
    }
    SyntaxNode v = Trees.bindingValue(b);
    List<SyntaxNode> attrs = Trees.bindingAttrs(b);
    if (v == null || v.kind() != SyntaxKind.ATTR_SET || attrs.isEmpty()
        || v.firstToken(SyntaxKind.REC_KW) != null) {
      return;
    }
    String prefix = ctx.text(org.nix4j.syntax.TextRange.of(attrs.get(0).offset(), attrs.get(attrs.size() - 1).endOffset()));
    String indent = ctx.indentOf(b.offset());
    StringBuilder sb = new StringBuilder();
    int count = 0;
    for (SyntaxNode inner : v.childNodes()) {
      if (inner.kind() == SyntaxKind.INHERIT || inner.kind() == SyntaxKind.ERROR) {
        return;
      }
      if (inner.kind() != SyntaxKind.BINDING) {
        continue;
      }
      SyntaxNode iv = Trees.bindingValue(inner);
      SyntaxNode path = inner.firstChild(SyntaxKind.ATTRPATH);
      if (iv == null || path == null) {
        return;
      }
      if (count++ > 0) {
        sb.append('\n').append(indent);
      }
      sb.append(prefix).append('.').append(ctx.text(path)).append(" = ").append(ctx.text(iv)).append(';');
    }
    if (count == 0) {
      return;
    }
    out.add(Assist.action("Flatten `" + prefix + "` into attribute paths", REWRITE, b.range(), sb.toString()));
  }
}
