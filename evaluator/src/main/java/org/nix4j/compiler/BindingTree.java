package org.nix4j.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.syntax.TextRange;
import org.nix4j.syntax.ast.Attr;
import org.nix4j.syntax.ast.AttrSet;
import org.nix4j.syntax.ast.Attrpath;
import org.nix4j.syntax.ast.AttrpathValue;
import org.nix4j.syntax.ast.Binding;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.syntax.ast.Inherit;
import org.nix4j.syntax.ast.Paren;

/**
 * The bindings of a set or a {@code let} after Nix's merging of attribute paths:
 * {@code a.b = 1; a.c = 2;} becomes {@code a = { b = 1; c = 2; };}, an explicit set literal
 * {@code a = { … };} takes in paths through {@code a} (even a {@code rec} one, whose scope the
 * merged values then see), and conflicts are the errors Nix reports ("attribute 'a.b' already
 * defined at …").
 */
final class BindingTree {
  /** A value of a binding. */
  sealed interface Value permits ExprValue, InheritValue, NestedValue {}

  /** {@code name = expr;}. */
  record ExprValue(Expr expr) implements Value {}

  /** {@code inherit name;} or {@code inherit (from) name;}. */
  record InheritValue(Expr from, String name, TextRange nameRange, int selectAt) implements Value {}

  /** A set made of merged attribute paths, or an explicit set literal paths merged into. */
  record NestedValue(Node node) implements Value {}

  /** A static attribute: its name, where it was defined (Nix's position) and its value. */
  static final class Static {
    final String name;
    final TextRange nameRange;
    /** The position Nix records for the attribute (for messages and unsafeGetAttrPos). */
    final int pos;
    Value value;

    Static(String name, TextRange nameRange, int pos, Value value) {
      this.name = name;
      this.nameRange = nameRange;
      this.pos = pos;
      this.value = value;
    }

    boolean inherited() {
      return value instanceof InheritValue;
    }
  }

  /** A dynamic attribute {@code ${e} = v;}. */
  record Dynamic(Attr attr, Value value, int pos) {}

  /** A set of bindings. */
  static final class Node {
    /** Whether the set is recursive ({@code rec}, or the bindings of a let). */
    boolean rec;
    /** The explicit set literal this node stands for, or null for one made of paths. */
    final AttrSet literal;
    final Map<String, Static> statics = new LinkedHashMap<>();
    final List<Dynamic> dynamics = new ArrayList<>();

    Node(boolean rec, AttrSet literal) {
      this.rec = rec;
      this.literal = literal;
    }
  }

  interface Errors {
    void duplicate(String shownPath, TextRange at, int previousPos);

    void dynamicInInherit(TextRange at);
  }

  private final Errors errors;

  BindingTree(Errors errors) {
    this.errors = errors;
  }

  /** The merged tree of {@code bindings}. */
  Node build(List<Binding> bindings, boolean rec, AttrSet literal) {
    Node root = new Node(rec, literal);
    addAll(root, bindings);
    return root;
  }

  private void addAll(Node node, List<Binding> bindings) {
    for (Binding b : bindings) {
      if (b instanceof Inherit inh) {
        addInherit(node, inh);
      } else if (b instanceof AttrpathValue av) {
        addPath(node, av);
      }
    }
  }

  private void addInherit(Node node, Inherit inh) {
    Expr from = inh.hasSource() ? inh.source() : null;
    List<Attr> attrs = inh.attrs();
    // Nix records the end of the token before the names as the position of every one of them.
    int pos = positionBeforeNames(inh);
    for (Attr a : attrs) {
      String name = a.staticName();
      if (name == null) {
        errors.dynamicInInherit(a.range());
        continue;
      }
      Static prev = node.statics.get(name);
      if (prev != null) {
        errors.duplicate(name, a.range(), prev.pos);
        continue;
      }
      node.statics.put(name, new Static(name, a.range(), pos,
          new InheritValue(from, name, a.range(), from == null ? -1 : positionOfBindings(inh))));
    }
  }

