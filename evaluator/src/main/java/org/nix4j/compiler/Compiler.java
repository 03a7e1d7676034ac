package org.nix4j.compiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nix4j.bytecode.Formals;
import org.nix4j.bytecode.Op;
import org.nix4j.bytecode.Proto;
import org.nix4j.syntax.NixShow;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.SyntaxError;
import org.nix4j.syntax.TextRange;
import org.nix4j.syntax.ast.Apply;
import org.nix4j.syntax.ast.Assert;
import org.nix4j.syntax.ast.Attr;
import org.nix4j.syntax.ast.AttrSet;
import org.nix4j.syntax.ast.Attrpath;
import org.nix4j.syntax.ast.BinaryOp;
import org.nix4j.syntax.ast.BinaryOperator;
import org.nix4j.syntax.ast.DynamicAttr;
import org.nix4j.syntax.ast.ErrorExpr;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.syntax.ast.FloatLiteral;
import org.nix4j.syntax.ast.HasAttr;
import org.nix4j.syntax.ast.Ident;
import org.nix4j.syntax.ast.IdentParam;
import org.nix4j.syntax.ast.IfElse;
import org.nix4j.syntax.ast.IndentedStr;
import org.nix4j.syntax.ast.IntLiteral;
import org.nix4j.syntax.ast.Lambda;
import org.nix4j.syntax.ast.LegacyLet;
import org.nix4j.syntax.ast.LetIn;
import org.nix4j.syntax.ast.ListExpr;
import org.nix4j.syntax.ast.Param;
import org.nix4j.syntax.ast.Paren;
import org.nix4j.syntax.ast.PatEntry;
import org.nix4j.syntax.ast.PathExpr;
import org.nix4j.syntax.ast.Pattern;
import org.nix4j.syntax.ast.Root;
import org.nix4j.syntax.ast.SearchPath;
import org.nix4j.syntax.ast.Select;
import org.nix4j.syntax.ast.Str;
import org.nix4j.syntax.ast.StrAttr;
import org.nix4j.syntax.ast.StrPart;
import org.nix4j.syntax.ast.UnaryOp;
import org.nix4j.syntax.ast.UnaryOperator;
import org.nix4j.syntax.ast.UriLiteral;
import org.nix4j.syntax.ast.With;
import org.nix4j.value.Builtin;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;
import org.nix4j.bytecode.AttrsShape;

/**
 * Compiles the typed syntax tree of a file into bytecode ({@link Proto}), resolving every
 * variable statically: locals on the stack, values captured from enclosing functions
 * (upvalues), the global scope (builtins, as constants), and only where nothing static binds a
 * name, a dynamic lookup through the enclosing {@code with}s. Reports Nix's compile errors and
 * nix4j's warnings as {@link Diagnostic}s.
 *
 * <p>Laziness follows Nix 2.8 exactly (it is observable in how unevaluated values print):
 * an expression in a lazy position (a binding, a list element, an argument) becomes a thunk,
 * except constants and variables, which are used as they are.
 */
public final class Compiler {
  /** Whether an expression must leave a forced value (STRICT) or may leave a thunk (LAZY). */
  private enum Mode {
    STRICT,
    LAZY
  }

  // Comparators as classes, not lambdas: every run compiles, and the first lambda linked costs
  // milliseconds of start-up (java.lang.invoke).
  private static final Comparator<Diagnostic> BY_START = new Comparator<>() {
    @Override
    public int compare(Diagnostic a, Diagnostic b) {
      return Integer.compare(a.range().start(), b.range().start());
    }
  };
  private static final Comparator<BindingTree.Static> BY_NAME = new Comparator<>() {
    @Override
    public int compare(BindingTree.Static a, BindingTree.Static b) {
      return a.name.compareTo(b.name);
    }
  };

  private final SourceFile file;
  private final CompileOptions options;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private Fn fn;

  private Compiler(SourceFile file, CompileOptions options) {
    this.file = file;
    this.options = options;
  }

  /** Parses and compiles a file. */
  public static CompileResult compile(SourceFile file, CompileOptions options) {
    Parse parse = Parser.parse(file.text());
    return compile(file, parse, options);
  }

  /** Compiles an already parsed file. */
  public static CompileResult compile(SourceFile file, Parse parse, CompileOptions options) {
    Compiler c = new Compiler(file, options);
    for (SyntaxError e : parse.errors()) {
      c.diagnostics.add(Diagnostic.syntaxError(e.message(), e.nixMessage(), e.range()));
    }
    Root root = new Root(parse.root());
    Proto proto = c.compileTop(root);
    c.diagnostics.sort(BY_START);
    return new CompileResult(file, proto, List.copyOf(c.diagnostics));
  }

  /**
   * Compiles one expression of a parsed file on its own, as the top level of a file, with its
   * free variables bound to {@code options.outerNames()} (the code receives their values as its
   * upvalues, in that order). Positions are those of the file. The language server uses it to
   * evaluate a part of a file (for a hover, a completion) with the values its variables had.
   * The diagnostics are those of this expression alone.
   */
  public static CompileResult compileExpression(SourceFile file, Expr expr, CompileOptions options) {
    Compiler c = new Compiler(file, options);
    TextRange range = expr.range();
    c.fn = new Fn(null, Proto.Kind.TOP, file, range);
    c.bindOuterNames();
    c.compile(expr, Mode.STRICT);
    c.fn.emit(Op.RETURN, 0);
    Proto proto = c.fn.build(c.pos(range));
    c.diagnostics.sort(BY_START);
    return new CompileResult(file, proto, List.copyOf(c.diagnostics));
  }

  /** The names given by the caller around the code: its first upvalues. */
  private void bindOuterNames() {
    for (int i = 0; i < options.outerNames().size(); i++) {
      String n = options.outerNames().get(i);
      fn.captures.add(new Fn.Capture(n, (i << 1) | 1, null, false));
    }
  }

  private Proto compileTop(Root root) {
    TextRange all = TextRange.of(0, file.text().length());
    fn = new Fn(null, Proto.Kind.TOP, file, all);
    bindOuterNames();
    Expr e = root.expr();
    if (e == null) {
      if (!hasError()) {
        error(Diagnostic.Code.SYNTAX_ERROR, "the file has no expression", all);
      }
      emitFail("the file has no expression", all);
    } else {
      compile(e, Mode.STRICT);
    }
    fn.emit(Op.RETURN, 0);
    return fn.build(pos(all));
  }

  private boolean hasError() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  // -----------------------------------------------------------------------------------------
  // Diagnostics.

  private void error(Diagnostic.Code code, String message, TextRange range) {
    diagnostics.add(Diagnostic.error(code, message, range));
  }

  private void warning(Diagnostic.Code code, String message, TextRange range) {
    diagnostics.add(Diagnostic.warning(code, message, range));
  }

  private SourcePos pos(TextRange r) {
    return new SourcePos(file, r.start(), r.end());
  }

  /** A position inside a message (a byte string), as Nix writes it: {@code (string)} for -E text. */
  private String location(int offset) {
    return new SourcePos(file, offset, offset).messageLocation();
  }

