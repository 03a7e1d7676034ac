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
      int at = where(t, d.range().start());
      CodeActions.Action a = Assist.action("Add the missing `;`", QUICKFIX, TextRange.empty(at), ";");
      out.add(new CodeActions.Action(a.title(), a.kind(), a.edits(), true));
    }
  }

  /**
   * Where the {@code ;} goes: at the end of the line before the error when the tokens that
   * lead to it run over a line break (the next binding was read as an argument:
   * {@code a = 1⏎ b = 2;}), else right after the token before the error.
   */
  private static int where(SyntaxToken error, int fallback) {
    SyntaxToken prev = error == null ? null : error.prevToken();
    SyntaxToken lastSignificant = null;
    for (SyntaxToken p = prev; p != null; p = p.prevToken()) {
      if (p.kind() == org.nix4j.syntax.SyntaxKind.WHITESPACE && p.text().indexOf('\n') >= 0) {
        SyntaxToken before = p.prevToken();
        while (before != null && before.kind().isTrivia()) {
          before = before.prevToken();
        }
        if (before != null && lastSignificant != null && before.kind() != org.nix4j.syntax.SyntaxKind.SEMICOLON
            && before.kind() != org.nix4j.syntax.SyntaxKind.L_BRACE && before.kind() != org.nix4j.syntax.SyntaxKind.LET_KW) {
          return before.endOffset();
        }
        break;
      }
      if (!p.kind().isTrivia()) {
        if (p.kind() == org.nix4j.syntax.SyntaxKind.SEMICOLON || p.kind() == org.nix4j.syntax.SyntaxKind.ASSIGN) {
          break;
        }
        lastSignificant = p;
      }
    }
    while (prev != null && prev.kind().isTrivia()) {
      prev = prev.prevToken();
    }
    return prev == null ? fallback : prev.endOffset();
  }
}
