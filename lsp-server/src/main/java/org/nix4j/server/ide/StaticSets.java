package org.nix4j.server.ide;

import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/**
 * Sets written in the file: following a variable to its binding, parentheses, {@code let … in}
 * bodies and selections, to the set literal an expression is, and finding an attribute's
 * binding in it ({@code a.b = …;} or {@code a = { b = …; };}). What go to definition and
 * completion use before evaluating.
 */
final class StaticSets {
  /** How many variables and selections to follow (a cycle stops there). */
  static final int MAX_STEPS = 32;

  private StaticSets() {}

  /** Where the attribute a {@link Subject.Kind#SELECTED_ATTRIBUTE} names is bound, or null. */
  static Place attribute(FileAnalysis file, Subject s) {
    SyntaxNode owner = s.node().parent().parent();
    SyntaxNode base = Trees.firstExpr(owner);
    List<String> names = s.names();
    if (base == null || names.contains(null)) {
      return null;
    }
    SyntaxNode set = literalSet(file, base, 0);
    SyntaxNode attr = set == null ? null : find(file, set, names, 0);
    return attr == null ? null : Place.of(file.source(), attr.range());
  }

  /** The set literal {@code expr} evaluates to, when the file says so statically; or null. */
  static SyntaxNode literalSet(FileAnalysis file, SyntaxNode expr, int steps) {
    SyntaxNode n = expr;
    while (n != null && steps++ < MAX_STEPS) {
      switch (n.kind()) {
        case PAREN -> n = n.firstChildNode();
        case ATTR_SET -> {
          return n;
        }
        case LET_IN, WITH, ASSERT -> n = Trees.lastExpr(n);
        case IDENT_EXPR -> {
          NameResolution.Target t = file.names().target(n);
          if (!(t instanceof NameResolution.Local l) || l.definition().sites().size() != 1) {
            return null;
          }
          SyntaxNode site = l.definition().sites().get(0);
          if (site.kind() != SyntaxKind.BINDING || Trees.bindingAttrs(site).size() != 1) {
            return null;
          }
          n = Trees.bindingValue(site);
        }
        case SELECT -> {
          SyntaxNode path = n.firstChild(SyntaxKind.ATTRPATH);
          SyntaxNode set = literalSet(file, Trees.firstExpr(n), steps);
          if (set == null || path == null || n.firstToken(SyntaxKind.OR_KW) != null) {
            return null;
          }
          List<String> names = path.childNodes().stream().map(NameResolution::staticAttrName).toList();
          if (names.contains(null)) {
            return null;
          }
          SyntaxNode attr = find(file, set, names, steps);
          SyntaxNode binding = attr == null ? null : attr.parent().parent();
          if (binding == null || binding.kind() != SyntaxKind.BINDING
              || Trees.bindingAttrs(binding).indexOf(attr) != Trees.bindingAttrs(binding).size() - 1) {
            return null;
          }
          n = Trees.bindingValue(binding);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /**
   * The attribute node that binds {@code names} (a path) in the set literal {@code set}: the
   * last name of a binding path, through nested set literals; or null.
   */
  static SyntaxNode find(FileAnalysis file, SyntaxNode set, List<String> names, int steps) {
    int i = 0;
    SyntaxNode current = set;
    outer:
    while (current != null && steps++ < MAX_STEPS) {
      for (SyntaxNode b : current.childNodes()) {
        if (b.kind() == SyntaxKind.INHERIT) {
          for (SyntaxNode a : b.childNodes()) {
            if (a.kind() != SyntaxKind.INHERIT_FROM && names.get(i).equals(NameResolution.staticAttrName(a))) {
              return i == names.size() - 1 ? a : null;
            }
          }
          continue;
        }
        if (b.kind() != SyntaxKind.BINDING) {
          continue;
        }
        List<SyntaxNode> path = Trees.bindingAttrs(b);
        int l = 0;
        while (l < path.size() && i + l < names.size()
            && names.get(i + l).equals(NameResolution.staticAttrName(path.get(l)))) {
          l++;
        }
        if (l == 0) {
          continue;
        }
        if (i + l == names.size()) {
          return path.get(l - 1);
        }
        if (l == path.size()) {
          current = literalSet(file, Trees.bindingValue(b), steps);
          i += l;
          continue outer;
        }
      }
      return null;
    }
    return null;
  }
}
