package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/**
 * {@code rec { … }} → {@code { … }}, offered on {@code rec} when no attribute of the set refers
 * to another (removing it would otherwise change what names mean).
 */
final class RemoveRec implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    if (t == null || t.kind() != SyntaxKind.REC_KW || t.parent().kind() != SyntaxKind.ATTR_SET) {
      return;
    }
    SyntaxNode set = t.parent();
    for (NameResolution.Definition d : ctx.file.names().namesOf(set).values()) {
      if (!ctx.file.names().uses(d).isEmpty()) {
        return;
      }
    }
    int end = t.endOffset();
    String text = ctx.file.text();
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    out.add(Assist.action("Remove `rec`", REWRITE, TextRange.of(t.offset(), end), ""));
  }
}
