package org.nix4j.syntax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.syntax.ast.Apply;
import org.nix4j.syntax.ast.Assert;
import org.nix4j.syntax.ast.Attr;
import org.nix4j.syntax.ast.AttrSet;
import org.nix4j.syntax.ast.Attrpath;
import org.nix4j.syntax.ast.AttrpathValue;
import org.nix4j.syntax.ast.BinaryOp;
import org.nix4j.syntax.ast.Binding;
import org.nix4j.syntax.ast.DynamicAttr;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.syntax.ast.FloatLiteral;
import org.nix4j.syntax.ast.HasAttr;
import org.nix4j.syntax.ast.Ident;
import org.nix4j.syntax.ast.IdentAttr;
import org.nix4j.syntax.ast.IdentParam;
import org.nix4j.syntax.ast.IfElse;
import org.nix4j.syntax.ast.IndentedStr;
import org.nix4j.syntax.ast.Inherit;
import org.nix4j.syntax.ast.IntLiteral;
import org.nix4j.syntax.ast.Lambda;
import org.nix4j.syntax.ast.LegacyLet;
import org.nix4j.syntax.ast.LetIn;
import org.nix4j.syntax.ast.ListExpr;
import org.nix4j.syntax.ast.Paren;
import org.nix4j.syntax.ast.PatEntry;
import org.nix4j.syntax.ast.PathExpr;
import org.nix4j.syntax.ast.Pattern;
import org.nix4j.syntax.ast.SearchPath;
import org.nix4j.syntax.ast.Select;
import org.nix4j.syntax.ast.Str;
import org.nix4j.syntax.ast.StrAttr;
import org.nix4j.syntax.ast.StrPart;
import org.nix4j.syntax.ast.UnaryOp;
import org.nix4j.syntax.ast.UnaryOperator;
import org.nix4j.syntax.ast.UriLiteral;
import org.nix4j.syntax.ast.With;

/**
 * Prints an expression as Nix 2.8 shows its parsed expressions: what {@code nix-instantiate
 * --parse} prints, and the text of {@code assertion '(1 == 2)' failed}. Nix prints its own
 * expression objects, not the source, so this shows our tree as Nix's parser would have built
 * it: operators desugared ({@code (__sub a b)}, {@code (__lessThan b a)}, {@code (! (__lessThan
 * a b))} for {@code a >= b}), everything parenthesised, strings decoded and re-escaped,
 * indentation stripped, paths absolute, nested attribute paths merged ({@code a.b = 1; a.c = 2;}
 * is {@code a = { b = 1; c = 2; };}), set attributes sorted, and applications flattened as Nix's
 * parser flattens them ({@code (f a b)}, but also {@code (__sub x y z)} for {@code (x - y) z}).
 *
 * <p>It needs no recursion: one loop over an explicit stack of things still to print, so an
 * expression nested a million deep prints like any other. Broken parts of an erroneous tree print
 * as {@code «error»}.
 *
 * <p>Nix orders the bindings of a {@code let} and the formals of a function by the address of
 * their interned names, which nothing can reproduce; they are printed here in the order the
 * names would have been interned (Nix's own names first, then the expression's in source order),
 * which is Nix's order in the common cases.
 */
public final class NixShow {
  private static final String ERROR = "«error»";

