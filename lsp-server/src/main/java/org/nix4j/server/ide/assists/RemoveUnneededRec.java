package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.TextRange;

/** Quick fix of {@code unneeded-rec}: removes the {@code rec} no attribute needs. */
final class RemoveUnneededRec implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("unneeded-rec")) {
      String text = ctx.file.text();
      int end = d.range().end();
      while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
        end++;
      }
      out.add(Assist.action("Remove the unneeded `rec`", QUICKFIX, TextRange.of(d.range().start(), end), ""));
    }
  }
}
