package org.nix4j.syntax;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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
 * Prints our typed AST exactly as {@code nix-instantiate --parse} (Nix 2.8) prints its parsed
 * expression: operators desugared ({@code (__sub a b)}, {@code (__lessThan b a)}), strings
 * decoded and re-escaped, indentation stripped, paths made absolute, nested attribute paths
 * merged, set attributes sorted, applications flattened. A test oracle only: it rebuilds Nix's
 * own expression objects (with their quirks) from our tree and prints them with Nix's rules.
 * It recurses on the JVM stack, which is fine for the fixtures it is used on.
 */
final class NixParsePrinter {
  // ---- Nix's expression objects (nixexpr.hh), as far as printing needs them ----
  interface N {}

  record NInt(long v) implements N {}

  record NFloat(double v) implements N {}

  record NStr(String s) implements N {}

  record NPath(String s) implements N {}

  record NVar(String name) implements N {}

  record NPos() implements N {}

  /** An attribute name: a symbol, or an expression for a dynamic name. */
  record NAttrName(String symbol, N expr) {}

  record NSelect(N e, List<NAttrName> path, N def) implements N {}

  record NHasAttr(N e, List<NAttrName> path) implements N {}

  record NAttrDef(N e, boolean inherited) {}

  record NDyn(N name, N value) {}

  static final class NAttrs implements N {
    boolean rec;
    final Map<String, NAttrDef> attrs = new LinkedHashMap<>();
    final List<NDyn> dynamic = new ArrayList<>();
  }

  record NList(List<N> elems) implements N {}

  record NFormal(String name, N def) {}

  record NLambda(String arg, List<NFormal> formals, boolean ellipsis, N body) implements N {}

  static final class NCall implements N {
    final N fun;
    final List<N> args = new ArrayList<>();

    NCall(N fun, N... args) {
      this.fun = fun;
      this.args.addAll(List.of(args));
    }
  }

  record NLet(NAttrs attrs, N body) implements N {}

  record NWith(N attrs, N body) implements N {}

  record NIf(N cond, N then, N otherwise) implements N {}

  record NAssert(N cond, N body) implements N {}

  record NNot(N e) implements N {}

  record NBin(String op, N a, N b) implements N {}

  record NConcat(List<N> es) implements N {}

  // ---- symbols: Nix prints let bindings in the order their names were first interned ----
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

  private final Map<String, Integer> symbols = new HashMap<>();
  private final String dir;
  private final String home;

  private NixParsePrinter(String dir, String home) {
    this.dir = dir;
    this.home = home;
    for (String s : PREEXISTING) {
      sym(s);
    }
    for (String s : BUILTINS.split(" ")) {
      sym(s);
      sym("__" + s);
    }
  }

  /** What {@code nix-instantiate --parse} prints for {@code e}, for a file in {@code dir}. */
  static String print(Expr e, String dir, String home) {
    NixParsePrinter p = new NixParsePrinter(dir, home);
    N n = p.convert(e);
    StringBuilder sb = new StringBuilder();
    p.show(n, sb);
    return sb.toString();
  }

  private String sym(String s) {
    symbols.putIfAbsent(s, symbols.size());
    return s;
  }

  // ---- our AST to Nix's objects, in the order Nix's parser creates them ----

