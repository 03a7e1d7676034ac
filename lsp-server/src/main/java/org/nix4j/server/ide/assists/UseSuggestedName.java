package org.nix4j.server.ide.assists;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.SourceEdit;

/** Quick fix of {@code undefined-variable}: replaces the name by the one the compiler suggests. */
final class UseSuggestedName implements Assist {
  private static final Pattern MEANT = Pattern.compile("did you mean '([^']+)'\\?");

  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    for (IdeDiagnostic d : ctx.diagnostics("undefined-variable")) {
      // The suggestion is in the message or in related information, as the compiler words it.
      StringBuilder text = new StringBuilder(d.message());
      for (IdeDiagnostic.Related r : d.related()) {
        text.append('\n').append(r.message());
      }
      Matcher m = MEANT.matcher(text);
      if (m.find()) {
        String meant = org.nix4j.syntax.Bytes.toUnicode(m.group(1));
        out.add(new CodeActions.Action("Replace `" + ctx.text(d.range()) + "` by `" + meant + "`", QUICKFIX,
            List.of(new SourceEdit(d.range(), meant)), true));
      }
    }
  }
}
