package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;

/**
 * Find references and document highlight: the places a name bound in the file is written —
 * its bindings and its uses (variables, and {@code inherit}s that take it from the scope).
 */
public final class References {
  /** A place the name is written, and whether it binds the name there. */
  public record Occurrence(TextRange range, boolean definition) {}

  private References() {}

  /** The definition the name at {@code offset} is or refers to, or null. */
  public static Definition definitionAt(FileAnalysis file, int offset) {
    Subject s = Subject.at(file, offset);
    if (s == null) {
      return null;
    }
    if (s.definition() != null) {
      return s.definition();
    }
    if (s.target() instanceof NameResolution.Local l) {
      return l.definition();
    }
    return null;
  }

  /** Every occurrence of the definition's name, in source order. */
  public static List<Occurrence> of(FileAnalysis file, Definition d) {
    List<Occurrence> out = new ArrayList<>();
    for (TextRange r : d.nameRanges()) {
      out.add(new Occurrence(r, true));
    }
    for (SyntaxNode use : file.names().uses(d)) {
      TextRange r = use.range();
      var tok = use.firstSignificantToken();
      if (tok != null && use.kind() == org.nix4j.syntax.SyntaxKind.IDENT_EXPR) {
        r = tok.range();
      }
      out.add(new Occurrence(r, false));
    }
    out.sort(Comparator.comparing(Occurrence::range));
    return out;
  }

  /** The occurrences of the name at {@code offset}; empty when it is not a name of the file. */
  public static List<Occurrence> at(FileAnalysis file, int offset) {
    Definition d = definitionAt(file, offset);
    return d == null ? List.of() : of(file, d);
  }
}
