package org.nix4j.server.eval;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.nix4j.compiler.CompileOptions;
import org.nix4j.compiler.CompileResult;
import org.nix4j.compiler.Compiler;
import org.nix4j.eval.Evaluator;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution.Target;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/**
 * The value of any expression of a document, rebuilt from its scopes: an expression is compiled
 * on its own ({@link Compiler#compileExpression}) with its free variables bound to the values of
 * their definitions, which are rebuilt the same way, up to the file's top level, whose value
 * needs nothing. Function parameters take the argument of the first call the evaluation saw
 * ({@link DocumentEval#calls}); a function never called has no values inside it.
 *
 * <p>Everything is lazy: the answer is a thunk, and only what forcing it needs is compiled and
 * evaluated. Answers are kept, so that a value forced once (for a hover, by the background
 * evaluation) is not computed again. Used on the evaluation thread only.
 */
public final class ValueOracle {
  /** The error of a value inside a function that was never called. */
  public static final class NotCalled extends NixError {
    public NotCalled(String what) {
      super(Kind.EVAL, what);
    }
  }

  private final DocumentEval doc;
  private final NameResolution names;
  private final Map<SyntaxNode, Thunk> exprs = new IdentityHashMap<>();
  private final Map<Definition, Thunk> definitions = new IdentityHashMap<>();

  ValueOracle(DocumentEval doc) {
    this.doc = doc;
    this.names = doc.file().names();
  }

  /** The value of an expression node (lazy). */
  public Thunk valueOf(SyntaxNode expr) {
    while (expr.kind() == SyntaxKind.PAREN && expr.firstChildNode() != null) {
      expr = expr.firstChildNode();
    }
    Thunk t = exprs.get(expr);
    if (t == null) {
      t = make(expr);
      exprs.put(expr, t);
    }
    return t;
  }

  private Thunk make(SyntaxNode expr) {
    Expr top = doc.file().parse().expr();
    if (top != null && expr == top.syntax()) {
      return doc.root();
    }
    if (expr.kind() == SyntaxKind.IDENT_EXPR) {
      Target target = names.target(expr);
      if (target instanceof NameResolution.WithScope w) {
        var t = expr.firstSignificantToken();
        return withLookup(t == null ? "" : t.text(), w.withs());
      }
      if (target != null && !(target instanceof NameResolution.Undefined)) {
        return valueOf(target);
      }
    }
    SyntaxNode node = expr;
    return new Thunk(vm -> vm.force(compile(node)));
  }

  /** The thunk of {@code expr} compiled on its own, its free variables bound. */
  private Thunk compile(SyntaxNode expr) {
    Map<String, Value> free = freeVariables(expr);
    Evaluator ev = doc.world().evaluator();
    List<String> outer = new ArrayList<>(free.keySet());
    CompileResult r = Compiler.compileExpression(doc.source(), Expr.cast(expr),
        new CompileOptions(ev.builtins().globals(), outer, doc.file().baseDir(), ev.home()));
    return new Thunk(r.proto(), free.values().toArray(new Value[0]));
  }

  /** The variables used in {@code expr} and bound outside it, with their values (lazy). */
  private Map<String, Value> freeVariables(SyntaxNode expr) {
    Map<String, Value> out = new LinkedHashMap<>();
    TextRange inside = expr.range();
    for (Iterator<SyntaxElement> it = expr.preorder(); it.hasNext(); ) {
      if (!(it.next() instanceof SyntaxNode n)) {
        continue;
      }
      Target t = names.target(n);
      if (t == null) {
        continue;
      }
      String name = referenceName(n);
      if (name == null || out.containsKey(name)) {
        continue;
      }
      if (t instanceof NameResolution.Local l) {
        if (!inside.contains(l.definition().nameRange())) {
          out.put(name, valueOf(t));
        }
      } else if (t instanceof NameResolution.WithScope w) {
        List<SyntaxNode> outside = new ArrayList<>();
        for (SyntaxNode with : w.withs()) {
          if (!inside.contains(with.range())) {
            outside.add(with);
          }
        }
        if (!outside.isEmpty() && outside.size() == w.withs().size()) {
          out.put(name, withLookup(name, outside));
        }
      }
    }
    return out;
  }

