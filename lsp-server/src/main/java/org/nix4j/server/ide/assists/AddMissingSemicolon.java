package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** Quick fix of the syntax error "expected `;`": inserts it after what comes before. */
final class AddMissingSemicolon implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("syntax-error")) {
      if (!d.message().contains("expected `;`")) {
        continue;
      }
      SyntaxToken t = ctx.file.parse().root().tokenAt(d.range().start());
      SyntaxToken prev = t == null ? null : t.prevToken();
      while (prev != null && prev.kind().isTrivia()) {
        prev = prev.prevToken();
      }
      int at = prev == null ? d.range().start() : prev.endOffset();
      CodeActions.Action a = Assist.action("Add the missing `;`", QUICKFIX, TextRange.empty(at), ";");
      out.add(new CodeActions.Action(a.title(), a.kind(), a.edits(), true));
    }
  }
}
