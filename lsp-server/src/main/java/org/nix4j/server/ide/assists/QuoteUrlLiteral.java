package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.CodeActions;

/** Quick fix of {@code deprecated-url-literal}: writes the URL as a string. */
final class QuoteUrlLiteral implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("deprecated-url-literal")) {
      out.add(Assist.action("Write the URL as a string", QUICKFIX, d.range(), "\"" + ctx.text(d.range()) + "\""));
    }
  }
}