  /** Code that fails with {@code message} when it runs (for parts that did not compile). */
  private void emitFail(String message, TextRange range) {
    int s = fn.span(range);
    fn.emit(Op.CONST, 1, fn.constant(NixString.of(message)));
    fn.emit(Op.FAIL, 0);
    fn.restoreSpan(s);
  }

  // -----------------------------------------------------------------------------------------
  // Expressions.

  private void compile(Expr e, Mode mode) {
    if (e == null) {
      // The parser reported what is missing; the code fails if it ever runs.
      emitFail("syntax error", fn.range);
      return;
    }
    int saved = fn.span(e.range());
    try {
      compileExpr(e, mode);
    } finally {
      fn.restoreSpan(saved);
    }
  }

  private void compileExpr(Expr e, Mode mode) {
    if (mode == Mode.LAZY) {
      if (compileLazyDirect(e)) {
        return;
      }
      compileThunk(e, null);
      return;
    }
    if (e instanceof Paren p) {
      compile(p.expr(), mode);
    } else if (e instanceof IntLiteral i) {
      fn.emit(Op.CONST, 1, fn.constant(intValue(i)));
    } else if (e instanceof FloatLiteral f) {
      fn.emit(Op.CONST, 1, fn.constant(floatValue(f)));
    } else if (e instanceof UriLiteral u) {
      warning(Diagnostic.Code.DEPRECATED_URL_LITERAL,
          "URL literals are deprecated; write \"" + u.value() + "\"", u.range());
      fn.emit(Op.CONST, 1, fn.constant(NixString.of(u.value())));
    } else if (e instanceof Str s) {
      compileString(s.parts(), s.range());
    } else if (e instanceof IndentedStr s) {
      compileString(s.parts(), s.range());
    } else if (e instanceof PathExpr p) {
      compilePath(p);
    } else if (e instanceof SearchPath sp) {
      compileSearchPath(sp);
    } else if (e instanceof Ident id) {
      compileVariable(id.name(), identRange(id), true);
    } else if (e instanceof ListExpr l) {
      List<Expr> items = l.elements();
      CaptureGroup saved = startGroup(null);
      for (Expr item : items) {
        compile(item, Mode.LAZY);
      }
      endGroup(saved);
      fn.emit(Op.LIST, 1 - items.size(), items.size());
    } else if (e instanceof AttrSet set) {
      BindingTree.Node node = bindings(set.bindings(), set.isRec(), set);
      compileAttrsNode(node, set.range(), null);
    } else if (e instanceof LetIn let) {
      compileLet(let);
    } else if (e instanceof LegacyLet let) {
      compileLegacyLet(let);
    } else if (e instanceof With w) {
      compileWith(w);
    } else if (e instanceof Assert a) {
      compile(a.condition(), Mode.STRICT);
      fn.emit(Op.ASSERT, -1, fn.constant(assertMessage(a.condition())));
      compile(a.body(), Mode.STRICT);
    } else if (e instanceof IfElse ie) {
      compile(ie.condition(), Mode.STRICT);
      int cond = fn.emitJump2(Op.JUMP_IF_FALSE, -1);
      compile(ie.thenBranch(), Mode.STRICT);
      int toEnd = fn.emitJump(Op.JUMP, 0);
      fn.adjust(-1);
      fn.patchFirst(cond);
      compile(ie.elseBranch(), Mode.STRICT);
      fn.patch(toEnd);
      fn.patchSecond(cond);
    } else if (e instanceof Lambda lam) {
      compileLambda(lam, null);
    } else if (e instanceof Apply) {
      compileApply((Apply) e);
    } else if (e instanceof Select s) {
      compileSelect(s);
    } else if (e instanceof HasAttr h) {
      compileHasAttr(h);
    } else if (e instanceof UnaryOp u) {
      compileUnary(u);
    } else if (e instanceof BinaryOp b) {
      compileBinary(b);
    } else if (e instanceof ErrorExpr) {
      emitFail("syntax error", e.range());
    } else {
      emitFail("cannot compile " + e.getClass().getSimpleName(), e.range());
    }
  }

  /**
   * In a lazy position, pushes what needs no thunk: a constant, or a variable's value as it is.
   * Returns false when the expression needs a thunk.
   */
  private boolean compileLazyDirect(Expr e) {
    while (e instanceof Paren p && p.expr() != null) {
      e = p.expr();
    }
    if (e instanceof IntLiteral || e instanceof FloatLiteral) {
      compileExpr(e, Mode.STRICT);
      return true;
    }
    if (e instanceof Str s && s.isStatic()) {
      compileExpr(e, Mode.STRICT);
      return true;
    }
    if (e instanceof IndentedStr s && s.isStatic()) {
      compileExpr(e, Mode.STRICT);
      return true;
    }
    if (e instanceof PathExpr p && p.staticText() != null) {
      compileExpr(e, Mode.STRICT);
      return true;
    }
    if (e instanceof Ident id) {
      return compileVariableLazy(id);
    }
    return false;
  }

  private Value intValue(IntLiteral i) {
    Long v = i.value();
    if (v == null) {
      // The parser reported it ("invalid integer"); the code fails if it runs.
      return NixInt.of(0);
    }
    return NixInt.of(v);
  }

  private Value floatValue(FloatLiteral f) {
    Double v = f.value();
    if (v == null) {
      // The parser reported it ("invalid float").
      return NixFloat.of(0);
    }
    return NixFloat.of(v);
  }

  // ---- thunks and lambdas ----

  /**
   * Pushes a thunk of {@code e}. In a recursive scope whose locals are not all there yet, the
   * thunk is made with its captures pending ({@link Op#THUNK_DEFER}) and the slot is recorded
   * in {@code deferred} to be finalised.
   */
  private void compileThunk(Expr e, List<Integer> deferred) {
    Fn outer = fn;
    Fn inner = new Fn(outer, Proto.Kind.THUNK, file, e.range());
    fn = inner;
    int s = fn.span(e.range());
    compileExpr(e, Mode.STRICT);
    fn.restoreSpan(s);
    fn.emit(Op.RETURN, 0);
    fn = outer;
    Proto p = inner.build(pos(e.range()));
    emitMake(p, inner, Op.THUNK, Op.THUNK_DEFER, deferred);
  }

  /** Emits the instruction that makes a thunk or closure of {@code p}, deferred if needed. */
  private void emitMake(Proto p, Fn inner, int now, int later, List<Integer> deferred) {
    boolean pending = false;
    for (Fn.Capture c : inner.captures) {
      if (c.parentLocal != null && !c.parentLocal.initialised) {
        pending = true;
        break;
      }
    }
    int slot = fn.depth;
    int k = fn.constant(p);
    int at;
    if (pending) {
      if (deferred == null) {
        throw new IllegalStateException("capture of an uninitialised local outside a recursive scope");
      }
      deferred.add(slot);
      at = fn.emit(later, 1, k);
    } else {
      at = fn.emit(now, 1, k);
    }
    if (now == Op.THUNK && fn.group != null) {
      fn.group.add(at, k, p, slot);
    }
  }