  private static String referenceName(SyntaxNode n) {
    if (n.kind() == SyntaxKind.IDENT_EXPR) {
      var t = n.firstSignificantToken();
      return t == null ? null : t.text();
    }
    return NameResolution.staticAttrName(n);
  }

  /** {@code set.a.b…} (lazy). */
  public static Thunk select(Value set, List<String> path) {
    return Gens.select(set, path);
  }

  /** The value a name refers to. */
  public Thunk valueOf(Target target) {
    if (target instanceof NameResolution.Local l) {
      return valueOf(l.definition());
    }
    if (target instanceof NameResolution.Global g) {
      Value v = doc.world().evaluator().builtins().globals().get(g.name());
      return v == null ? Gens.failing(NixError.eval("undefined variable '" + g.name() + "'")) : Gens.forced(v);
    }
    if (target instanceof NameResolution.WithScope w) {
      return Gens.failing(NixError.eval("a name looked up in a `with` has no single definition"));
    }
    return Gens.failing(NixError.eval("undefined variable"));
  }

  /** {@code name} looked up at run time in the given {@code with}s (innermost first). */
  public Thunk withLookup(String name, List<SyntaxNode> withs) {
    List<Value> scopes = new ArrayList<>();
    for (SyntaxNode w : withs) {
      SyntaxNode ns = Trees.firstExpr(w);
      scopes.add(ns == null ? Gens.failing(NixError.eval("syntax error")) : valueOf(ns));
    }
    return new Thunk(vm -> vm.push(new Gens.WithLookup(name, scopes)));
  }

  /** The value of a name bound by a scope of the file. */
  public Thunk valueOf(Definition d) {
    Thunk t = definitions.get(d);
    if (t == null) {
      t = makeDefinition(d);
      definitions.put(d, t);
    }
    return t;
  }

  private Thunk makeDefinition(Definition d) {
    switch (d.kind()) {
      case PARAM, PATTERN_BIND -> {
        return argument(d.scope());
      }
      case FORMAL -> {
        SyntaxNode entry = d.sites().get(0);
        SyntaxNode dflt = Trees.firstExpr(entry);
        Value fallback = dflt == null ? null : valueOf(dflt);
        Thunk arg = argument(d.scope());
        return new Thunk(vm -> vm.push(new Gens.Select(arg, List.of(d.name()), fallback)));
      }
      default -> {
        return bindingValue(d.name(), d.sites(), d.nameRanges());
      }
    }
  }

  /** The argument of the first call of the function {@code lambda}. */
  private Thunk argument(SyntaxNode lambda) {
    DocumentEval.Calls calls = doc.calls(lambda.range());
    if (calls != null) {
      return Gens.forced(calls.first());
    }
    Expr top = doc.file().parse().expr();
    if (top != null && top.syntax() == lambda) {
      // The file's function: what the background evaluation applies it to.
      SyntaxNode pattern = lambda.firstChild(SyntaxKind.PATTERN);
      List<String> required = null;
      if (pattern != null) {
        required = new ArrayList<>();
        for (SyntaxNode e : pattern.childNodes()) {
          if (e.kind() == SyntaxKind.PAT_ENTRY && e.firstToken(SyntaxKind.QUESTION) == null
              && e.firstToken(SyntaxKind.IDENT) != null) {
            required.add(e.firstToken(SyntaxKind.IDENT).text());
          }
        }
      }
      return Gens.forced(doc.unknownArgument(required));
    }
    return Gens.failing(new NotCalled(doc.evaluated()
        ? "the function was not called"
        : "the evaluation of the file has not reached this function yet"));
  }

