package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** An indented string {@code ''...''}. */
public final class IndentedStr extends Expr {
  IndentedStr(SyntaxNode node) {
    super(node);
  }

  /**
   * Nix's parts exactly: one entry per lexeme of the string (text, escape, interpolation), after
   * indentation stripping, empty texts included. Nix evaluates a string of one text entry as that
   * text, and anything else as the concatenation of the entries.
   */
  public List<StrPart> tokenParts() {
    List<StringDecoder.Piece> pieces = new ArrayList<>();
    List<TextRange> ranges = new ArrayList<>();
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t) {
        if (t.kind() == SyntaxKind.IND_STR) {
          pieces.add(new StringDecoder.Piece(t.text(), true, null));
          ranges.add(t.range());
        } else if (t.kind() == SyntaxKind.IND_ESCAPE) {
          pieces.add(new StringDecoder.Piece(StringDecoder.indentedEscape(t.text()), false, null));
          ranges.add(t.range());
        }
      } else if (e instanceof SyntaxNode s && s.kind() == SyntaxKind.INTERPOL) {
        Expr x = Interpol.exprOf(s);
        pieces.add(new StringDecoder.Piece(null, false, x == null ? (Object) s : x));
        ranges.add(s.range());
      }
    }
    List<Object> stripped = StringDecoder.stripIndentation(pieces);
    List<StrPart> out = new ArrayList<>(stripped.size());
    for (int i = 0; i < stripped.size(); i++) {
      Object o = stripped.get(i);
      if (o instanceof String s) {
        out.add(new StrPart.Literal(s, ranges.get(i)));
      } else {
        out.add(new StrPart.Interpolation(o instanceof Expr x ? x : null, ranges.get(i)));
      }
    }
    return out;
  }

  /**
   * The parts for evaluation: as {@link #tokenParts()}, with adjacent texts merged and empty
   * texts dropped (a string with no parts is the empty string).
   */
  public List<StrPart> parts() {
    List<StrPart> out = new ArrayList<>();
    for (StrPart p : tokenParts()) {
      if (p instanceof StrPart.Literal l) {
        if (l.value().isEmpty()) {
          continue;
        }
        if (!out.isEmpty() && out.get(out.size() - 1) instanceof StrPart.Literal prev) {
          out.set(out.size() - 1, new StrPart.Literal(prev.value() + l.value(),
              prev.range().cover(l.range())));
          continue;
        }
      }
      out.add(p);
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

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitIndentedStr(this);
  }
}