  // ---- symbols: names Nix 2.8 interns before it reads a file, in order ----
  private static final String[] PREEXISTING = {
    "<with>", "outPath", "drvPath", "type", "meta", "name", "value", "system", "__overrides",
    "outputs", "outputName", "__ignoreNulls", "file", "line", "column", "__functor", "__toString",
    "right", "wrong", "__structuredAttrs", "builder", "args", "__contentAddressed", "__impure",
    "outputHash", "outputHashAlgo", "outputHashMode", "recurseForDerivations", "description",
    "self", "", "startSet", "operator", "key", "path", "prefix", "outputSpecified"
  };
  private static final String BUILTINS = "abort add addErrorContext all any appendContext "
      + "attrNames attrValues baseNameOf bitAnd bitOr bitXor builtins catAttrs ceil "
      + "compareVersions concatLists concatMap concatStringsSep currentSystem currentTime deepSeq "
      + "derivation derivationStrict dirOf div elem elemAt false fetchGit fetchMercurial "
      + "fetchTarball fetchTree fetchurl filter filterSource findFile floor foldl' fromJSON "
      + "fromTOML functionArgs genList genericClosure getAttr getContext getEnv groupBy hasAttr "
      + "hasContext hashFile hashString head import intersectAttrs isAttrs isBool isFloat "
      + "isFunction isInt isList isNull isPath isString langVersion length lessThan listToAttrs "
      + "map mapAttrs match mul nixPath nixVersion null parseDrvName partition path pathExists "
      + "placeholder readDir readFile removeAttrs replaceStrings scopedImport seq sort split "
      + "splitVersion storeDir storePath stringLength sub substring tail throw toFile toJSON "
      + "toPath toString toXML trace true tryEval typeOf unsafeDiscardOutputDependency "
      + "unsafeDiscardStringContext unsafeGetAttrPos zipAttrsWith";
  private static final Map<String, Integer> NIX_SYMBOLS = new HashMap<>();

  static {
    for (String s : PREEXISTING) {
      NIX_SYMBOLS.putIfAbsent(s, NIX_SYMBOLS.size());
    }
    for (String s : BUILTINS.split(" ")) {
      NIX_SYMBOLS.putIfAbsent(s, NIX_SYMBOLS.size());
      NIX_SYMBOLS.putIfAbsent("__" + s, NIX_SYMBOLS.size());
    }
  }

  private final String baseDir;
  private final String home;
  /** The expression's syntax, whose names are interned when an order of names is first needed. */
  private final SyntaxNode root;
  private Map<String, Integer> symbols;
  private final StringBuilder out = new StringBuilder();
  /** What is left to print, the next thing on top: strings, expressions and merged sets. */
  private final ArrayDeque<Object> todo = new ArrayDeque<>();

  private NixShow(String baseDir, String home, SyntaxNode root) {
    this.baseDir = baseDir;
    this.home = home;
    this.root = root;
  }

  /**
   * How Nix shows {@code e} (a byte string); relative paths are resolved against {@code baseDir}
   * and {@code ~/} against {@code home}, as Nix's parser does.
   */
  public static String show(Expr e, String baseDir, String home) {
    NixShow s = new NixShow(baseDir, home, e == null ? null : e.syntax());
    s.todo.push(e == null ? ERROR : e);
    s.run();
    return s.out.toString();
  }

  // ---- Nix's objects that have no node of their own in our tree ----

  /** A set as Nix's parser builds it: nested attribute paths merged into sets. */
  private static final class Attrs {
    boolean rec;
    /** Name to value: an {@link Expr}, an {@link Attrs}, or an {@link InheritFrom}. */
    final Map<String, Object> attrs = new LinkedHashMap<>();
    /** Names bound by a plain {@code inherit}. */
    final List<String> inherited = new ArrayList<>();
    /** Dynamic names: pairs of name expression and value. */
    final List<Object[]> dynamic = new ArrayList<>();
  }

  /** The value Nix gives a name of {@code inherit (from) name}: {@code (from).name}. */
  private record InheritFrom(Expr from, String name) {}

  /** A let: its bindings and body. */
  private record Let(Attrs attrs, Expr body) {}

  /** An attribute name of a path: a symbol, or an expression for a dynamic name. */
  private record AttrName(String symbol, Expr expr) {}

  // ---- the loop ----

