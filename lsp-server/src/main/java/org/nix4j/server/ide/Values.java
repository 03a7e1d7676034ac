package org.nix4j.server.ide;

import java.util.List;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.ValueOracle;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.value.Thunk;

/** The value a {@link Subject} stands for, as a thunk to force (on the evaluation thread). */
final class Values {
  private Values() {}

  /** The value of the subject, or null when it cannot be told (a dynamic attribute name). */
  static Thunk of(DocumentEval doc, Subject s) {
    ValueOracle o = doc.oracle();
    NameResolution names = doc.file().names();
    switch (s.kind()) {
      case VARIABLE, EXPRESSION -> {
        return o.valueOf(s.node());
      }
      case PARAMETER -> {
        return o.valueOf(s.definition());
      }
      case INHERITED_NAME -> {
        if (s.definition() != null) {
          return o.valueOf(s.definition());
        }
        SyntaxNode src = Trees.inheritSource(s.node().parent());
        if (src != null) {
          return ValueOracle.select(o.valueOf(src), List.of(s.name()));
        }
        return s.target() == null ? null : o.valueOf(s.target());
      }
      case BINDING_NAME -> {
        List<String> path = s.names();
        if (path.contains(null)) {
          return null;
        }
        SyntaxNode binding = s.node().parent().parent();
        SyntaxNode scope = binding.parent();
        if (scope == null) {
          return null;
        }
        boolean recursive = scope.kind() == SyntaxKind.LET_IN || scope.kind() == SyntaxKind.LEGACY_LET
            || (scope.kind() == SyntaxKind.ATTR_SET && NameResolution.isRec(scope));
        if (recursive) {
          Definition d = names.namesOf(scope).get(path.get(0));
          if (d == null) {
            return null;
          }
          Thunk base = o.valueOf(d);
          return path.size() == 1 ? base : ValueOracle.select(base, path.subList(1, path.size()));
        }
        if (scope.kind() != SyntaxKind.ATTR_SET) {
          return null;
        }
        return ValueOracle.select(o.valueOf(scope), path);
      }
      case SELECTED_ATTRIBUTE -> {
        List<String> path = s.names();
        if (path.contains(null)) {
          return null;
        }
        SyntaxNode owner = s.node().parent().parent();
        SyntaxNode base = Trees.firstExpr(owner);
        return base == null ? null : ValueOracle.select(o.valueOf(base), path);
      }
      default -> {
        return null;
      }
    }
  }
}
