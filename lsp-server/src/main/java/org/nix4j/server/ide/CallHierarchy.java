package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;

/**
 * Call hierarchy of functions bound by name in the file ({@code f = x: …;} in a {@code let} or
 * a {@code rec} set): who calls a function (grouped by the named function the call is in, or
 * the file's top level) and what named functions it calls.
 */
public final class CallHierarchy {
  /** A function: its name, the binding's span and the name's span; {@code top} for the file. */
  public record Item(String name, TextRange range, TextRange selection, boolean top) {}

  /** A call relation: the other function and the spans of the calls. */
  public record Call(Item other, List<TextRange> ranges) {}

  private CallHierarchy() {}

  /** The function bound by name at {@code offset}, or null. */
  public static Item prepare(FileAnalysis file, int offset) {
    Definition d = References.definitionAt(file, offset);
    return d != null && isFunction(d) ? item(d) : null;
  }

  /** The function whose name starts at {@code nameOffset} (from a previous answer), or null. */
  public static Definition resolve(FileAnalysis file, int nameOffset) {
    Definition d = file.names().definitionAt(nameOffset);
    return d != null && isFunction(d) ? d : null;
  }

  static boolean isFunction(Definition d) {
    return lambda(d) != null;
  }

  private static SyntaxNode lambda(Definition d) {
    if ((d.kind() != NameResolution.Kind.LET && d.kind() != NameResolution.Kind.REC_ATTR) || d.sites().size() != 1) {
      return null;
    }
    SyntaxNode site = d.sites().get(0);
    if (site.kind() != SyntaxKind.BINDING || Trees.bindingAttrs(site).size() != 1) {
      return null;
    }
    SyntaxNode v = Trees.bindingValue(site);
    while (v != null && v.kind() == SyntaxKind.PAREN) {
      v = v.firstChildNode();
    }
    return v != null && v.kind() == SyntaxKind.LAMBDA ? v : null;
  }

  private static Item item(Definition d) {
    return new Item(Bytes.toUnicode(d.name()), d.sites().get(0).range(), d.nameRange(), false);
  }

  /** The calls of {@code d}, grouped by the named function (or the top level) they are in. */
  public static List<Call> incoming(FileAnalysis file, Definition d) {
    Map<Object, List<TextRange>> groups = new LinkedHashMap<>();
    Map<Object, Item> items = new LinkedHashMap<>();
    for (SyntaxNode use : file.names().uses(d)) {
      if (!isCalled(use)) {
        continue;
      }
      Definition caller = enclosingFunction(file, use);
      Object key = caller == null ? "top" : caller;
      items.computeIfAbsent(key, k -> caller == null
          ? new Item(file.path() != null ? file.path().getFileName().toString() : "(file)",
              TextRange.of(0, file.text().length()), TextRange.empty(0), true)
          : item(caller));
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(use.range());
    }
    List<Call> out = new ArrayList<>();
    for (Map.Entry<Object, List<TextRange>> e : groups.entrySet()) {
      out.add(new Call(items.get(e.getKey()), e.getValue()));
    }
    return out;
  }

  /** The named functions {@code d}'s body calls, each with the calls. */
  public static List<Call> outgoing(FileAnalysis file, Definition d) {
    SyntaxNode lam = lambda(d);
    Map<Definition, List<TextRange>> groups = new LinkedHashMap<>();
    if (lam == null) {
      return List.of();
    }
    for (Map.Entry<SyntaxNode, NameResolution.Target> e : file.names().references().entrySet()) {
      SyntaxNode ref = e.getKey();
      if (!lam.range().contains(ref.range()) || !isCalled(ref) || !(e.getValue() instanceof NameResolution.Local l)
          || !isFunction(l.definition())) {
        continue;
      }
      groups.computeIfAbsent(l.definition(), k -> new ArrayList<>()).add(ref.range());
    }
    List<Call> out = new ArrayList<>();
    for (Map.Entry<Definition, List<TextRange>> e : groups.entrySet()) {
      e.getValue().sort(null);
      out.add(new Call(item(e.getKey()), e.getValue()));
    }
    out.sort((a, b) -> a.ranges().get(0).compareTo(b.ranges().get(0)));
    return out;
  }

  /** Whether the variable is the function of a call ({@code f x}). */
  private static boolean isCalled(SyntaxNode ref) {
    SyntaxNode p = ref.parent();
    if (ref.kind() != SyntaxKind.IDENT_EXPR || p == null || p.kind() != SyntaxKind.APPLY) {
      return false;
    }
    return Trees.firstExpr(p) == ref;
  }

  /** The named function whose body holds {@code node}, or null at the top level. */
  private static Definition enclosingFunction(FileAnalysis file, SyntaxNode node) {
    for (SyntaxNode n = node.parent(); n != null; n = n.parent()) {
      if (n.kind() == SyntaxKind.BINDING && n.parent() != null) {
        Map<String, Definition> scope = file.names().namesOf(n.parent());
        List<SyntaxNode> attrs = Trees.bindingAttrs(n);
        String name = attrs.size() == 1 ? NameResolution.staticAttrName(attrs.get(0)) : null;
        Definition d = name == null ? null : scope.get(name);
        if (d != null && isFunction(d)) {
          return d;
        }
      }
    }
    return null;
  }
}
