package org.nix4j.server.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/**
 * Static name resolution of one file: the names each scope binds ({@code let}, {@code rec}
 * sets, the legacy {@code let { }}, function parameters and formals, {@code with}), and what every
 * variable refers to, following Nix's rules: a name bound by a scope around it wins (the
 * innermost), then the global scope (builtins), and only then the {@code with}s around it,
 * innermost first, at run time.
 *
 * <p>Built by one iterative walk over the tree (no recursion: any depth is safe). Keys are the
 * red nodes of the parse it was built from.
 */
public final class NameResolution {
  /** What kind of binding defines a name. */
  public enum Kind {
    /** {@code let x = …; in} (also {@code inherit} in a let). */
    LET,
    /** An attribute of a {@code rec { }} set or of a legacy {@code let { }}. */
    REC_ATTR,
    /** The {@code x} of {@code x: body}. */
    PARAM,
    /** A formal {@code a} of {@code { a, b ? 1 }: body}. */
    FORMAL,
    /** The {@code args} of {@code args @ { … }: body}. */
    PATTERN_BIND
  }

  /** A name bound by a scope, with every place that binds it. */
  public static final class Definition {
    private final String name;
    private final Kind kind;
    private final SyntaxNode scope;
    private final List<TextRange> nameRanges = new ArrayList<>(1);
    private final List<SyntaxNode> sites = new ArrayList<>(1);

    Definition(String name, Kind kind, SyntaxNode scope) {
      this.name = name;
      this.kind = kind;
      this.scope = scope;
    }

    public String name() {
      return name;
    }

    public Kind kind() {
      return kind;
    }

    /** The node that binds it: LET_IN, ATTR_SET, LEGACY_LET or LAMBDA. */
    public SyntaxNode scope() {
      return scope;
    }

    /** Where the name is written in its bindings, in source order; the first is the main one. */
    public List<TextRange> nameRanges() {
      return Collections.unmodifiableList(nameRanges);
    }

    /**
     * The bindings: BINDING ({@code x = …;}, {@code x.y = …;}), INHERIT, PAT_ENTRY, IDENT_PARAM
     * or PAT_BIND nodes, parallel to {@link #nameRanges()}.
     */
    public List<SyntaxNode> sites() {
      return Collections.unmodifiableList(sites);
    }

    public TextRange nameRange() {
      return nameRanges.get(0);
    }

    @Override
    public String toString() {
      return kind + " " + name + "@" + nameRange();
    }
  }

  /** What a variable (or an inherited name) refers to. */
  public sealed interface Target permits Local, Global, WithScope, Undefined {}

  /** A name bound by a scope of the file. */
  public record Local(Definition definition) implements Target {}

  /** A name of the global scope ({@code map}, {@code builtins}, {@code true} …). */
  public record Global(String name) implements Target {}

  /** A name looked up at run time in the {@code with}s around it (WITH nodes, innermost first). */
  public record WithScope(List<SyntaxNode> withs) implements Target {}

  /** A name bound nowhere. */
  public record Undefined() implements Target {}

  /** A scope of the walk: names bound, or a {@code with}. */
  private record Env(Env parent, Map<String, Definition> names, SyntaxNode with) {}

  private final Map<SyntaxNode, Target> targets = new IdentityHashMap<>();
  private final Map<Definition, List<SyntaxNode>> uses = new IdentityHashMap<>();
  private final Map<SyntaxNode, Map<String, Definition>> scopes = new IdentityHashMap<>();
  private final List<Definition> definitions = new ArrayList<>();
  /** The definitions by the start of each place their name is written. */
  private final java.util.TreeMap<Integer, List<Definition>> byNameStart = new java.util.TreeMap<>();

  private NameResolution() {}

  /** Resolves every name of the tree under {@code root}. */
  public static NameResolution of(SyntaxNode root) {
    NameResolution r = new NameResolution();
    r.walk(root);
    return r;
  }

  // ---- queries ----

  /**
   * What the reference {@code node} refers to: an IDENT_EXPR, or a name of an {@code inherit}
   * without source (ATTR_IDENT or STRING). Null for a node that is not a reference.
   */
  public Target target(SyntaxNode node) {
    return targets.get(node);
  }

