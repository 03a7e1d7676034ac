package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** Selection ranges: from the token at the cursor out through the nodes around it. */
public final class SelectionRanges {
  private SelectionRanges() {}

  /** The ranges at {@code offset}, innermost first, each strictly larger than the one before. */
  public static List<TextRange> at(FileAnalysis file, int offset) {
    List<TextRange> out = new ArrayList<>();
    SyntaxNode root = file.parse().root();
    SyntaxToken t = Cursor.tokenAt(root, offset);
    if (t == null) {
      out.add(TextRange.empty(offset));
      return out;
    }
    if (!t.kind().isTrivia()) {
      out.add(t.range());
    }
    for (SyntaxNode n = t.parent(); n != null; n = n.parent()) {
      TextRange r = n.range();
      if (out.isEmpty() || (r.contains(out.get(out.size() - 1)) && !r.equals(out.get(out.size() - 1)))) {
        out.add(r);
      }
    }
    if (out.isEmpty()) {
      out.add(TextRange.empty(offset));
    }
    return out;
  }
}