  /**
   * Starts a group of sibling thunks in the current function (the bindings of a set, let or
   * rec, the elements of a list), which may share their captured values; returns what
   * {@link #endGroup} restores.
   */
  private CaptureGroup startGroup(List<Integer> deferred) {
    CaptureGroup saved = fn.group;
    fn.group = new CaptureGroup(fn, deferred);
    return saved;
  }

  /** Ends the group of sibling thunks, after the last one (before FINALISE of the deferred). */
  private void endGroup(CaptureGroup saved) {
    CaptureGroup g = fn.group;
    fn.group = saved;
    g.end();
  }

  private void compileLambda(Lambda lam, String name) {
    Compiled c = lambdaProto(lam, name);
    emitMake(c.proto, c.fn, Op.CLOSURE, Op.CLOSURE_DEFER, currentDeferred);
  }

  /** The deferred list of the recursive scope being filled, or null. */
  private List<Integer> currentDeferred;

  private record Compiled(Proto proto, Fn fn) {}

  private Compiled lambdaProto(Lambda lam, String name) {
    Fn outer = fn;
    Fn inner = new Fn(outer, Proto.Kind.LAMBDA, file, lam.range());
    inner.name = name;
    fn = inner;
    List<Integer> savedDeferred = currentDeferred;
    currentDeferred = null;
    int s = fn.span(lam.range());
    Param param = lam.param();
    // Slot 0: the argument.
    if (param instanceof IdentParam ip) {
      Fn.Local arg = fn.declare(ip.name(), Fn.Kind.PARAM, ip.range());
      arg.initialised = true;
      fn.adjust(1);
      checkShadow(ip.name(), ip.range());
      compileLambdaBody(lam.body(), name);
    } else if (param instanceof Pattern pat) {
      compilePattern(pat);
      compileLambdaBody(lam.body(), name);
    } else {
      fn.declare("", Fn.Kind.HIDDEN, lam.range()).initialised = true;
      fn.adjust(1);
      compile(lam.body(), Mode.STRICT);
    }
    fn.emit(Op.RETURN, 0);
    fn.restoreSpan(s);
    fn = outer;
    currentDeferred = savedDeferred;
    return new Compiled(inner.build(pos(lam.range())), inner);
  }

  /** A lambda's body; a lambda there gets the same name, as Nix names curried lambdas. */
  private void compileLambdaBody(Expr body, String name) {
    if (name != null && body != null && body.unparenthesized() instanceof Lambda inner) {
      int s = fn.span(body.range());
      compileLambda(inner, name);
      fn.restoreSpan(s);
    } else {
      compile(body, Mode.STRICT);
    }
  }

  /** The prologue of a lambda with formals: checks the argument and binds each formal. */
  private void compilePattern(Pattern pat) {
    String at = pat.bindName();
    List<PatEntry> entries = pat.entries();
    // Duplicate formals (and the @ name among them) are errors, as in Nix.
    List<String> names = new ArrayList<>();
    List<Boolean> defaults = new ArrayList<>();
    List<SourcePos> positions = new ArrayList<>();
    for (PatEntry en : entries) {
      String n = en.name();
      if (names.contains(n) || (at != null && at.equals(n))) {
        error(Diagnostic.Code.DUPLICATE_FORMAL, "duplicate formal function argument '" + n + "'",
            en.range());
        continue;
      }
      names.add(n);
      defaults.add(en.hasDefault());
      positions.add(pos(en.range()));
    }
    fn.formals = new Formals(List.copyOf(names), List.copyOf(defaults), List.copyOf(positions),
        pat.hasEllipsis(), at);
    // Slot 0: the argument, forced to a set and checked.
    Fn.Local arg = fn.declare(at != null ? at : "", at != null ? Fn.Kind.PARAM : Fn.Kind.HIDDEN,
        pat.bindToken() != null ? pat.bindToken().range() : pat.range());
    arg.initialised = true;
    arg.used = true;
    fn.adjust(1);
    fn.emit(Op.LOCAL, 1, 0);
    fn.emit(Op.FORCE, 0);
    fn.emit(Op.SET_SLOT, -1, 0);
    fn.emit(Op.FORMALS_CHECK, 0);
    // Declare every formal first: defaults may refer to any of them.
    List<Fn.Local> locals = new ArrayList<>();
    int slot = fn.depth;
    List<PatEntry> kept = new ArrayList<>();
    Set<String> keptNames = new HashSet<>();
    for (PatEntry en : entries) {
      if (!names.contains(en.name()) || !keptNames.add(en.name())) {
        continue;
      }
      kept.add(en);
      locals.add(fn.declareAt(en.name(), slot++, Fn.Kind.FORMAL, en.range()));
      checkShadow(en.name(), en.token() != null ? en.token().range() : en.range());
    }
    List<Integer> deferred = new ArrayList<>();
    List<Integer> savedDeferred = currentDeferred;
    currentDeferred = deferred;
    for (int i = 0; i < kept.size(); i++) {
      PatEntry en = kept.get(i);
      int nameConst = fn.constant(en.name());
      if (en.hasDefault()) {
        // In the argument: its value, jumping over the default; else the default.
        int jump = fn.emitJump(Op.FORMAL, 0, nameConst);
        compileBinding(en.defaultExpr(), deferred, null);
        fn.patch(jump);
      } else {
        int jump = fn.emitJump(Op.FORMAL, 0, nameConst);
        fn.emit(Op.MISSING_FORMAL, 0, nameConst);
        fn.patch(jump);
        fn.adjust(1);
      }
      locals.get(i).initialised = true;
    }
    for (int s : deferred) {
      fn.emit(Op.FINALISE, 0, s);
    }
    currentDeferred = savedDeferred;
  }

  /**
   * Pushes the value of a binding in a lazy position; in a recursive scope, variables that refer
   * to locals not there yet become thunks (as Nix does) and thunks that capture them are
   * deferred.
   */
  private void compileBinding(Expr e, List<Integer> deferred, String name) {
    Expr inner = e;
    while (inner instanceof Paren p && p.expr() != null) {
      inner = p.expr();
    }
    if (inner instanceof Lambda lam) {
      // Nix makes lambdas thunks too; the thunk is what printing without --strict shows.
      Fn outer = fn;
      Fn thunkFn = new Fn(outer, Proto.Kind.THUNK, file, lam.range());
      fn = thunkFn;
      int s = fn.span(lam.range());
      Compiled c = lambdaProto(lam, name);
      emitMake(c.proto, c.fn, Op.CLOSURE, Op.CLOSURE_DEFER, null);
      fn.emit(Op.RETURN, 0);
      fn.restoreSpan(s);
      fn = outer;
      Proto p = thunkFn.build(pos(lam.range()));
      emitMake(p, thunkFn, Op.THUNK, Op.THUNK_DEFER, deferred);
      return;
    }
    if (inner instanceof Ident id) {
      Fn.Local l = fn.findLocal(id.name());
      if (l != null && !l.initialised) {
        int s = fn.span(id.range());
        compileThunk(inner, deferred);
        fn.restoreSpan(s);
        return;
      }
    }
    List<Integer> saved = currentDeferred;
    currentDeferred = deferred;
    int s = fn.span(e == null ? fn.range : e.range());
    if (e == null) {
      emitFail("syntax error", fn.range);
    } else if (!compileLazyDirect(e)) {
      compileThunk(e, deferred);
    }
    fn.restoreSpan(s);
    currentDeferred = saved;
  }

