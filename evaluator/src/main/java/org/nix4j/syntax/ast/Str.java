package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** A {@code "..."} string. */
public final class Str extends Expr {
  Str(SyntaxNode node) {
    super(node);
  }

  /**
   * The parts, escapes decoded: one literal per piece of text between interpolations and one
   * interpolation per {@code ${}} (as Nix builds them; no empty literals).
   */
  public List<StrPart> parts() {
    List<StrPart> out = new ArrayList<>();
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t && t.kind() == SyntaxKind.STR) {
        out.add(new StrPart.Literal(StringDecoder.unescape(t.text()), t.range()));
      } else if (e instanceof SyntaxNode s && s.kind() == SyntaxKind.INTERPOL) {
        out.add(new StrPart.Interpolation(Interpol.exprOf(s), s.range()));
      }
    }
    return out;
  }

  /** Whether the string has no interpolation. */
  public boolean isStatic() {
    return node.firstChild(SyntaxKind.INTERPOL) == null;
  }

  /** The value of a string without interpolation, or {@code null}. */
  public String staticValue() {
    if (!isStatic()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (StrPart p : parts()) {
      sb.append(((StrPart.Literal) p).value());
    }
    return sb.toString();
  }

  /** Whether the closing quote is there. */
  public boolean isClosed() {
    return node.childCount() > 1 && node.child(node.childCount() - 1).kind() == SyntaxKind.QUOTE;
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitStr(this);
  }
}
