package org.nix4j.server.ide.assists;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;

/** The names an expression uses and does not bind itself, with what they refer to. */
final class FreeNames {
  private FreeNames() {}

  static Map<String, NameResolution.Target> of(NameResolution names, SyntaxNode expr) {
    Map<String, NameResolution.Target> out = new LinkedHashMap<>();
    TextRange inside = expr.range();
    for (Iterator<SyntaxElement> it = expr.preorder(); it.hasNext(); ) {
      if (!(it.next() instanceof SyntaxNode n)) {
        continue;
      }
      NameResolution.Target t = names.target(n);
      if (t == null) {
        continue;
      }
      String name = n.kind() == SyntaxKind.IDENT_EXPR ? n.text().strip() : NameResolution.staticAttrName(n);
      if (name == null) {
        continue;
      }
      if (t instanceof NameResolution.Local l && inside.contains(l.definition().nameRange())) {
        continue;
      }
      if (t instanceof NameResolution.WithScope w && w.withs().stream().allMatch(x -> inside.contains(x.range()))) {
        continue;
      }
      out.putIfAbsent(name, t);
    }
    return out;
  }

  /** What {@code name} refers to at {@code node} (the scopes around it); null when bound nowhere. */
  static NameResolution.Definition resolveAt(NameResolution names, SyntaxNode node, String name) {
    for (Object scope : names.scopesAt(node)) {
      if (scope instanceof Map<?, ?> m && m.containsKey(name)) {
        return (NameResolution.Definition) m.get(name);
      }
    }
    return null;
  }
}
