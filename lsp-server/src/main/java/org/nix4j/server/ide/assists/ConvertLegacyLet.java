package org.nix4j.server.ide.assists;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/**
 * Quick fix of {@code deprecated-legacy-let}: {@code let { a = 1; body = a; }} →
 * {@code let a = 1; in a}. Offered when {@code body} is bound once, by a simple binding, and no
 * other binding uses it.
 */
final class ConvertLegacyLet implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("deprecated-legacy-let")) {
      SyntaxToken t = ctx.file.parse().root().tokenAt(d.range().start());
      SyntaxNode let = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.LEGACY_LET);
      if (let == null) {
        continue;
      }
      NameResolution.Definition body = ctx.file.names().namesOf(let).get("body");
      if (body == null || body.sites().size() != 1 || !ctx.file.names().uses(body).isEmpty()
          || body.sites().get(0).kind() != SyntaxKind.BINDING || Trees.bindingAttrs(body.sites().get(0)).size() != 1) {
        continue;
      }
      SyntaxNode bodyBinding = body.sites().get(0);
      SyntaxNode value = Trees.bindingValue(bodyBinding);
      if (value == null) {
        continue;
      }
      List<String> others = new ArrayList<>();
      for (SyntaxNode c : let.childNodes()) {
        if ((c.kind() == SyntaxKind.BINDING || c.kind() == SyntaxKind.INHERIT) && c != bodyBinding) {
          others.add(ctx.text(c));
        }
      }
      String text = "let " + String.join(" ", others) + (others.isEmpty() ? "" : " ") + "in " + ctx.text(value);
      out.add(Assist.action("Rewrite as `let … in …`", QUICKFIX, let.range(), text));
    }
  }
}
