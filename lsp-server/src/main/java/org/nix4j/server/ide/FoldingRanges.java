package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/**
 * Folding ranges: sets, lists, {@code let}s, parentheses, indented strings, function
 * patterns, bindings and comments that span several lines. Lines are zero-based; a range ends
 * on the line before its closing bracket when that bracket starts its own line.
 */
public final class FoldingRanges {
  /** A range of lines to fold; {@code comment} for comments. */
  public record Fold(int startLine, int endLine, boolean comment) {}

  private FoldingRanges() {}

  public static List<Fold> of(FileAnalysis file) {
    LineIndex lines = file.lines();
    List<Fold> out = new ArrayList<>();
    int commentStart = -1;
    int commentEnd = -1;
    for (Iterator<SyntaxElement> it = file.parse().root().preorder(); it.hasNext(); ) {
      SyntaxElement e = it.next();
      if (e instanceof SyntaxToken t) {
        if (t.kind() == SyntaxKind.COMMENT) {
          int a = lines.lineOf(t.offset());
          int b = lines.lineOf(Math.max(t.offset(), t.endOffset() - 1));
          if (t.text().startsWith("#") && commentStart >= 0 && a == commentEnd + 1) {
            commentEnd = b;
          } else {
            flushComment(out, commentStart, commentEnd);
            commentStart = a;
            commentEnd = b;
          }
          if (!t.text().startsWith("#")) {
            flushComment(out, commentStart, commentEnd);
            commentStart = -1;
          }
        }
        continue;
      }
      SyntaxNode n = (SyntaxNode) e;
      switch (n.kind()) {
        case ATTR_SET, LIST, LET_IN, PAREN, IND_STRING, PATTERN, BINDING, LEGACY_LET -> {
          int a = lines.lineOf(n.offset());
          int b = lines.lineOf(Math.max(n.offset(), n.endOffset() - 1));
          SyntaxToken last = n.lastToken();
          if (last != null && isCloser(last.kind()) && lines.lineStart(b) + indent(lines, b) == last.offset()) {
            b--;
          }
          if (b > a) {
            out.add(new Fold(a, b, false));
          }
        }
        default -> { }
      }
    }
    flushComment(out, commentStart, commentEnd);
    // One range per first line (editors keep one): the largest.
    java.util.Map<Integer, Fold> byStart = new java.util.TreeMap<>();
    for (Fold f : out) {
      Fold old = byStart.get(f.startLine());
      if (old == null || f.endLine() > old.endLine()) {
        byStart.put(f.startLine(), f);
      }
    }
    return new ArrayList<>(byStart.values());
  }

  private static int indent(LineIndex lines, int line) {
    String t = lines.lineText(line);
    int i = 0;
    while (i < t.length() && (t.charAt(i) == ' ' || t.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static boolean isCloser(SyntaxKind k) {
    return k == SyntaxKind.R_BRACE || k == SyntaxKind.R_BRACK || k == SyntaxKind.R_PAREN
        || k == SyntaxKind.IND_CLOSE || k == SyntaxKind.SEMICOLON;
  }

  private static void flushComment(List<Fold> out, int a, int b) {
    if (a >= 0 && b > a) {
      out.add(new Fold(a, b, true));
    }
  }
}
