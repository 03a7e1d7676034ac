package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** {@code (x)} → {@code x}: parentheses around what needs none (a name, a literal, a set …). */
final class RemoveParens implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    if (t == null || (t.kind() != SyntaxKind.L_PAREN && t.kind() != SyntaxKind.R_PAREN)
        || t.parent().kind() != SyntaxKind.PAREN) {
      return;
    }
    SyntaxNode paren = t.parent();
    SyntaxNode inner = Trees.firstExpr(paren);
    if (inner == null || !Syntax.atomic(inner) || paren.lastToken().kind() != SyntaxKind.R_PAREN) {
      return;
    }
    out.add(Assist.action("Remove the parentheses", REWRITE, paren.range(), ctx.text(inner)));
  }
}