  private void compileApply(Apply app) {
    List<Expr> args = new ArrayList<>();
    Expr f = app;
    while (f instanceof Apply a) {
      args.add(a.argument());
      f = a.function();
    }
    java.util.Collections.reverse(args);
    int fAt = fn.size;
    compile(f, Mode.STRICT);
    if (args.size() > 1 && fn.constantFrom(fAt) instanceof Builtin b && b.arity >= args.size()) {
      // A builtin (`map f xs`, `builtins.foldl' op 0 xs`): one CALL with all the arguments.
      for (Expr a : args) {
        compile(a, Mode.LAZY);
      }
      int s = fn.span(app.range());
      fn.emit(Op.CALL, -args.size(), args.size());
      fn.restoreSpan(s);
      return;
    }
    // `f a b` is `(f a) b`: one CALL 1 per argument, which the VM runs inline for lambdas
    // (the argument thunks are pure, so making the next one after the call changes nothing).
    for (Expr a : args) {
      compile(a, Mode.LAZY);
      int s = fn.span(app.range());
      fn.emit(Op.CALL, -1, 1);
      fn.restoreSpan(s);
    }
  }

  // ---- variables ----

  /** The result of resolving a name statically. */
  private sealed interface Resolution permits LocalRes, UpvalRes, GlobalRes, WithRes, Undefined {}

  private record LocalRes(Fn.Local local) implements Resolution {}

  private record UpvalRes(int index) implements Resolution {}

  private record GlobalRes(Value value) implements Resolution {}

  private record WithRes(int[] sources) implements Resolution {}

  private record Undefined() implements Resolution {}

  private Resolution resolve(String name) {
    Resolution r = resolveStatic(fn, name);
    if (r != null) {
      return r;
    }
    Value g = options.globals().get(name);
    if (g != null) {
      return new GlobalRes(g);
    }
    int[] sources = withSources(fn);
    if (sources.length > 0) {
      return new WithRes(sources);
    }
    return new Undefined();
  }

  /** A local or upvalue binding {@code name} as seen from {@code f}, or null. */
  private Resolution resolveStatic(Fn f, String name) {
    Fn.Local l = f.findLocal(name);
    if (l != null) {
      l.used = true;
      return new LocalRes(l);
    }
    if (f.parent == null) {
      // The top level: names given by scopedImport.
      for (int i = 0; i < f.captures.size(); i++) {
        Fn.Capture c = f.captures.get(i);
        if (!c.isWith && c.name.equals(name) && c.parentLocal == null) {
          return new UpvalRes(i);
        }
      }
      return null;
    }
    Resolution outer = resolveStatic(f.parent, name);
    if (outer instanceof LocalRes lr) {
      return new UpvalRes(f.capture(name, lr.local.slot << 1, lr.local, false));
    }
    if (outer instanceof UpvalRes ur) {
      return new UpvalRes(f.capture(name, (ur.index << 1) | 1, null, false));
    }
    return null;
  }

  /** Where the with-scopes visible from {@code f} are, innermost first (captured as needed). */
  private int[] withSources(Fn f) {
    List<Integer> out = new ArrayList<>();
    for (int i = f.withs.size() - 1; i >= 0; i--) {
      Fn.Local l = f.withs.get(i);
      l.withUsed = true;
      out.add(l.slot << 1);
    }
    if (f.parent != null) {
      int[] outer = withSources(f.parent);
      for (int src : outer) {
        Fn.Local pl = (src & 1) == 0 ? f.parent.withAt(src >> 1) : null;
        int idx = f.capture("", src, pl, true);
        out.add((idx << 1) | 1);
      }
    }
    int[] a = new int[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  /** Pushes a variable's value; forced when {@code strict}. */
  private void compileVariable(String name, TextRange range, boolean strict) {
    if (name.equals("__curPos")) {
      fn.emit(Op.CONST, 1, fn.constant(curPos(range)));
      return;
    }
    Resolution r = resolve(name);
    emitResolution(r, name, range);
    if (strict && !(r instanceof GlobalRes)) {
      fn.emit(Op.FORCE, 0);
    }
  }

  private void emitResolution(Resolution r, String name, TextRange range) {
    if (r instanceof LocalRes lr) {
      fn.emit(Op.LOCAL, 1, lr.local.slot);
    } else if (r instanceof UpvalRes ur) {
      fn.emit(Op.UPVAL, 1, ur.index);
    } else if (r instanceof GlobalRes gr) {
      fn.emit(Op.CONST, 1, fn.constant(gr.value));
    } else if (r instanceof WithRes wr) {
      fn.emit(Op.WITH_LOOKUP, 1, fn.constant(name), fn.constant(wr.sources));
    } else {
      String suggestion = suggestion(name);
      diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, Diagnostic.Code.UNDEFINED_VARIABLE,
          "undefined variable '" + name + "'", range, suggestion == null ? List.of()
              : List.of(new Diagnostic.Related(range, "did you mean '" + suggestion + "'?"))));
      emitFail("undefined variable '" + name + "'", range);
    }
  }

  /** A variable in a lazy position: its value as it is, or a thunk when it needs a lookup. */
  private boolean compileVariableLazy(Ident id) {
    String name = id.name();
    if (name.equals("__curPos")) {
      fn.emit(Op.CONST, 1, fn.constant(curPos(id.range())));
      return true;
    }
    TextRange range = identRange(id);
    Resolution r = resolve(name);
    if (r instanceof WithRes) {
      // Nix makes a thunk of a variable that comes from a with.
      return false;
    }
    if (r instanceof LocalRes lr && !lr.local.initialised) {
      return false;
    }
    if (r instanceof Undefined) {
      // A thunk that fails when forced, so that the rest of a file with this error still
      // evaluates (for an editor); the error is reported once, when the thunk is compiled.
      return false;
    }
    int s = fn.span(range);
    emitResolution(r, name, range);
    fn.restoreSpan(s);
    return true;
  }

  /**
   * The range Nix gives a variable: its own, except for {@code or} as the argument of an
   * application ({@code f or}), which Nix's grammar places at the start of the application.
   */
  private static TextRange identRange(Ident id) {
    if (id.name().equals("or")) {
      var parent = id.syntax().parent();
      if (parent != null && parent.kind() == org.nix4j.syntax.SyntaxKind.APPLY
          && parent.firstChildNode() != id.syntax()) {
        return TextRange.of(parent.range().start(), id.range().end());
      }
    }
    return id.range();
  }

  /** The name in scope closest to an undefined one, or null (Nix 2.8 suggests nothing). */
  private String suggestion(String name) {
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    int max = Math.max(1, name.length() / 3);
    for (String candidate : visibleNames()) {
      int d = org.nix4j.syntax.Bytes.editDistance(name, candidate, max);
      if (d < bestDist && d <= max) {
        bestDist = d;
        best = candidate;
      }
    }
    return best;
  }