  private N convert(Expr e) {
    if (e instanceof Paren p) {
      return convert(p.expr());
    }
    if (e instanceof Ident i) {
      return i.name().equals("__curPos") ? new NPos() : new NVar(sym(i.name()));
    }
    if (e instanceof IntLiteral i) {
      return new NInt(i.value());
    }
    if (e instanceof FloatLiteral f) {
      return new NFloat(f.value());
    }
    if (e instanceof UriLiteral u) {
      return new NStr(sym(u.value()));
    }
    if (e instanceof Str s) {
      return string(s);
    }
    if (e instanceof IndentedStr s) {
      return indented(s);
    }
    if (e instanceof PathExpr p) {
      return path(p);
    }
    if (e instanceof SearchPath s) {
      return new NCall(new NVar("__findFile"), new NVar("__nixPath"), new NStr(sym(s.path())));
    }
    if (e instanceof ListExpr l) {
      List<N> elems = new ArrayList<>();
      for (Expr x : l.elements()) {
        elems.add(convert(x));
      }
      return new NList(elems);
    }
    if (e instanceof AttrSet s) {
      NAttrs a = binds(s.bindings());
      a.rec = s.isRec();
      return a;
    }
    if (e instanceof LetIn l) {
      NAttrs a = binds(l.bindings());
      return new NLet(a, convert(l.body()));
    }
    if (e instanceof LegacyLet l) {
      NAttrs a = binds(l.bindings());
      a.rec = true;
      return new NSelect(a, List.of(new NAttrName(sym("body"), null)), null);
    }
    if (e instanceof With w) {
      N ns = convert(w.namespace());
      return new NWith(ns, convert(w.body()));
    }
    if (e instanceof Assert a) {
      N c = convert(a.condition());
      return new NAssert(c, convert(a.body()));
    }
    if (e instanceof IfElse i) {
      N c = convert(i.condition());
      N t = convert(i.thenBranch());
      return new NIf(c, t, convert(i.elseBranch()));
    }
    if (e instanceof Lambda l) {
      return lambda(l);
    }
    if (e instanceof Apply a) {
      N fun = convert(a.function());
      Expr arg = a.argument();
      if (arg instanceof Ident id && id.token().kind() == SyntaxKind.OR_KW) {
        // `f or`: a new call, never merged into an enclosing one.
        return new NCall(fun, new NVar(sym("or")));
      }
      N x = convert(arg);
      if (fun instanceof NCall c) {
        c.args.add(x);
        return c;
      }
      return new NCall(fun, x);
    }
    if (e instanceof Select s) {
      N x = convert(s.expr());
      List<NAttrName> path = attrpath(s.attrpath());
      N def = s.hasDefault() ? convert(s.defaultExpr()) : null;
      return new NSelect(x, path, def);
    }
    if (e instanceof HasAttr h) {
      N x = convert(h.expr());
      return new NHasAttr(x, attrpath(h.attrpath()));
    }
    if (e instanceof UnaryOp u) {
      N x = convert(u.operand());
      if (u.operator() == UnaryOperator.NOT) {
        return new NNot(x);
      }
      return new NCall(new NVar("__sub"), new NInt(0), x);
    }
    if (e instanceof BinaryOp b) {
      N x = convert(b.lhs());
      N y = convert(b.rhs());
      switch (b.operator()) {
        case ADD:
          return new NConcat(new ArrayList<>(List.of(x, y)));
        case SUB:
          return new NCall(new NVar("__sub"), x, y);
        case MUL:
          return new NCall(new NVar("__mul"), x, y);
        case DIV:
          return new NCall(new NVar("__div"), x, y);
        case LT:
          return new NCall(new NVar("__lessThan"), x, y);
        case GT:
          return new NCall(new NVar("__lessThan"), y, x);
        case LEQ:
          return new NNot(new NCall(new NVar("__lessThan"), y, x));
        case GEQ:
          return new NNot(new NCall(new NVar("__lessThan"), x, y));
        default:
          return new NBin(b.operator().symbol(), x, y);
      }
    }
    throw new IllegalArgumentException("cannot print " + e);
  }

  private N string(Str s) {
    List<StrPart> parts = s.parts();
    boolean interpolated = !s.isStatic();
    if (!interpolated) {
      String v = parts.isEmpty() ? "" : ((StrPart.Literal) parts.get(0)).value();
      return new NStr(sym(v));
    }
    List<N> es = new ArrayList<>();
    for (StrPart p : parts) {
      es.add(p instanceof StrPart.Literal l ? new NStr(sym(l.value()))
          : convert(((StrPart.Interpolation) p).expr()));
    }
    return new NConcat(es);
  }

