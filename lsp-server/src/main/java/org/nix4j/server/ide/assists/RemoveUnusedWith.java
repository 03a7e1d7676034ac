package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** Quick fix of {@code unused-with}: removes {@code with e;}, keeping the body. */
final class RemoveUnusedWith implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("unused-with")) {
      SyntaxToken t = ctx.file.parse().root().tokenAt(d.range().start());
      SyntaxNode with = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.WITH);
      SyntaxToken semi = with == null ? null : with.firstToken(SyntaxKind.SEMICOLON);
      if (semi == null) {
        continue;
      }
      String text = ctx.file.text();
      int end = semi.endOffset();
      while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
        end++;
      }
      out.add(Assist.action("Remove the unused `with`", QUICKFIX, TextRange.of(with.offset(), end), ""));
    }
  }
}