  private List<String> visibleNames() {
    List<String> out = new ArrayList<>();
    for (Fn f = fn; f != null; f = f.parent) {
      for (Fn.Local l : f.locals) {
        if (l.kind != Fn.Kind.WITH && l.kind != Fn.Kind.HIDDEN) {
          out.add(l.name);
        }
      }
    }
    out.addAll(options.outerNames());
    out.addAll(options.globals().keySet());
    return out;
  }

  private Value curPos(TextRange r) {
    var lc = file.lines().lineCol(r.start());
    return NixAttrs.ofSorted(new String[] {"column", "file", "line"},
        new Value[] {NixInt.of(lc.column() + 1), NixString.fromUnicode(file.name()), NixInt.of(lc.line() + 1)},
        null);
  }

  private void checkShadow(String name, TextRange range) {
    if (name.equals("true") || name.equals("false") || name.equals("null")) {
      warning(Diagnostic.Code.SHADOWED_BUILTIN, "this binding shadows the built-in '" + name + "'", range);
    }
  }

  // ---- strings and paths ----

  private void compileString(List<StrPart> parts, TextRange range) {
    if (parts.isEmpty()) {
      fn.emit(Op.CONST, 1, fn.constant(NixString.EMPTY));
      return;
    }
    if (parts.size() == 1 && parts.get(0) instanceof StrPart.Literal l) {
      fn.emit(Op.CONST, 1, fn.constant(NixString.of(l.value())));
      return;
    }
    SourcePos[] positions = new SourcePos[parts.size()];
    for (int n = 0; n < parts.size(); n++) {
      StrPart p = parts.get(n);
      positions[n] = pos(p.range());
      if (p instanceof StrPart.Literal l) {
        fn.emit(Op.CONST, 1, fn.constant(NixString.of(l.value())));
      } else {
        StrPart.Interpolation i = (StrPart.Interpolation) p;
        compile(i.expr(), Mode.STRICT);
        if (mayFailLater(parts, n + 1)) {
          // Nix coerces each part before it evaluates the next one.
          fn.emit(Op.INTERP_PART, 0, fn.constant(positions[n]));
        }
      }
    }
    int s = fn.span(range);
    fn.emit(Op.INTERP, 1 - parts.size(), parts.size(), fn.constant(positions));
    fn.restoreSpan(s);
  }

  /** Whether a part from {@code from} on is an interpolation that could fail as it evaluates. */
  private static boolean mayFailLater(List<StrPart> parts, int from) {
    for (int i = from; i < parts.size(); i++) {
      if (parts.get(i) instanceof StrPart.Interpolation x
          && !(x.expr() instanceof org.nix4j.syntax.ast.Literal)) {
        // A variable too: forcing it may fail, or find a value (a thunk's) that fails.
        return true;
      }
    }
    return false;
  }

  private void compilePath(PathExpr p) {
    List<StrPart> parts = p.parts();
    String text = p.staticText();
    if (text != null) {
      fn.emit(Op.CONST, 1, fn.constant(resolvePath(text, p.isHome(), false)));
      return;
    }
    // An interpolated path: the first piece as a path, then the rest appended (as `+`).
    boolean first = true;
    SourcePos start = pos(p.range());
    for (StrPart part : parts) {
      int operands = fn.constant(new SourcePos[] {start, pos(part.range())});
      if (part instanceof StrPart.Literal l) {
        if (first) {
          fn.emit(Op.CONST, 1, fn.constant(resolvePath(l.value(), p.isHome(), true)));
        } else {
          fn.emit(Op.CONST, 1, fn.constant(NixString.of(l.value())));
          fn.emit(Op.ADD, -1, operands);
        }
      } else {
        StrPart.Interpolation i = (StrPart.Interpolation) part;
        compile(i.expr(), Mode.STRICT);
        if (!first) {
          fn.emit(Op.ADD, -1, operands);
        }
      }
      first = false;
    }
  }

  /**
   * The path value of a path literal's text: relative to the file's directory, to the home
   * directory for {@code ~/}, or absolute; normalised. The first piece of an interpolated path
   * keeps its trailing slash, as in Nix.
   */
  private Value resolvePath(String text, boolean home, boolean keepSlash) {
    String abs;
    if (home) {
      abs = options.home() + text.substring(1);
    } else if (text.startsWith("/")) {
      abs = text;
    } else {
      abs = options.baseDir() + "/" + text;
    }
    String canon = NixPath.canonicalise(abs);
    if (keepSlash && text.endsWith("/") && text.length() > 1 && !canon.endsWith("/")) {
      canon = canon + "/";
    }
    return NixPath.of(canon);
  }

  private void compileSearchPath(SearchPath sp) {
    // <p> means __findFile __nixPath "p", with whatever these names are bound to.
    compileVariable("__findFile", sp.range(), true);
    Resolution r = resolve("__nixPath");
    emitResolution(r, "__nixPath", sp.range());
    fn.emit(Op.CONST, 1, fn.constant(NixString.of(sp.path())));
    fn.emit(Op.CALL, -2, 2);
  }

  // ---- operators ----

  private Value global(String name) {
    return options.globals().get(name);
  }

  /** Whether {@code name} resolves to the global builtin {@code builtinName} (not shadowed). */
  private boolean isGlobalBuiltin(String name) {
    Resolution r = resolveStaticOnly(name);
    if (r != null) {
      return false;
    }
    Value g = global(name);
    return g instanceof Builtin;
  }

  /** A static (local or upvalue) resolution without marking anything; null if none. */
  private Resolution resolveStaticOnly(String name) {
    for (Fn f = fn; f != null; f = f.parent) {
      if (f.findLocal(name) != null) {
        return resolveStatic(fn, name);
      }
      if (f.parent == null) {
        for (Fn.Capture c : f.captures) {
          if (!c.isWith && c.parentLocal == null && c.name.equals(name)) {
            return resolveStatic(fn, name);
          }
        }
      }
    }
    return null;
  }

  /** {@code name a b} where {@code name} is a desugaring target such as {@code __sub}. */
  private void callNamed(String name, TextRange range, Runnable a, Runnable b) {
    compileVariable(name, range, true);
    a.run();
    b.run();
    int s = fn.span(range);
    fn.emit(Op.CALL, -2, 2);
    fn.restoreSpan(s);
  }

  private void compileUnary(UnaryOp u) {
    if (u.operator() == UnaryOperator.NOT) {
      compile(u.operand(), Mode.STRICT);
      fn.emit(Op.NOT, 0);
      return;
    }
    // -x is __sub 0 x.
    if (isGlobalBuiltin("__sub")) {
      fn.emit(Op.CONST, 1, fn.constant(NixInt.of(0)));
      compile(u.operand(), Mode.STRICT);
      fn.emit(Op.SUB, -1);
    } else {
      callNamed("__sub", u.range(), () -> fn.emit(Op.CONST, 1, fn.constant(NixInt.of(0))),
          () -> compile(u.operand(), Mode.LAZY));
    }
  }