  private N indented(IndentedStr s) {
    List<StrPart> parts = s.tokenParts();
    if (parts.isEmpty()) {
      return new NStr(sym(""));
    }
    List<N> es = new ArrayList<>();
    for (StrPart p : parts) {
      es.add(p instanceof StrPart.Literal ? null : convert(((StrPart.Interpolation) p).expr()));
    }
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i) instanceof StrPart.Literal l) {
        es.set(i, new NStr(sym(l.value())));
      }
    }
    if (es.size() == 1 && es.get(0) instanceof NStr) {
      return es.get(0);
    }
    return new NConcat(es);
  }

  private N path(PathExpr p) {
    List<StrPart> parts = p.parts();
    String path = p.resolvedFirstPiece(dir, home);
    if (parts.size() == 1) {
      return new NPath(path);
    }
    List<N> es = new ArrayList<>();
    es.add(new NPath(path));
    for (StrPart part : parts.subList(1, parts.size())) {
      es.add(part instanceof StrPart.Literal l ? new NStr(sym(l.value()))
          : convert(((StrPart.Interpolation) part).expr()));
    }
    return new NConcat(es);
  }

  private N lambda(Lambda l) {
    if (l.param() instanceof IdentParam ip) {
      N body = convert(l.body());
      return new NLambda(sym(ip.name()), null, false, body);
    }
    Pattern pat = (Pattern) l.param();
    List<NFormal> formals = new ArrayList<>();
    for (PatEntry pe : pat.entries()) {
      N def = pe.hasDefault() ? convert(pe.defaultExpr()) : null;
      formals.add(new NFormal(sym(pe.name()), def));
    }
    N body = convert(l.body());
    String arg = pat.bindName() == null ? "" : sym(pat.bindName());
    return new NLambda(arg, formals, pat.hasEllipsis(), body);
  }

  private List<NAttrName> attrpath(Attrpath ap) {
    List<NAttrName> out = new ArrayList<>();
    for (Attr a : ap.attrs()) {
      out.add(attrName(a));
    }
    return out;
  }

  private NAttrName attrName(Attr a) {
    if (a instanceof IdentAttr i) {
      return new NAttrName(sym(i.name()), null);
    }
    if (a instanceof StrAttr s) {
      N n = string(s.string());
      return n instanceof NStr str ? new NAttrName(str.s(), null) : new NAttrName(null, n);
    }
    N n = convert(((DynamicAttr) a).expr());
    return n instanceof NStr str ? new NAttrName(str.s(), null) : new NAttrName(null, n);
  }

  private NAttrs binds(List<Binding> bindings) {
    NAttrs attrs = new NAttrs();
    for (Binding b : bindings) {
      if (b instanceof Inherit in) {
        N from = in.hasSource() ? convert(in.source()) : null;
        for (Attr a : in.attrs()) {
          NAttrName name = attrName(a);
          String s = name.symbol();
          if (from == null) {
            attrs.attrs.putIfAbsent(s, new NAttrDef(new NVar(s), true));
          } else {
            attrs.attrs.putIfAbsent(s, new NAttrDef(
                new NSelect(from, List.of(new NAttrName(s, null)), null), false));
          }
        }
      } else {
        AttrpathValue v = (AttrpathValue) b;
        List<NAttrName> path = attrpath(v.attrpath());
        N value = convert(v.value());
        addAttr(attrs, path, value);
      }
    }
    return attrs;
  }

  /** Nix's addAttr: nested paths create or extend attribute sets. */
  private static void addAttr(NAttrs attrs, List<NAttrName> path, N e) {
    for (NAttrName n : path.subList(0, path.size() - 1)) {
      if (n.symbol() != null) {
        NAttrDef j = attrs.attrs.get(n.symbol());
        if (j != null) {
          attrs = (NAttrs) j.e();
        } else {
          NAttrs nested = new NAttrs();
          attrs.attrs.put(n.symbol(), new NAttrDef(nested, false));
          attrs = nested;
        }
      } else {
        NAttrs nested = new NAttrs();
        attrs.dynamic.add(new NDyn(n.expr(), nested));
        attrs = nested;
      }
    }
    NAttrName last = path.get(path.size() - 1);
    if (last.symbol() != null) {
      NAttrDef j = attrs.attrs.get(last.symbol());
      if (j != null) {
        NAttrs target = (NAttrs) j.e();
        for (Map.Entry<String, NAttrDef> ad : ((NAttrs) e).attrs.entrySet()) {
          target.attrs.putIfAbsent(ad.getKey(), ad.getValue());
        }
      } else {
        attrs.attrs.put(last.symbol(), new NAttrDef(e, false));
      }
    } else {
      attrs.dynamic.add(new NDyn(last.expr(), e));
    }
  }

  // ---- printing (nixexpr.cc's show functions) ----

  private void show(N n, StringBuilder sb) {
    if (n instanceof NInt i) {
      sb.append(i.v());
    } else if (n instanceof NFloat f) {
      sb.append(formatG(f.v()));
    } else if (n instanceof NStr s) {
      showString(s.s(), sb);
    } else if (n instanceof NPath p) {
      sb.append(p.s());
    } else if (n instanceof NVar v) {
      sb.append(v.name());
    } else if (n instanceof NPos) {
      sb.append("__curPos");
    } else if (n instanceof NSelect s) {
      sb.append('(');
      show(s.e(), sb);
      sb.append(").");
      showAttrPath(s.path(), sb);
      if (s.def() != null) {
        sb.append(" or (");
        show(s.def(), sb);
        sb.append(')');
      }
    } else if (n instanceof NHasAttr h) {
      sb.append("((");
      show(h.e(), sb);
      sb.append(") ? ");
      showAttrPath(h.path(), sb);
      sb.append(')');
    } else if (n instanceof NAttrs a) {
      if (a.rec) {
        sb.append("rec ");
      }
      sb.append("{ ");
      List<Map.Entry<String, NAttrDef>> sorted = new ArrayList<>(a.attrs.entrySet());
      sorted.sort(Map.Entry.comparingByKey());
      for (Map.Entry<String, NAttrDef> i : sorted) {
        if (i.getValue().inherited()) {
          sb.append("inherit ").append(showId(i.getKey())).append(" ; ");
        } else {
          sb.append(showId(i.getKey())).append(" = ");
          show(i.getValue().e(), sb);
          sb.append("; ");
        }
      }
      for (NDyn d : a.dynamic) {
        sb.append("\"${");
        show(d.name(), sb);
        sb.append("}\" = ");
        show(d.value(), sb);
        sb.append("; ");
      }
      sb.append('}');
    } else if (n instanceof NList l) {
      sb.append("[ ");
      for (N e : l.elems()) {
        sb.append('(');
        show(e, sb);
        sb.append(") ");
      }
      sb.append(']');
    } else if (n instanceof NLambda l) {
      sb.append('(');
      if (l.formals() != null) {
        sb.append("{ ");
        boolean first = true;
        for (NFormal f : l.formals()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          sb.append(f.name());
          if (f.def() != null) {
            sb.append(" ? ");
            show(f.def(), sb);
          }
        }
        if (l.ellipsis()) {
          if (!first) {
            sb.append(", ");
          }
          sb.append("...");
        }
        sb.append(" }");
        if (!l.arg().isEmpty()) {
          sb.append(" @ ");
        }
      }
      sb.append(l.arg()).append(": ");
      show(l.body(), sb);
      sb.append(')');
    } else if (n instanceof NCall c) {
      sb.append('(');
      show(c.fun, sb);
      for (N a : c.args) {
        sb.append(' ');
        show(a, sb);
      }
      sb.append(')');
    } else if (n instanceof NLet l) {
      sb.append("(let ");
      List<Map.Entry<String, NAttrDef>> ordered = new ArrayList<>(l.attrs().attrs.entrySet());
      ordered.sort(Comparator.comparingInt(en -> symbols.get(en.getKey())));
      for (Map.Entry<String, NAttrDef> i : ordered) {
        if (i.getValue().inherited()) {
          sb.append("inherit ").append(showId(i.getKey())).append("; ");
        } else {
          sb.append(showId(i.getKey())).append(" = ");
          show(i.getValue().e(), sb);
          sb.append("; ");
        }
      }
      sb.append("in ");
      show(l.body(), sb);
      sb.append(')');
    } else if (n instanceof NWith w) {
      sb.append("(with ");
      show(w.attrs(), sb);
      sb.append("; ");
      show(w.body(), sb);
      sb.append(')');
    } else if (n instanceof NIf i) {
      sb.append("(if ");
      show(i.cond(), sb);
      sb.append(" then ");
      show(i.then(), sb);
      sb.append(" else ");
      show(i.otherwise(), sb);
      sb.append(')');
    } else if (n instanceof NAssert a) {
      sb.append("assert ");
      show(a.cond(), sb);
      sb.append("; ");
      show(a.body(), sb);
    } else if (n instanceof NNot x) {
      sb.append("(! ");
      show(x.e(), sb);
      sb.append(')');
    } else if (n instanceof NBin b) {
      sb.append('(');
      show(b.a(), sb);
      sb.append(' ').append(b.op()).append(' ');
      show(b.b(), sb);
      sb.append(')');
    } else if (n instanceof NConcat c) {
      sb.append('(');
      boolean first = true;
      for (N e : c.es()) {
        if (!first) {
          sb.append(" + ");
        }
        first = false;
        show(e, sb);
      }
      sb.append(')');
    } else {
      throw new IllegalArgumentException(String.valueOf(n));
    }
  }

  private void showAttrPath(List<NAttrName> path, StringBuilder sb) {
    boolean first = true;
    for (NAttrName a : path) {
      if (!first) {
        sb.append('.');
      }
      first = false;
      if (a.symbol() != null) {
        sb.append(showId(a.symbol()));
      } else {
        sb.append("\"${");
        show(a.expr(), sb);
        sb.append("}\"");
      }
    }
  }

  /** An attribute name: bare when it is an identifier (but `if`), else a quoted string. */
  private static String showId(String s) {
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

  private static void showString(String s, StringBuilder sb) {
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

  /**
   * Sorts the bindings of every {@code (let ... in} and the formals of every {@code ({ ... }:} of
   * a printed expression. Nix 2.8 orders both by the address of the interned name, which nothing
   * can reproduce; the test compares both sides in this canonical order instead.
   */
  static String canonicalOrder(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' && s.startsWith("\"${", i)) {
        int close = skipGroup(s, i + 2);
        out.append("\"${").append(canonicalOrder(s.substring(i + 3, close - 1))).append("}\"");
        i = close + 1;
      } else if (c == '"') {
        int j = skipString(s, i);
        out.append(s, i, j);
        i = j;
      } else if (s.startsWith("(let ", i)) {
        int start = i + 5;
        List<String> items = new ArrayList<>();
        int j = start;
        int itemStart = start;
        while (j < s.length() && !(s.startsWith("in ", j) && itemStart == j)) {
          char d = s.charAt(j);
          if (d == '"') {
            j = skipString(s, j);
          } else if (d == '(' || d == '[' || d == '{') {
            j = skipGroup(s, j);
          } else if (d == ';' && j + 1 < s.length() && s.charAt(j + 1) == ' ') {
            items.add(canonicalOrder(s.substring(itemStart, j + 2)));
            j += 2;
            itemStart = j;
          } else {
            j++;
          }
        }
        items.sort(null);
        out.append("(let ").append(String.join("", items));
        i = j;
      } else if (s.startsWith("({ ", i)) {
        int close = skipGroup(s, i + 1);
        if (s.startsWith(": ", close) || s.startsWith(" @ ", close)) {
          String inner = s.substring(i + 3, close - 2);
          List<String> items = new ArrayList<>();
          int j = 0;
          int itemStart = 0;
          while (j < inner.length()) {
            char d = inner.charAt(j);
            if (d == '"') {
              j = skipString(inner, j);
            } else if (d == '(' || d == '[' || d == '{') {
              j = skipGroup(inner, j);
            } else if (inner.startsWith(", ", j)) {
              items.add(canonicalOrder(inner.substring(itemStart, j)));
              j += 2;
              itemStart = j;
            } else {
              j++;
            }
          }
          if (itemStart < inner.length()) {
            items.add(canonicalOrder(inner.substring(itemStart)));
          }
          items.sort((a, b) -> a.equals("...") ? 1 : b.equals("...") ? -1 : a.compareTo(b));
          out.append("({ ").append(String.join(", ", items)).append(" }");
          i = close;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int skipString(String s, int i) {
    if (s.startsWith("\"${", i)) {
      // A dynamic attribute name: an expression in "${...}" (literal text escapes its `$`).
      int close = skipGroup(s, i + 2);
      return Math.min(close + 1, s.length());
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != '"') {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(j + 1, s.length());
  }

  /** The index after the bracket matching the one at {@code i}. */
  private static int skipGroup(String s, int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      char d = s.charAt(j);
      if (d == '"') {
        j = skipString(s, j);
        continue;
      }
      if (d == '(' || d == '[' || d == '{') {
        depth++;
      } else if (d == ')' || d == ']' || d == '}') {
        depth--;
        if (depth == 0) {
          return j + 1;
        }
      }
      j++;
    }
    return j;
  }

  /** C++'s default {@code ostream << double}: {@code %g} with 6 significant digits. */
  static String formatG(double v) {
    if (v == 0) {
      return "0";
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
