package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.syntax.ast.IndentedStr;
import org.nix4j.syntax.ast.StrPart;

/** {@code ''…''} → {@code "…"}: an indented string as a string with the same value (escaped). */
final class IndentedToString implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    SyntaxNode ind = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.IND_STRING);
    if (ind == null || ind.lastToken() == null || ind.lastToken().kind() != SyntaxKind.IND_CLOSE) {
      return;
    }
    IndentedStr s = (IndentedStr) Expr.cast(ind);
    StringBuilder sb = new StringBuilder("\"");
    for (StrPart p : s.parts()) {
      if (p instanceof StrPart.Literal l) {
        sb.append(escape(l.value()));
      } else if (p instanceof StrPart.Interpolation i) {
        if (i.expr() == null) {
          return;
        }
        sb.append("${").append(i.expr().text()).append('}');
      }
    }
    sb.append('"');
    out.add(Assist.action("Convert to a string", REWRITE, ind.range(), org.nix4j.syntax.Bytes.toUnicode(sb.toString())));
  }

  /** A value (bytes) as the text of a {@code "} string. */
  static String escape(String v) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '$' -> sb.append(i + 1 < v.length() && v.charAt(i + 1) == '{' ? "\\$" : "$");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