  private void compileBinary(BinaryOp b) {
    BinaryOperator op = b.operator();
    Expr l = b.lhs();
    Expr r = b.rhs();
    if (op == null) {
      emitFail("syntax error", b.range());
      return;
    }
    switch (op) {
      case ADD -> {
        compile(l, Mode.STRICT);
        if (r != null && !(r instanceof org.nix4j.syntax.ast.Literal)
            && !(r instanceof org.nix4j.syntax.ast.Ident)) {
          // Nix coerces a left operand that is no number before it evaluates the right one, so
          // that `{ } + f x` fails on the set, whatever f x does. (A constant or a variable on the
          // right is left out: the check would only slow down the commonest additions; the VM
          // checks the left operand when such a variable needs evaluating or a with lookup.)
          fn.emit(Op.ADD_LEFT, 0, fn.constant(pos(l == null ? b.range() : l.range())));
        }
        compile(r, Mode.STRICT);
        fn.emit(Op.ADD, -1, fn.constant(new SourcePos[] {
            pos(l == null ? b.range() : l.range()), pos(r == null ? b.range() : r.range())}));
      }
      case EQ -> strictPair(l, r, Op.EQ);
      case NEQ -> strictPair(l, r, Op.NEQ);
      case CONCAT -> strictPair(l, r, Op.CONCAT);
      case UPDATE -> strictPair(l, r, Op.UPDATE);
      case SUB -> desugared("__sub", l, r, Op.SUB, b.range(), false);
      case MUL -> desugared("__mul", l, r, Op.MUL, b.range(), false);
      case DIV -> desugared("__div", l, r, Op.DIV, b.range(), false);
      case LT -> desugared("__lessThan", l, r, Op.LESS, b.range(), false);
      case GT -> desugared("__lessThan", r, l, Op.LESS, b.range(), false);
      case LEQ -> {
        desugared("__lessThan", r, l, Op.LESS, b.range(), false);
        fn.emit(Op.NOT, 0);
      }
      case GEQ -> {
        desugared("__lessThan", l, r, Op.LESS, b.range(), false);
        fn.emit(Op.NOT, 0);
      }
      case AND -> logic(l, r, Op.AND_JUMP);
      case OR -> logic(l, r, Op.OR_JUMP);
      case IMPL -> logic(l, r, Op.IMPL_JUMP);
      default -> emitFail("unknown operator", b.range());
    }
  }

  private void strictPair(Expr l, Expr r, int op) {
    compile(l, Mode.STRICT);
    compile(r, Mode.STRICT);
    fn.emit(op, -1);
  }

  private void desugared(String name, Expr l, Expr r, int op, TextRange range, boolean unused) {
    if (isGlobalBuiltin(name)) {
      // The builtin forces its arguments itself; Nix evaluates the operands in order.
      compile(l, Mode.STRICT);
      compile(r, Mode.STRICT);
      fn.emit(op, -1);
    } else {
      callNamed(name, range, () -> compile(l, Mode.LAZY), () -> compile(r, Mode.LAZY));
    }
  }

  private void logic(Expr l, Expr r, int jumpOp) {
    compile(l, Mode.STRICT);
    int j = fn.emitJump(jumpOp, 0);
    fn.adjust(-1);
    compile(r, Mode.STRICT);
    fn.emit(Op.ASSERT_BOOL, 0);
    fn.patch(j);
  }

  // ---- select and has-attr ----

  /** A name of an attribute path: static, or compiled to push a forced string. */
  private String staticName(Attr a) {
    return a.staticName();
  }

  private void compileAttrName(Attr a) {
    if (a instanceof DynamicAttr d) {
      compile(d.expr(), Mode.STRICT);
    } else if (a instanceof StrAttr s) {
      Str str = s.string();
      compileString(str.parts(), str.range());
    } else {
      fn.emit(Op.CONST, 1, fn.constant(NixString.of(a.staticName())));
    }
  }

  private void compileSelect(Select s) {
    Attrpath path = s.attrpath();
    List<Attr> attrs = path == null ? List.of() : path.attrs();
    Expr base = s.expr();
    // builtins.foo on the real builtins: the builtin itself.
    if (!s.hasDefault() && attrs.size() == 1 && base instanceof Ident id && id.name().equals("builtins")
        && isGlobalValue("builtins") && attrs.get(0).staticName() != null) {
      Value v = ((NixAttrs) global("builtins")).get(attrs.get(0).staticName());
      if (v != null && !(v instanceof org.nix4j.value.Thunk)) {
        fn.emit(Op.CONST, 1, fn.constant(v));
        return;
      }
    }
    compile(base, Mode.STRICT);
    if (attrs.isEmpty()) {
      return;
    }
    int sp = fn.span(s.range());
    if (!s.hasDefault()) {
      for (int i = 0; i < attrs.size(); i++) {
        Attr a = attrs.get(i);
        String n = staticName(a);
        if (n != null) {
          fn.emit(Op.SELECT, 0, fn.constant(n));
        } else {
          compileAttrName(a);
          fn.emit(Op.SELECT_DYN, -1);
        }
        fn.emit(Op.FORCE, 0);
      }
      fn.restoreSpan(sp);
      return;
    }
    List<Integer> toDefault = new ArrayList<>();
    for (int i = 0; i < attrs.size(); i++) {
      Attr a = attrs.get(i);
      String n = staticName(a);
      if (n != null) {
        toDefault.add(fn.emitJump(Op.SELECT_OR, 0, fn.constant(n)));
      } else {
        compileAttrName(a);
        toDefault.add(fn.emitJump(Op.SELECT_DYN_OR, -1));
      }
      fn.emit(Op.FORCE, 0);
    }
    int toEnd = fn.emitJump(Op.JUMP, 0);
    fn.adjust(-1);
    for (int j : toDefault) {
      fn.patch(j);
    }
    fn.restoreSpan(sp);
    compile(s.defaultExpr(), Mode.STRICT);
    fn.patch(toEnd);
  }

  private boolean isGlobalValue(String name) {
    return resolveStaticOnly(name) == null && global(name) != null;
  }

  private void compileHasAttr(HasAttr h) {
    compile(h.expr(), Mode.STRICT);
    Attrpath path = h.attrpath();
    List<Attr> attrs = path == null ? List.of() : path.attrs();
    if (attrs.isEmpty()) {
      fn.emit(Op.POP, -1);
      fn.emit(Op.CONST, 1, fn.constant(NixBool.FALSE));
      return;
    }
    List<Integer> toFalse = new ArrayList<>();
    for (int i = 0; i < attrs.size() - 1; i++) {
      Attr a = attrs.get(i);
      String n = staticName(a);
      if (n != null) {
        toFalse.add(fn.emitJump(Op.SELECT_OR, 0, fn.constant(n)));
      } else {
        compileAttrName(a);
        toFalse.add(fn.emitJump(Op.SELECT_DYN_OR, -1));
      }
      fn.emit(Op.FORCE, 0);
    }
    Attr last = attrs.get(attrs.size() - 1);
    String n = staticName(last);
    if (n != null) {
      fn.emit(Op.HAS_ATTR, 0, fn.constant(n));
    } else {
      compileAttrName(last);
      fn.emit(Op.HAS_ATTR_DYN, -1);
    }
    if (!toFalse.isEmpty()) {
      int toEnd = fn.emitJump(Op.JUMP, 0);
      fn.adjust(-1);
      for (int j : toFalse) {
        fn.patch(j);
      }
      fn.emit(Op.CONST, 1, fn.constant(NixBool.FALSE));
      fn.patch(toEnd);
    }
  }