  private void run() {
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (o instanceof String s) {
        out.append(s);
      } else if (o instanceof Expr e) {
        expand(e);
      } else if (o instanceof Attrs a) {
        expandAttrs(a);
      } else if (o instanceof Let l) {
        expandLet(l);
      } else if (o instanceof InheritFrom i) {
        push("(", i.from(), ").", showId(i.name()));
      } else if (o == null) {
        out.append(ERROR);
      }
    }
  }

  /** Pushes things to print, in the order they print. */
  private void push(Object... items) {
    for (int i = items.length - 1; i >= 0; i--) {
      todo.push(items[i] == null ? ERROR : items[i]);
    }
  }

  private void expand(Expr e) {
    e = strip(e);
    if (e == null) {
      out.append(ERROR);
    } else if (e instanceof Ident i) {
      out.append(i.name());
    } else if (e instanceof IntLiteral i) {
      out.append(i.value());
    } else if (e instanceof FloatLiteral f) {
      out.append(formatG(f.value()));
    } else if (e instanceof UriLiteral u) {
      showString(u.value(), out);
    } else if (e instanceof Str s) {
      if (s.isStatic()) {
        showString(s.staticValue(), out);
      } else {
        concat(s.parts(), null);
      }
    } else if (e instanceof IndentedStr s) {
      List<StrPart> parts = s.tokenParts();
      if (parts.isEmpty()) {
        out.append("\"\"");
      } else if (parts.size() == 1 && parts.get(0) instanceof StrPart.Literal l) {
        showString(l.value(), out);
      } else {
        concat(parts, null);
      }
    } else if (e instanceof PathExpr p) {
      List<StrPart> parts = p.parts();
      String first = p.resolvedFirstPiece(baseDir, home);
      if (parts.size() <= 1) {
        out.append(first);
      } else {
        concat(parts.subList(1, parts.size()), first);
      }
    } else if (e instanceof ListExpr l) {
      List<Object> items = new ArrayList<>();
      items.add("[ ");
      for (Expr x : l.elements()) {
        items.add("(");
        items.add(x);
        items.add(") ");
      }
      items.add("]");
      push(items.toArray());
    } else if (e instanceof AttrSet s) {
      Attrs a = binds(s.bindings());
      a.rec = s.isRec();
      expandAttrs(a);
    } else if (e instanceof LetIn l) {
      expandLet(new Let(binds(l.bindings()), l.body()));
    } else if (e instanceof LegacyLet l) {
      Attrs a = binds(l.bindings());
      a.rec = true;
      push("(", a, ").body");
    } else if (e instanceof With w) {
      push("(with ", w.namespace(), "; ", w.body(), ")");
    } else if (e instanceof Assert a) {
      push("assert ", a.condition(), "; ", a.body());
    } else if (e instanceof IfElse i) {
      push("(if ", i.condition(), " then ", i.thenBranch(), " else ", i.elseBranch(), ")");
    } else if (e instanceof Lambda l) {
      lambda(l);
    } else if (e instanceof Select s) {
      List<Object> items = new ArrayList<>();
      items.add("(");
      items.add(s.expr());
      items.add(").");
      attrpath(s.attrpath(), items);
      if (s.hasDefault()) {
        items.add(" or (");
        items.add(s.defaultExpr());
        items.add(")");
      }
      push(items.toArray());
    } else if (e instanceof HasAttr h) {
      List<Object> items = new ArrayList<>();
      items.add("((");
      items.add(h.expr());
      items.add(") ? ");
      attrpath(h.attrpath(), items);
      items.add(")");
      push(items.toArray());
    } else if (e instanceof UnaryOp u && u.operator() == UnaryOperator.NOT) {
      push("(! ", u.operand(), ")");
    } else if (e instanceof BinaryOp b && !isCall(b)) {
      switch (b.operator()) {
        case ADD:
          push("(", b.lhs(), " + ", b.rhs(), ")");
          break;
        case LEQ:
          push("(! (__lessThan ", b.rhs(), " ", b.lhs(), "))");
          break;
        case GEQ:
          push("(! (__lessThan ", b.lhs(), " ", b.rhs(), "))");
          break;
        default:
          push("(", b.lhs(), " " + b.operator().symbol() + " ", b.rhs(), ")");
          break;
      }
    } else if (isCall(e)) {
      call(e);
    } else {
      out.append(ERROR);
    }
  }

  private static Expr strip(Expr e) {
    while (e instanceof Paren p) {
      e = p.expr();
    }
    return e;
  }

  /** Whether Nix's parser makes a call of {@code e}, which an application then extends. */
  private static boolean isCall(Expr e) {
    if (e instanceof Apply || e instanceof SearchPath) {
      return true;
    }
    if (e instanceof UnaryOp u) {
      return u.operator() == UnaryOperator.NEGATE;
    }
    if (e instanceof BinaryOp b) {
      switch (b.operator()) {
        case SUB:
        case MUL:
        case DIV:
        case LT:
        case GT:
          return true;
        default:
          return false;
      }
    }
    return false;
  }

  private static boolean isOrVariable(Expr e) {
    return e instanceof Ident id && id.token() != null && id.token().kind() == SyntaxKind.OR_KW;
  }

  /**
   * A call: {@code (f a b)}. Nix's parser appends the argument of an application to the call
   * its function is, if it is one, so the whole chain prints as one call.
   */
  private void call(Expr e) {
    List<Object> reversedArgs = new ArrayList<>();
    Object head;
    Expr cur = e;
    while (true) {
      if (cur instanceof Apply a) {
        if (isOrVariable(a.argument())) {
          // `f or`: a call of its own, whatever f is.
          reversedArgs.add("or");
          head = a.function();
          break;
        }
        reversedArgs.add(a.argument());
        Expr f = strip(a.function());
        if (f != null && isCall(f)) {
          cur = f;
          continue;
        }
        head = f;
        break;
      }
      if (cur instanceof UnaryOp u) {
        reversedArgs.add(u.operand());
        reversedArgs.add("0");
        head = "__sub";
        break;
      }
      if (cur instanceof SearchPath s) {
        StringBuilder sb = new StringBuilder();
        showString(s.path(), sb);
        reversedArgs.add(sb.toString());
        reversedArgs.add("__nixPath");
        head = "__findFile";
        break;
      }
      BinaryOp b = (BinaryOp) cur;
      switch (b.operator()) {
        case GT:
          reversedArgs.add(b.lhs());
          reversedArgs.add(b.rhs());
          head = "__lessThan";
          break;
        default:
          reversedArgs.add(b.rhs());
          reversedArgs.add(b.lhs());
          head = switch (b.operator()) {
            case SUB -> "__sub";
            case MUL -> "__mul";
            case DIV -> "__div";
            default -> "__lessThan";
          };
          break;
      }
      break;
    }
    todo.push(")");
    for (Object arg : reversedArgs) {
      todo.push(arg == null ? ERROR : arg);
      todo.push(" ");
    }
    todo.push(head == null ? ERROR : head);
    todo.push("(");
  }

  /** {@code (a + ${b} + "c")}: the pieces of an interpolated string or path. */
  private void concat(List<StrPart> parts, String firstPath) {
    List<Object> items = new ArrayList<>();
    items.add("(");
    boolean first = true;
    if (firstPath != null) {
      items.add(firstPath);
      first = false;
    }
    for (StrPart p : parts) {
      if (!first) {
        items.add(" + ");
      }
      first = false;
      if (p instanceof StrPart.Literal l) {
        StringBuilder sb = new StringBuilder();
        showString(l.value(), sb);
        items.add(sb.toString());
      } else {
        items.add(((StrPart.Interpolation) p).expr());
      }
    }
    items.add(")");
    push(items.toArray());
  }

  private void lambda(Lambda l) {
    if (l.param() instanceof IdentParam ip) {
      push("(" + ip.name() + ": ", l.body(), ")");
      return;
    }
    if (!(l.param() instanceof Pattern pat)) {
      push("(" + ERROR + ": ", l.body(), ")");
      return;
    }
    List<PatEntry> entries = new ArrayList<>(pat.entries());
    entries.sort(Comparator.comparingInt(pe -> symbol(pe.name())));
    List<Object> items = new ArrayList<>();
    items.add("({ ");
    boolean first = true;
    for (PatEntry pe : entries) {
      items.add((first ? "" : ", ") + pe.name());
      first = false;
      if (pe.hasDefault()) {
        items.add(" ? ");
        items.add(pe.defaultExpr());
      }
    }
    if (pat.hasEllipsis()) {
      items.add(first ? "..." : ", ...");
    }
    items.add(" }");
    String bind = pat.bindName();
    items.add(bind == null ? ": " : " @ " + bind + ": ");
    items.add(l.body());
    items.add(")");
    push(items.toArray());
  }

  // ---- attribute sets ----

  private void expandAttrs(Attrs a) {
    List<Object> items = new ArrayList<>();
    items.add(a.rec ? "rec { " : "{ ");
    List<String> names = new ArrayList<>(a.attrs.keySet());
    names.addAll(a.inherited);
    names.sort(null);
    for (String n : names) {
      Object v = a.attrs.get(n);
      if (v == null) {
        items.add("inherit " + showId(n) + " ; ");
      } else {
        items.add(showId(n) + " = ");
        items.add(v);
        items.add("; ");
      }
    }
    for (Object[] d : a.dynamic) {
      items.add("\"${");
      items.add(d[0]);
      items.add("}\" = ");
      items.add(d[1]);
      items.add("; ");
    }
    items.add("}");
    push(items.toArray());
  }

  private void expandLet(Let l) {
    Attrs a = l.attrs();
    List<String> names = new ArrayList<>(a.attrs.keySet());
    names.addAll(a.inherited);
    names.sort(Comparator.comparingInt(this::symbol));
    List<Object> items = new ArrayList<>();
    items.add("(let ");
    for (String n : names) {
      Object v = a.attrs.get(n);
      if (v == null) {
        items.add("inherit " + showId(n) + "; ");
      } else {
        items.add(showId(n) + " = ");
        items.add(v);
        items.add("; ");
      }
    }
    items.add("in ");
    items.add(l.body());
    items.add(")");
    push(items.toArray());
  }

  /** The set Nix's parser builds from bindings: nested paths merged (one level, no recursion). */
  private Attrs binds(List<Binding> bindings) {
    Attrs attrs = new Attrs();
    for (Binding b : bindings) {
      if (b instanceof Inherit in) {
        Expr from = in.hasSource() ? in.source() : null;
        for (Attr a : in.attrs()) {
          String s = attrName(a).symbol();
          if (s == null || attrs.attrs.containsKey(s) || attrs.inherited.contains(s)) {
            continue;
          }
          if (from == null) {
            attrs.inherited.add(s);
          } else {
            attrs.attrs.put(s, new InheritFrom(from, s));
          }
        }
      } else if (b instanceof AttrpathValue v && v.attrpath() != null) {
        List<AttrName> path = new ArrayList<>();
        for (Attr a : v.attrpath().attrs()) {
          path.add(attrName(a));
        }
        if (!path.isEmpty()) {
          addAttr(attrs, path, v.value());
        }
      }
    }
    return attrs;
  }

  /** Nix's addAttr: the path's leading names create or extend sets. */
  private void addAttr(Attrs attrs, List<AttrName> path, Expr value) {
    for (AttrName n : path.subList(0, path.size() - 1)) {
      if (n.symbol() == null) {
        Attrs nested = new Attrs();
        attrs.dynamic.add(new Object[] {n.expr(), nested});
        attrs = nested;
        continue;
      }
      Attrs nested = asAttrs(attrs, n.symbol());
      if (nested == null) {
        if (attrs.attrs.containsKey(n.symbol()) || attrs.inherited.contains(n.symbol())) {
          return; // a duplicate: a compile error
        }
        nested = new Attrs();
        attrs.attrs.put(n.symbol(), nested);
      }
      attrs = nested;
    }
    AttrName last = path.get(path.size() - 1);
    if (last.symbol() == null) {
      attrs.dynamic.add(new Object[] {last.expr(), value});
      return;
    }
    Attrs existing = asAttrs(attrs, last.symbol());
    if (existing == null) {
      if (!attrs.attrs.containsKey(last.symbol()) && !attrs.inherited.contains(last.symbol())) {
        attrs.attrs.put(last.symbol(), value);
      }
      return;
    }
    // `a.b = 1; a = { c = 2; };`: the set's own attributes join the existing set.
    if (strip(value) instanceof AttrSet s) {
      Attrs more = binds(s.bindings());
      for (Map.Entry<String, Object> e : more.attrs.entrySet()) {
        if (!existing.inherited.contains(e.getKey())) {
          existing.attrs.putIfAbsent(e.getKey(), e.getValue());
        }
      }
      for (String n : more.inherited) {
        if (!existing.attrs.containsKey(n) && !existing.inherited.contains(n)) {
          existing.inherited.add(n);
        }
      }
    }
  }

  /** The set bound to {@code name} as a merged set (made from a set literal), or null. */
  private Attrs asAttrs(Attrs attrs, String name) {
    Object v = attrs.attrs.get(name);
    if (v instanceof Attrs a) {
      return a;
    }
    if (v instanceof Expr e && strip(e) instanceof AttrSet s) {
      Attrs a = binds(s.bindings());
      a.rec = s.isRec();
      attrs.attrs.put(name, a);
      return a;
    }
    return null;
  }

  private void attrpath(Attrpath path, List<Object> items) {
    if (path == null) {
      items.add(ERROR);
      return;
    }
    boolean first = true;
    for (Attr a : path.attrs()) {
      if (!first) {
        items.add(".");
      }
      first = false;
      AttrName n = attrName(a);
      if (n.symbol() != null) {
        items.add(showId(n.symbol()));
      } else {
        items.add("\"${");
        items.add(n.expr());
        items.add("}\"");
      }
    }
  }

  /** A name of an attribute path: static (a symbol) or an expression. */
  private static AttrName attrName(Attr a) {
    if (a instanceof IdentAttr i) {
      return new AttrName(i.name(), null);
    }
    if (a instanceof StrAttr s) {
      Str str = s.string();
      return str != null && str.isStatic() ? new AttrName(str.staticValue(), null)
          : new AttrName(null, str);
    }
    Expr e = a instanceof DynamicAttr d ? d.expr() : null;
    String stat = staticString(e);
    return stat != null ? new AttrName(stat, null) : new AttrName(null, e);
  }

  /** The value of an expression Nix's parser makes a plain string of, or null. */
  private static String staticString(Expr e) {
    e = strip(e);
    if (e instanceof Str s && s.isStatic()) {
      return s.staticValue();
    }
    if (e instanceof IndentedStr s) {
      List<StrPart> parts = s.tokenParts();
      if (parts.isEmpty()) {
        return "";
      }
      if (parts.size() == 1 && parts.get(0) instanceof StrPart.Literal l) {
        return l.value();
      }
    }
    if (e instanceof UriLiteral u) {
      return u.value();
    }
    return null;
  }

  // ---- symbols ----

  /** Interns the names of the expression in source order (a walk over its tokens). */
  private void internNames(SyntaxNode node) {
    if (node == null) {
      return;
    }
    SyntaxToken t = node.firstToken();
    int end = node.endOffset();
    while (t != null && t.offset() < end) {
      SyntaxKind k = t.kind();
      if (k == SyntaxKind.IDENT || k == SyntaxKind.OR_KW || k == SyntaxKind.STR) {
        symbols.putIfAbsent(t.text(), symbols.size());
      }
      t = t.nextToken();
    }
  }

  private int symbol(String s) {
    if (symbols == null) {
      symbols = new HashMap<>(NIX_SYMBOLS);
      internNames(root);
    }
    Integer i = symbols.get(s);
    if (i == null) {
      i = symbols.size();
      symbols.put(s, i);
    }
    return i;
  }

  // ---- lexical details ----

  /** An attribute name: bare when it is an identifier (but not {@code if}), else quoted. */
  static String showId(String s) {
    boolean id = !s.isEmpty() && !s.equals("if");
    for (int i = 0; i < s.length() && id; i++) {
      char c = s.charAt(i);
      boolean alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      id = i == 0 ? alpha : alpha || (c >= '0' && c <= '9') || c == '\'' || c == '-';
    }
    if (id) {
      return s;
    }
    StringBuilder sb = new StringBuilder();
    showString(s, sb);
    return sb.toString();
  }

  /** A string literal as Nix prints one: {@code "}, {@code \}, {@code $} and controls escaped. */
  static void showString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '$') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  /** C++'s default {@code ostream << double}: {@code %g} with 6 significant digits. */
  public static String formatG(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6, RoundingMode.HALF_EVEN));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= 6) {
      BigDecimal mant = d.movePointLeft(exp).stripTrailingZeros();
      String m = mant.toPlainString();
      String e = String.format("%02d", Math.abs(exp));
      return m + "e" + (exp < 0 ? "-" : "+") + e;
    }
    String plain = d.setScale(Math.max(0, 5 - exp), RoundingMode.HALF_EVEN).toPlainString();
    if (plain.contains(".")) {
      plain = plain.replaceAll("0+$", "");
      if (plain.endsWith(".")) {
        plain = plain.substring(0, plain.length() - 1);
      }
    }
    return plain;
  }
}
