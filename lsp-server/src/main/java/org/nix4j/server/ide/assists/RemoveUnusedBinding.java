package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.server.ide.SourceEdit;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/**
 * Quick fix of {@code unused-binding}: removes the binding (its whole line when it is alone on
 * it), or the name from an {@code inherit}; a {@code let} left without bindings goes too.
 */
final class RemoveUnusedBinding implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("unused-binding")) {
      SyntaxToken t = ctx.file.parse().root().tokenAt(d.range().start());
      SyntaxNode binding = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.BINDING);
      SyntaxNode inherit = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.INHERIT);
      SyntaxNode site = binding != null ? binding : inherit;
      if (site == null || site.parent() == null) {
        continue;
      }
      String name = ctx.text(d.range());
      String title = "Remove the unused binding `" + name + "`";
      SyntaxNode let = site.parent();
      if (inherit != null && Trees.inheritNames(inherit).size() > 1) {
        SyntaxNode attr = t.parent().kind() == SyntaxKind.INHERIT ? null : Cursor.ancestor(t.parent(), SyntaxKind.ATTR_IDENT);
        if (attr == null) {
          continue;
        }
        int start = attr.offset();
        String text = ctx.file.text();
        while (start > 0 && Character.isWhitespace(text.charAt(start - 1))) {
          start--;
        }
        out.add(new CodeActions.Action(title, QUICKFIX, List.of(new SourceEdit(TextRange.of(start, attr.endOffset()), "")), true));
        continue;
      }
      if (let.kind() == SyntaxKind.LET_IN && bindingCount(let) == 1) {
        SyntaxNode body = Trees.lastExpr(let);
        if (body != null) {
          out.add(new CodeActions.Action(title, QUICKFIX,
              List.of(new SourceEdit(let.range(), ctx.text(body))), true));
          continue;
        }
      }
      out.add(new CodeActions.Action(title, QUICKFIX,
          List.of(new SourceEdit(Syntax.deletion(ctx.file.text(), site.range()), "")), true));
    }
  }

  private static int bindingCount(SyntaxNode let) {
    int n = 0;
    for (SyntaxNode c : let.childNodes()) {
      if (c.kind() == SyntaxKind.BINDING || c.kind() == SyntaxKind.INHERIT) {
        n++;
      }
    }
    return n;
  }
}