  // ---- bindings: attribute sets, let, with ----

  private BindingTree.Node bindings(List<org.nix4j.syntax.ast.Binding> bs, boolean rec, AttrSet literal) {
    BindingTree tree = new BindingTree(new BindingTree.Errors() {
      @Override
      public void duplicate(String shownPath, TextRange at, int previousPos) {
        // The earlier definition as related information (an editor links to it).
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, Diagnostic.Code.DUPLICATE_ATTRIBUTE,
            "attribute '" + shownPath + "' already defined at " + location(previousPos), at,
            List.of(new Diagnostic.Related(TextRange.empty(previousPos), "first defined here"))));
      }

      @Override
      public void dynamicInInherit(TextRange at) {
        error(Diagnostic.Code.DYNAMIC_ATTRIBUTE_IN_INHERIT, "dynamic attributes not allowed in inherit", at);
      }
    });
    return tree.build(bs, rec, literal);
  }

  /**
   * Pushes the set a node stands for. A recursive node first pushes its attributes as locals
   * (a scope its values see), then builds the set from them and drops the scope.
   */
  private void compileAttrsNode(BindingTree.Node node, TextRange range, String unusedName) {
    List<BindingTree.Static> statics = new ArrayList<>(node.statics.values());
    statics.sort(BY_NAME);
    String[] names = new String[statics.size()];
    SourcePos[] positions = new SourcePos[statics.size()];
    for (int i = 0; i < names.length; i++) {
      names[i] = statics.get(i).name;
      positions[i] = pos(TextRange.empty(statics.get(i).pos));
    }
    AttrsShape shape = new AttrsShape(names, positions);
    if (!node.rec) {
      CaptureGroup saved = startGroup(null);
      for (BindingTree.Static s : statics) {
        compileAttrValue(s, null);
      }
      endGroup(saved);
      int sp = fn.span(range);
      fn.emit(Op.ATTRS, 1 - names.length, fn.constant(shape), names.length);
      fn.restoreSpan(sp);
      compileDynamics(node);
      return;
    }
    if (node.statics.containsKey("__overrides")) {
      compileRecWithOverrides(node, statics, shape, range);
      return;
    }
    // rec: the attributes are a recursive scope.
    int base = fn.depth;
    List<Fn.Local> locals = declareRecursive(statics, Fn.Kind.REC, node);
    List<Integer> deferred = new ArrayList<>();
    fillRecursive(statics, locals, deferred);
    for (int i = 0; i < statics.size(); i++) {
      fn.emit(Op.LOCAL, 1, base + i);
    }
    int sp = fn.span(range);
    fn.emit(Op.ATTRS, 1 - names.length, fn.constant(shape), names.length);
    fn.restoreSpan(sp);
    compileDynamics(node);
    boolean anyUsed = false;
    for (Fn.Local l : locals) {
      anyUsed |= l.used;
    }
    if (!anyUsed && node.literal != null && node.literal.isRec() && !statics.isEmpty()) {
      warning(Diagnostic.Code.UNNEEDED_REC, "this `rec` is not needed: no attribute refers to another",
          recKeywordRange(node.literal));
    }
    closeScope(locals);
  }

  /**
   * A rec set with {@code __overrides}: the attributes of the overrides set replace those of
   * the set, also for the other attributes that refer to them, and add new ones. Each attribute
   * is compiled as "the override if there is one, else the definition", and the set is
   * {@code attrs // overrides}, which forces the overrides when the set is built, as Nix does.
   */
  private void compileRecWithOverrides(BindingTree.Node node, List<BindingTree.Static> statics,
      AttrsShape shape, TextRange range) {
    int base = fn.depth;
    List<Fn.Local> locals = declareRecursive(statics, Fn.Kind.REC, node);
    Fn.Local overrides = locals.get(statics.indexOf(node.statics.get("__overrides")));
    List<Integer> deferred = new ArrayList<>();
    CaptureGroup saved = startGroup(deferred);
    for (int i = 0; i < statics.size(); i++) {
      BindingTree.Static st = statics.get(i);
      if (st.name.equals("__overrides")) {
        compileAttrValue(st, deferred);
      } else {
        // A thunk: overrides.NAME if present, else the definition.
        Fn outer = fn;
        Fn inner = new Fn(outer, Proto.Kind.THUNK, file, st.nameRange);
        fn = inner;
        int sp = fn.span(st.nameRange);
        Resolution ov = resolveStatic(fn, "__overrides");
        emitResolution(ov, "__overrides", st.nameRange);
        fn.emit(Op.FORCE, 0);
        int toDefinition = fn.emitJump(Op.SELECT_OR, 0, fn.constant(st.name));
        fn.emit(Op.FORCE, 0);
        int toEnd = fn.emitJump(Op.JUMP, 0);
        fn.adjust(-1);
        fn.patch(toDefinition);
        compileAttrValue(st, null);
        fn.emit(Op.FORCE, 0);
        fn.patch(toEnd);
        fn.restoreSpan(sp);
        fn.emit(Op.RETURN, 0);
        fn = outer;
        emitMake(inner.build(pos(st.nameRange)), inner, Op.THUNK, Op.THUNK_DEFER, deferred);
      }
      locals.get(i).initialised = true;
    }
    endGroup(saved);
    for (int d : deferred) {
      fn.emit(Op.FINALISE, 0, d);
    }
    for (int i = 0; i < statics.size(); i++) {
      fn.emit(Op.LOCAL, 1, base + i);
    }
    int sp = fn.span(range);
    fn.emit(Op.ATTRS, 1 - statics.size(), fn.constant(shape), statics.size());
    fn.emit(Op.LOCAL, 1, overrides.slot);
    fn.emit(Op.FORCE, 0);
    fn.emit(Op.UPDATE, -1);
    fn.restoreSpan(sp);
    compileDynamics(node);
    closeScope(locals);
  }

  private TextRange recKeywordRange(AttrSet set) {
    var t = set.syntax().firstToken(org.nix4j.syntax.SyntaxKind.REC_KW);
    return t != null ? t.range() : set.range();
  }

  /** Drops a scope's locals from under the value on the stack, and from name resolution. */
  private void closeScope(List<Fn.Local> scope) {
    int n = scope.size();
    if (n > 0) {
      fn.emit(Op.CLOSE_SCOPE, -n, n);
    }
    fn.removeLocals(scope);
  }

  private List<Fn.Local> declareRecursive(List<BindingTree.Static> statics, Fn.Kind kind, Object owner) {
    List<Fn.Local> locals = new ArrayList<>();
    int slot = fn.depth;
    boolean[] hidden = new boolean[1];
    for (BindingTree.Static s : statics) {
      Fn.Local l = fn.declareAt(s.name, slot++, kind, s.nameRange);
      l.owner = owner;
      l.hidden = hidden;
      locals.add(l);
      checkShadow(s.name, s.nameRange);
    }
    return locals;
  }

  /** Pushes the values of a recursive scope's attributes in slot order, then finalises. */
  private void fillRecursive(List<BindingTree.Static> statics, List<Fn.Local> locals, List<Integer> deferred) {
    CaptureGroup group = startGroup(deferred);
    for (int i = 0; i < statics.size(); i++) {
      BindingTree.Static s = statics.get(i);
      if (s.value instanceof BindingTree.InheritValue iv && iv.from() == null) {
        // `inherit x;` takes x from the scope around, never from this one (but the source of
        // `inherit (s) x;` is evaluated in this scope, as Nix does).
        List<Fn.Local> saved = hide(locals);
        compileAttrValue(s, deferred);
        unhide(locals, saved);
      } else {
        compileAttrValue(s, deferred);
      }
      locals.get(i).initialised = true;
    }
    endGroup(group);
    for (int s : deferred) {
      fn.emit(Op.FINALISE, 0, s);
    }
  }

  /** Takes a scope's locals out of name resolution (for inherit in a recursive scope). */
  private List<Fn.Local> hide(List<Fn.Local> locals) {
    if (!locals.isEmpty()) {
      locals.get(0).hidden[0] = true;
    }
    return locals;
  }

  private void unhide(List<Fn.Local> locals, List<Fn.Local> before) {
    if (!locals.isEmpty()) {
      locals.get(0).hidden[0] = false;
    }
  }

  private void compileAttrValue(BindingTree.Static s, List<Integer> deferred) {
    int sp = fn.span(s.nameRange);
    try {
      if (s.value instanceof BindingTree.ExprValue ev) {
        compileBinding(ev.expr(), deferred, s.name);
      } else if (s.value instanceof BindingTree.InheritValue iv) {
        if (iv.from() == null) {
          Resolution r = resolve(iv.name());
          if (r instanceof WithRes || (r instanceof LocalRes lr && !lr.local.initialised)) {
            Fn outer = fn;
            Fn inner = new Fn(outer, Proto.Kind.THUNK, file, iv.nameRange());
            fn = inner;
            compileVariable(iv.name(), iv.nameRange(), true);
            fn.emit(Op.RETURN, 0);
            fn = outer;
            emitMake(inner.build(pos(iv.nameRange())), inner, Op.THUNK, Op.THUNK_DEFER, deferred);
          } else {
            emitResolution(r, iv.name(), iv.nameRange());
          }
        } else {
          // inherit (from) name: a thunk of from.name.
          Fn outer = fn;
          Fn inner = new Fn(outer, Proto.Kind.THUNK, file, iv.nameRange());
          fn = inner;
          compile(iv.from(), Mode.STRICT);
          int s2 = fn.span(TextRange.empty(iv.selectAt()));
          fn.emit(Op.SELECT, 0, fn.constant(iv.name()));
          fn.emit(Op.FORCE, 0);
          fn.restoreSpan(s2);
          fn.emit(Op.RETURN, 0);
          fn = outer;
          emitMake(inner.build(pos(iv.nameRange())), inner, Op.THUNK, Op.THUNK_DEFER, deferred);
        }
      } else if (s.value instanceof BindingTree.NestedValue nv) {
        // A nested set is a thunk of its own (as in Nix).
        Fn outer = fn;
        TextRange r = nv.node().literal != null ? nv.node().literal.range() : s.nameRange;
        Fn inner = new Fn(outer, Proto.Kind.THUNK, file, r);
        fn = inner;
        compileAttrsNode(nv.node(), r, s.name);
        fn.emit(Op.RETURN, 0);
        fn = outer;
        emitMake(inner.build(pos(r)), inner, Op.THUNK, Op.THUNK_DEFER, deferred);
      }
    } finally {
      fn.restoreSpan(sp);
    }
  }

  /** Adds the dynamic attributes of a node to the set on the stack. */
  private void compileDynamics(BindingTree.Node node) {
    for (BindingTree.Dynamic d : node.dynamics) {
      compileAttrName(d.attr());
      if (d.value() instanceof BindingTree.ExprValue ev) {
        compileBinding(ev.expr(), null, null);
      } else if (d.value() instanceof BindingTree.NestedValue nv) {
        Fn outer = fn;
        Fn inner = new Fn(outer, Proto.Kind.THUNK, file, d.attr().range());
        fn = inner;
        compileAttrsNode(nv.node(), d.attr().range(), null);
        fn.emit(Op.RETURN, 0);
        fn = outer;
        emitMake(inner.build(pos(d.attr().range())), inner, Op.THUNK, Op.THUNK_DEFER, null);
      }
      int sp = fn.span(d.attr().range());
      fn.emit(Op.DYN_ATTR, -2, fn.constant(pos(TextRange.empty(d.pos()))));
      fn.restoreSpan(sp);
    }
  }

  private void compileLet(LetIn let) {
    BindingTree.Node node = bindings(let.bindings(), true, null);
    if (!node.dynamics.isEmpty()) {
      error(Diagnostic.Code.DYNAMIC_ATTRIBUTE_IN_LET, "dynamic attributes not allowed in let", let.range());
    }
    List<BindingTree.Static> statics = new ArrayList<>(node.statics.values());
    List<Fn.Local> locals = declareRecursive(statics, Fn.Kind.LET, node);
    List<Integer> deferred = new ArrayList<>();
    fillRecursive(statics, locals, deferred);
    compile(let.body(), Mode.STRICT);
    for (Fn.Local l : locals) {
      if (!l.used) {
        warning(Diagnostic.Code.UNUSED_BINDING, "unused let binding '" + l.name + "'", l.range);
      }
    }
    closeScope(locals);
  }

  private void compileLegacyLet(LegacyLet let) {
    warning(Diagnostic.Code.DEPRECATED_LEGACY_LET,
        "`let { … }` is deprecated; write `let … in …`", let.range());
    BindingTree.Node node = bindings(let.bindings(), true, null);
    compileAttrsNode(node, let.range(), null);
    fn.emit(Op.SELECT, 0, fn.constant("body"));
    fn.emit(Op.FORCE, 0);
  }

  private void compileWith(With w) {
    compile(w.namespace(), Mode.LAZY);
    Fn.Local scope = new Fn.Local("", fn.depth - 1, Fn.Kind.WITH, w.range());
    scope.initialised = true;
    fn.add(scope);
    compile(w.body(), Mode.STRICT);
    if (!scope.withUsed) {
      var kw = w.syntax().firstToken(org.nix4j.syntax.SyntaxKind.WITH_KW);
      warning(Diagnostic.Code.UNUSED_WITH, "unused `with`: no variable is looked up in it",
          kw != null ? kw.range() : w.range());
    }
    closeScope(List.of(scope));
  }

  // ---- assert messages ----

  /** The condition as Nix shows it in {@code assertion '...' failed}: its parsed expression. */
  private String assertMessage(Expr cond) {
    if (cond == null) {
      return "";
    }
    return NixShow.show(cond, options.baseDir(), options.home());
  }

  /** For tests and tools: the slots a name resolves to are not exposed; this keeps javac quiet. */
  static String describe(int[] a) {
    return Arrays.toString(a);
  }

  static boolean isNull(Value v) {
    return v == NixNull.NULL;
  }

  static Map<String, Value> globalsOf(CompileOptions o) {
    return o.globals();
  }
}