  /** The references of a definition: IDENT_EXPR nodes and inherited names, in source order. */
  public List<SyntaxNode> uses(Definition d) {
    List<SyntaxNode> u = uses.get(d);
    return u == null ? List.of() : Collections.unmodifiableList(u);
  }

  /** Every definition of the file, in the order of the walk (scopes outside in). */
  public List<Definition> definitions() {
    return Collections.unmodifiableList(definitions);
  }

  /** The names a scope node (LET_IN, rec ATTR_SET, LEGACY_LET, LAMBDA) binds, or an empty map. */
  public Map<String, Definition> namesOf(SyntaxNode scope) {
    Map<String, Definition> m = scopes.get(scope);
    return m == null ? Map.of() : Collections.unmodifiableMap(m);
  }

  /** Every reference of the file with its target (IDENT_EXPR nodes and inherited names). */
  public Map<SyntaxNode, Target> references() {
    return Collections.unmodifiableMap(targets);
  }

  /** The definition whose name is written at {@code offset}, or null. */
  public Definition definitionAt(int offset) {
    var e = byNameStart.floorEntry(offset);
    if (e == null) {
      return null;
    }
    for (Definition d : e.getValue()) {
      for (TextRange r : d.nameRanges) {
        if (r.containsInclusive(offset)) {
          return d;
        }
      }
    }
    // A name range that starts earlier may still reach this offset only if names nest, which
    // they do not: an earlier entry ends before this one starts.
    return null;
  }

