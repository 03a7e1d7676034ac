package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** {@code { … }} → {@code rec { … }}, offered on the braces of a set. */
final class AddRec implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    if (t == null || (t.kind() != SyntaxKind.L_BRACE && t.kind() != SyntaxKind.R_BRACE)) {
      return;
    }
    SyntaxNode set = t.parent();
    if (set.kind() != SyntaxKind.ATTR_SET || set.firstToken(SyntaxKind.REC_KW) != null) {
      return;
    }
    SyntaxToken open = set.firstToken(SyntaxKind.L_BRACE);
    out.add(Assist.action("Make the set `rec`", REWRITE, TextRange.empty(open.offset()), "rec "));
  }
}
