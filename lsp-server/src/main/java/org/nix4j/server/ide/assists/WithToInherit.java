package org.nix4j.server.ide.assists;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/**
 * {@code with pkgs; [ hello ]} → {@code let inherit (pkgs) hello; in [ hello ]}: the names the
 * body finds through this {@code with} become explicit. Offered on the {@code with} keyword and
 * its namespace, when the namespace does not itself use one of those names.
 */
final class WithToInherit implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxNode with = ctx.around(SyntaxKind.WITH);
    SyntaxToken semi = with == null ? null : with.firstToken(SyntaxKind.SEMICOLON);
    if (semi == null || ctx.range.start() > semi.endOffset()) {
      return;
    }
    SyntaxNode ns = Trees.firstExpr(with);
    SyntaxNode body = Trees.lastExpr(with);
    if (ns == null || body == null || body == ns) {
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    for (Map.Entry<SyntaxNode, NameResolution.Target> e : ctx.file.names().references().entrySet()) {
      if (e.getValue() instanceof NameResolution.WithScope w && w.withs().get(0) == with
          && body.range().contains(e.getKey().range())) {
        String n = e.getKey().kind() == SyntaxKind.IDENT_EXPR ? e.getKey().text().strip()
            : NameResolution.staticAttrName(e.getKey());
        if (n != null) {
          names.add(n);
        }
      }
    }
    if (names.isEmpty()) {
      return;
    }
    for (String n : FreeNames.of(ctx.file.names(), ns).keySet()) {
      if (names.contains(n)) {
        return;
      }
    }
    String inherit = "inherit (" + ctx.text(ns) + ") "
        + org.nix4j.syntax.Bytes.toUnicode(String.join(" ", names.stream().sorted().toList())) + ";";
    out.add(Assist.action("Replace the `with` by `inherit`s of the names it provides", REWRITE, with.range(),
        "let " + inherit + " in " + ctx.text(body)));
  }
}
