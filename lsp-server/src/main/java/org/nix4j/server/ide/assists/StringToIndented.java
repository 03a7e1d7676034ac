package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.ast.StringDecoder;

/**
 * {@code "a\nb"} → {@code ''a⏎b''}: a string as an indented string with the same value. Not
 * offered where indentation stripping would change the value (every line indented, a first
 * line of blanks) or for text an indented string cannot hold as it is (a carriage return).
 */
final class StringToIndented implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    SyntaxToken t = ctx.token();
    SyntaxNode str = t == null ? null : Cursor.ancestor(t.parent(), SyntaxKind.STRING);
    if (str == null || str.parent() == null || str.parent().kind() == SyntaxKind.ATTRPATH
        || str.parent().kind() == SyntaxKind.INHERIT || str.firstToken(SyntaxKind.QUOTE) == null
        || str.lastToken().kind() != SyntaxKind.QUOTE || str.childCount() < 2) {
      return;
    }
    StringBuilder sb = new StringBuilder("''");
    StringBuilder value = new StringBuilder();
    for (int i = 0, n = str.childCount(); i < n; i++) {
      SyntaxElement e = str.child(i);
      if (e instanceof SyntaxToken tok && tok.kind() == SyntaxKind.STR) {
        String v = StringDecoder.unescape(tok.text());
        if (v.indexOf('\r') >= 0 || v.indexOf('\t') >= 0) {
          return;
        }
        value.append(v);
        sb.append(v.replace("''", "'''").replace("${", "''${"));
      } else if (e instanceof SyntaxNode s && s.kind() == SyntaxKind.INTERPOL) {
        value.append('x');
        sb.append(s.text());
      }
    }
    sb.append("''");
    String v = value.toString();
    if (v.isEmpty() || firstLineBlank(v) || allIndented(v)) {
      return;
    }
    out.add(Assist.action("Convert to an indented string", REWRITE, str.range(),
        org.nix4j.syntax.Bytes.toUnicode(sb.toString())));
  }

  private static boolean firstLineBlank(String v) {
    int nl = v.indexOf('\n');
    return nl >= 0 && v.substring(0, nl).isBlank();
  }

  /** Whether every line with text starts with a space (indentation stripping would remove it). */
  private static boolean allIndented(String v) {
    boolean any = false;
    for (String line : v.split("\n", -1)) {
      if (line.isBlank()) {
        continue;
      }
      any = true;
      if (line.charAt(0) != ' ') {
        return false;
      }
    }
    return any;
  }
}