  /**
   * The scopes visible at {@code node}, innermost first: a map of names for each binding scope,
   * or a WITH node for each {@code with}. Follows the same rules as the walk: the names of an
   * {@code inherit} without source and the namespace of a {@code with} see the scope outside.
   */
  public List<Object> scopesAt(SyntaxNode node) {
    List<Object> out = new ArrayList<>();
    SyntaxNode child = node;
    for (SyntaxNode a = node.parent(); a != null; child = a, a = a.parent()) {
      switch (a.kind()) {
        case LET_IN, LEGACY_LET -> {
          if (!isInheritName(child, node)) {
            out.add(namesOf(a));
          }
        }
        case ATTR_SET -> {
          if (isRec(a) && !isInheritName(child, node)) {
            out.add(namesOf(a));
          }
        }
        case LAMBDA -> out.add(namesOf(a));
        case WITH -> {
          if (child.offset() > semicolonOffset(a)) {
            out.add(a);
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** Whether {@code target} sits among the names of the INHERIT {@code child} (not its source). */
  private static boolean isInheritName(SyntaxNode child, SyntaxNode target) {
    if (child.kind() != SyntaxKind.INHERIT) {
      return false;
    }
    SyntaxNode from = child.firstChild(SyntaxKind.INHERIT_FROM);
    return from == null || !from.range().contains(target.range());
  }

  private static int semicolonOffset(SyntaxNode with) {
    SyntaxToken semi = with.firstToken(SyntaxKind.SEMICOLON);
    return semi == null ? Integer.MAX_VALUE : semi.offset();
  }

  public static boolean isRec(SyntaxNode attrSet) {
    return attrSet.firstToken(SyntaxKind.REC_KW) != null;
  }

  // ---- the walk ----

  private record Item(SyntaxNode node, Env env) {}

  private void walk(SyntaxNode root) {
    ArrayDeque<Item> stack = new ArrayDeque<>();
    stack.push(new Item(root, null));
    while (!stack.isEmpty()) {
      Item it = stack.pop();
      visit(it.node, it.env, stack);
    }
    for (List<SyntaxNode> u : uses.values()) {
      u.sort((a, b) -> Integer.compare(a.offset(), b.offset()));
    }
  }

  /** Pushes the children of {@code node} in reverse, so they are visited in source order. */
  private static void pushChildren(SyntaxNode node, Env env, ArrayDeque<Item> stack) {
    for (int i = node.childCount() - 1; i >= 0; i--) {
      if (node.child(i) instanceof SyntaxNode c) {
        stack.push(new Item(c, env));
      }
    }
  }

  private void visit(SyntaxNode node, Env env, ArrayDeque<Item> stack) {
    switch (node.kind()) {
      case IDENT_EXPR -> resolveRef(node, identName(node), env);
      case LET_IN, LEGACY_LET -> visitBindings(node, env, true, stack);
      case ATTR_SET -> visitBindings(node, env, isRec(node), stack);
      case LAMBDA -> visitLambda(node, env, stack);
      case WITH -> {
        int semi = semicolonOffset(node);
        Env inner = new Env(env, null, node);
        for (int i = node.childCount() - 1; i >= 0; i--) {
          if (node.child(i) instanceof SyntaxNode c) {
            stack.push(new Item(c, c.offset() > semi ? inner : env));
          }
        }
      }
      case SELECT, HAS_ATTR -> {
        // The attribute names are not variables; dynamic parts are expressions.
        for (int i = node.childCount() - 1; i >= 0; i--) {
          if (node.child(i) instanceof SyntaxNode c) {
            if (c.kind() == SyntaxKind.ATTRPATH) {
              pushAttrpathExprs(c, env, stack);
            } else {
              stack.push(new Item(c, env));
            }
          }
        }
      }
      default -> pushChildren(node, env, stack);
    }
  }

  private static String identName(SyntaxNode identExpr) {
    SyntaxToken t = identExpr.firstSignificantToken();
    return t == null ? "" : t.text();
  }

  /** Pushes the expressions inside an attribute path: {@code ${e}} and string interpolations. */
  private static void pushAttrpathExprs(SyntaxNode attrpath, Env env, ArrayDeque<Item> stack) {
    for (int i = attrpath.childCount() - 1; i >= 0; i--) {
      if (attrpath.child(i) instanceof SyntaxNode a && a.kind() != SyntaxKind.ATTR_IDENT) {
        stack.push(new Item(a, env));
      }
    }
  }

  private void resolveRef(SyntaxNode ref, String name, Env env) {
    Target t = lookup(name, env);
    targets.put(ref, t);
    if (t instanceof Local l) {
      uses.computeIfAbsent(l.definition(), k -> new ArrayList<>(2)).add(ref);
    }
  }

  private static Target lookup(String name, Env env) {
    List<SyntaxNode> withs = null;
    for (Env e = env; e != null; e = e.parent) {
      if (e.with != null) {
        if (withs == null) {
          withs = new ArrayList<>(2);
        }
        withs.add(e.with);
      } else {
        Definition d = e.names.get(name);
        if (d != null) {
          return new Local(d);
        }
      }
    }
    if (Globals.isGlobal(name)) {
      return new Global(name);
    }
    if (withs != null) {
      return new WithScope(List.copyOf(withs));
    }
    return new Undefined();
  }

  /** The bindings of a let, a set or a legacy let; {@code recursive}: they form a scope. */
  private void visitBindings(SyntaxNode node, Env env, boolean recursive, ArrayDeque<Item> stack) {
    Env inner = env;
    if (recursive) {
      Map<String, Definition> names = new LinkedHashMap<>();
      Kind kind = node.kind() == SyntaxKind.LET_IN ? Kind.LET : Kind.REC_ATTR;
      for (int i = 0, n = node.childCount(); i < n; i++) {
        if (node.child(i) instanceof SyntaxNode b) {
          if (b.kind() == SyntaxKind.BINDING) {
            SyntaxNode path = b.firstChild(SyntaxKind.ATTRPATH);
            SyntaxNode first = path == null ? null : path.firstChildNode();
            String name = first == null ? null : staticAttrName(first);
            if (name != null) {
              define(names, name, kind, node, first.range(), b);
            }
          } else if (b.kind() == SyntaxKind.INHERIT) {
            for (SyntaxNode a : b.childNodes()) {
              String name = staticAttrName(a);
              if (name != null) {
                define(names, name, kind, node, a.range(), b);
              }
            }
          }
        }
      }
      scopes.put(node, names);
      inner = new Env(env, names, null);
    }
    for (int i = node.childCount() - 1; i >= 0; i--) {
      if (!(node.child(i) instanceof SyntaxNode b)) {
        continue;
      }
      if (b.kind() == SyntaxKind.BINDING) {
        for (int j = b.childCount() - 1; j >= 0; j--) {
          if (b.child(j) instanceof SyntaxNode c) {
            if (c.kind() == SyntaxKind.ATTRPATH) {
              pushAttrpathExprs(c, inner, stack);
            } else {
              stack.push(new Item(c, inner));
            }
          }
        }
      } else if (b.kind() == SyntaxKind.INHERIT) {
        SyntaxNode from = b.firstChild(SyntaxKind.INHERIT_FROM);
        if (from != null) {
          stack.push(new Item(from, inner));
        }
        for (SyntaxNode a : b.childNodes()) {
          if (a.kind() == SyntaxKind.INHERIT_FROM) {
            continue;
          }
          if (from == null) {
            String name = staticAttrName(a);
            if (name != null) {
              // `inherit x;` takes x from the scope around, even in a recursive one.
              resolveRef(a, name, env);
            }
          }
          if (a.kind() != SyntaxKind.ATTR_IDENT) {
            stack.push(new Item(a, inner));
          }
        }
      } else {
        stack.push(new Item(b, inner));
      }
    }
  }

  private void define(Map<String, Definition> names, String name, Kind kind, SyntaxNode scope,
      TextRange nameRange, SyntaxNode site) {
    Definition d = names.get(name);
    if (d == null) {
      d = new Definition(name, kind, scope);
      names.put(name, d);
      definitions.add(d);
    }
    d.nameRanges.add(nameRange);
    d.sites.add(site);
    byNameStart.computeIfAbsent(nameRange.start(), k -> new ArrayList<>(1)).add(d);
  }

  private void visitLambda(SyntaxNode lambda, Env env, ArrayDeque<Item> stack) {
    Map<String, Definition> names = new LinkedHashMap<>();
    SyntaxNode ident = lambda.firstChild(SyntaxKind.IDENT_PARAM);
    SyntaxNode pattern = lambda.firstChild(SyntaxKind.PATTERN);
    if (ident != null) {
      SyntaxToken t = ident.firstToken(SyntaxKind.IDENT);
      if (t != null) {
        define(names, t.text(), Kind.PARAM, lambda, t.range(), ident);
      }
    }
    if (pattern != null) {
      for (SyntaxNode c : pattern.childNodes()) {
        if (c.kind() == SyntaxKind.PAT_ENTRY) {
          SyntaxToken t = c.firstToken(SyntaxKind.IDENT);
          if (t != null && !names.containsKey(t.text())) {
            define(names, t.text(), Kind.FORMAL, lambda, t.range(), c);
          }
        } else if (c.kind() == SyntaxKind.PAT_BIND) {
          SyntaxToken t = c.firstToken(SyntaxKind.IDENT);
          if (t != null && !names.containsKey(t.text())) {
            define(names, t.text(), Kind.PATTERN_BIND, lambda, t.range(), c);
          }
        }
      }
    }
    scopes.put(lambda, names);
    Env inner = new Env(env, names, null);
    // Defaults of formals and the body see the parameters.
    pushChildren(lambda, inner, stack);
  }

  /**
   * The name of an attribute node when it is known without evaluation: an identifier, a string
   * without interpolation, or {@code ${"string"}}; null otherwise.
   */
  public static String staticAttrName(SyntaxNode attr) {
    switch (attr.kind()) {
      case ATTR_IDENT -> {
        SyntaxToken t = attr.firstSignificantToken();
        return t == null ? null : t.text();
      }
      case STRING -> {
        return staticString(attr);
      }
      case ATTR_DYNAMIC -> {
        SyntaxNode e = attr.firstChildNode();
        while (e != null && e.kind() == SyntaxKind.PAREN) {
          e = e.firstChildNode();
        }
        return e != null && e.kind() == SyntaxKind.STRING ? staticString(e) : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static String staticString(SyntaxNode str) {
    if (str.firstChild(SyntaxKind.INTERPOL) != null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0, n = str.childCount(); i < n; i++) {
      SyntaxElement e = str.child(i);
      if (e instanceof SyntaxToken t && t.kind() == SyntaxKind.STR) {
        sb.append(org.nix4j.syntax.ast.StringDecoder.unescape(t.text()));
      }
    }
    return sb.toString();
  }
}
