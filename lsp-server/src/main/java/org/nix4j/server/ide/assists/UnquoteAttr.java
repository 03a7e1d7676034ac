package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** {@code "a" = 1;} → {@code a = 1;}: unquotes an attribute name that needs no quotes. */
final class UnquoteAttr implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    SyntaxNode str = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.STRING);
    if (str == null || str.parent() == null
        || (str.parent().kind() != SyntaxKind.ATTRPATH && str.parent().kind() != SyntaxKind.INHERIT)) {
      return;
    }
    String name = NameResolution.staticAttrName(str);
    if (name == null || !Syntax.identifier(name)) {
      return;
    }
    out.add(Assist.action("Unquote the name `" + name + "`", REWRITE, str.range(), name));
  }
}