  /** The value of a {@code let} or {@code rec} name from its bindings. */
  private Thunk bindingValue(String name, List<SyntaxNode> sites, List<TextRange> nameRanges) {
    if (sites.size() == 1) {
      SyntaxNode site = sites.get(0);
      if (site.kind() == SyntaxKind.INHERIT) {
        return inherited(site, nameRanges.get(0));
      }
      List<SyntaxNode> path = Trees.bindingAttrs(site);
      SyntaxNode value = Trees.bindingValue(site);
      if (path.size() == 1) {
        return value == null ? Gens.failing(NixError.eval("syntax error")) : valueOf(value);
      }
    }
    AttrTree tree = new AttrTree();
    for (SyntaxNode site : sites) {
      if (site.kind() == SyntaxKind.BINDING) {
        List<SyntaxNode> path = Trees.bindingAttrs(site);
        tree.add(path.subList(1, path.size()), Trees.bindingValue(site));
      }
    }
    return Thunk.evaluated(tree.build());
  }

  private Thunk inherited(SyntaxNode inherit, TextRange nameRange) {
    SyntaxNode from = inherit.firstChild(SyntaxKind.INHERIT_FROM);
    for (SyntaxNode a : inherit.childNodes()) {
      if (a.range().equals(nameRange)) {
        String name = NameResolution.staticAttrName(a);
        if (from == null) {
          Target t = names.target(a);
          return t == null ? Gens.failing(NixError.eval("undefined variable '" + name + "'")) : valueOf(t);
        }
        SyntaxNode src = Trees.firstExpr(from);
        if (src == null) {
          return Gens.failing(NixError.eval("syntax error"));
        }
        return Gens.select(valueOf(src), List.of(name));
      }
    }
    return Gens.failing(NixError.eval("syntax error"));
  }

  /** The merged bindings of a name written as several paths ({@code x.a = 1; x.b = 2;}). */
  private final class AttrTree {
    /** Name → a value expression node, or another tree. Byte strings sort as Nix sorts names. */
    private final TreeMap<String, Object> children = new TreeMap<>();
    private final Map<String, TextRange> positions = new LinkedHashMap<>();

    void add(List<SyntaxNode> path, SyntaxNode value) {
      if (path.isEmpty()) {
        // `x = { … };` among paths through x: its bindings merge with the others.
        SyntaxNode set = value;
        while (set != null && set.kind() == SyntaxKind.PAREN) {
          set = set.firstChildNode();
        }
        if (set != null && set.kind() == SyntaxKind.ATTR_SET) {
          for (SyntaxNode b : set.childNodes()) {
            if (b.kind() == SyntaxKind.BINDING) {
              add(Trees.bindingAttrs(b), Trees.bindingValue(b));
            }
          }
        }
        return;
      }
      String name = NameResolution.staticAttrName(path.get(0));
      if (name == null) {
        return;
      }
      positions.putIfAbsent(name, path.get(0).range());
      if (path.size() == 1) {
        Object old = children.get(name);
        if (old instanceof AttrTree sub) {
          sub.add(List.of(), value);
        } else {
          children.put(name, value);
        }
        return;
      }
      Object sub = children.get(name);
      if (!(sub instanceof AttrTree)) {
        AttrTree t = new AttrTree();
        if (sub instanceof SyntaxNode literal) {
          t.add(List.of(), literal);
        }
        children.put(name, t);
        sub = t;
      }
      ((AttrTree) sub).add(path.subList(1, path.size()), value);
    }

    NixAttrs build() {
      String[] n = children.keySet().toArray(new String[0]);
      Value[] v = new Value[n.length];
      SourcePos[] p = new SourcePos[n.length];
      for (int i = 0; i < n.length; i++) {
        Object c = children.get(n[i]);
        v[i] = c instanceof AttrTree t ? Thunk.evaluated(t.build())
            : c == null ? Gens.failing(NixError.eval("syntax error")) : valueOf((SyntaxNode) c);
        TextRange r = positions.get(n[i]);
        p[i] = new SourcePos(doc.source(), r.start(), r.end());
      }
      return NixAttrs.ofSorted(n, v, p);
    }
  }
}