  /**
   * Where Nix positions the selection of {@code inherit (e) x;}: at the start of the list of
   * bindings it belongs to, which its grammar makes the end of the token before the first
   * binding ({@code let}, <code>{</code>, …).
   */
  private static int positionOfBindings(Inherit inh) {
    var parent = inh.syntax().parent();
    int end = inh.range().start();
    if (parent == null) {
      return end;
    }
    for (int i = 0; i < parent.childCount(); i++) {
      var child = parent.child(i);
      var kind = child.kind();
      if (kind == org.nix4j.syntax.SyntaxKind.BINDING || kind == org.nix4j.syntax.SyntaxKind.INHERIT) {
        break;
      }
      if (!kind.isTrivia()) {
        end = child.range().end();
      }
    }
    return end;
  }

  private static int positionBeforeNames(Inherit inh) {
    // The end of `inherit` or of `( … )`: the position of the (empty at first) list of names.
    var syntax = inh.syntax();
    int end = inh.range().start();
    for (int i = 0; i < syntax.childCount(); i++) {
      var child = syntax.child(i);
      if (child.kind() == org.nix4j.syntax.SyntaxKind.INHERIT_KW
          || child.kind() == org.nix4j.syntax.SyntaxKind.INHERIT_FROM) {
        end = child.range().end();
      }
    }
    return end;
  }

  private void addPath(Node node, AttrpathValue av) {
    Attrpath path = av.attrpath();
    Expr value = av.value();
    if (path == null) {
      return;
    }
    List<Attr> attrs = path.attrs();
    if (attrs.isEmpty()) {
      return;
    }
    int pos = path.range().start();
    Node cur = node;
    for (int i = 0; i + 1 < attrs.size(); i++) {
      Attr a = attrs.get(i);
      String name = a.staticName();
      if (name == null) {
        Node nested = new Node(false, null);
        cur.dynamics.add(new Dynamic(a, new NestedValue(nested), pos));
        cur = nested;
        continue;
      }
      Static existing = cur.statics.get(name);
      if (existing == null) {
        Node nested = new Node(false, null);
        cur.statics.put(name, new Static(name, a.range(), pos, new NestedValue(nested)));
        cur = nested;
      } else {
        Node into = asNode(existing);
        if (into == null) {
          errors.duplicate(show(attrs), path.range(), existing.pos);
          return;
        }
        cur = into;
      }
    }
    Attr last = attrs.get(attrs.size() - 1);
    String name = last.staticName();
    Value v = valueOf(value);
    if (name == null) {
      cur.dynamics.add(new Dynamic(last, v, pos));
      return;
    }
    Static existing = cur.statics.get(name);
    if (existing == null) {
      cur.statics.put(name, new Static(name, last.range(), pos, v));
      return;
    }
    Node into = asNode(existing);
    if (into != null && v instanceof NestedValue nv) {
      // Both are sets: the attributes of the new one join the existing one (its rec-ness and
      // dynamic attributes do not).
      for (Static s : nv.node().statics.values()) {
        Static clash = into.statics.get(s.name);
        if (clash != null) {
          errors.duplicate(s.name, rangeAt(clash), s.pos);
          continue;
        }
        into.statics.put(s.name, s);
      }
      return;
    }
    errors.duplicate(show(attrs), path.range(), existing.pos);
  }

  private static TextRange rangeAt(Static s) {
    return TextRange.empty(s.pos);
  }

  /** The node of an existing attribute whose value is a set one can merge into, or null. */
  private static Node asNode(Static s) {
    if (s.value instanceof NestedValue nv) {
      return nv.node();
    }
    return null;
  }

  /** A value: set literals become nodes, so that later paths can merge into them. */
  private Value valueOf(Expr e) {
    if (e instanceof AttrSet set) {
      Node n = new Node(set.isRec(), set);
      addAll(n, set.bindings());
      return new NestedValue(n);
    }
    return new ExprValue(e);
  }

  static String show(List<Attr> attrs) {
    StringBuilder sb = new StringBuilder();
    for (Attr a : attrs) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      String n = a.staticName();
      sb.append(n != null ? n : "\"${...}\"");
    }
    return sb.toString();
  }

  static Expr unparen(Expr e) {
    while (e instanceof Paren p && p.expr() != null) {
      e = p.expr();
    }
    return e;
  }
}
