package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxToken;

/** {@code a = 1;} → {@code "a" = 1;}: quotes an attribute name of a path. */
final class QuoteAttr implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    if (t == null || t.kind() != SyntaxKind.IDENT || t.parent().kind() != SyntaxKind.ATTR_IDENT
        || t.parent().parent() == null || t.parent().parent().kind() != SyntaxKind.ATTRPATH) {
      return;
    }
    String name = ctx.text(t.range());
    out.add(Assist.action("Quote the name `" + name + "`", REWRITE, t.range(), "\"" + name + "\""));
  }
}
