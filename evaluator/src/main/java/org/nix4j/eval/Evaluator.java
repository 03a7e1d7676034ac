package org.nix4j.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nix4j.builtins.Builtins;
import org.nix4j.builtins.Registry;
import org.nix4j.builtins.TraceSink;
import org.nix4j.bytecode.Proto;
import org.nix4j.compiler.CompileOptions;
import org.nix4j.compiler.CompileResult;
import org.nix4j.compiler.Compiler;
import org.nix4j.compiler.Diagnostic;
import org.nix4j.io.EvalIO;
import org.nix4j.io.EvalIOException;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.NixPath;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.EvalHost;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The Nix language as a whole: reads, parses, compiles and runs files and expressions with the
 * builtins, the search path, the import cache and the I/O it was given. One evaluator runs on
 * one thread at a time; its values (thunks) belong to it.
 */
public final class Evaluator implements EvalHost, TraceSink {
  private final EvalOptions options;
  private final Builtins builtins;
  private final Vm vm;
  /** Files imported so far, by canonical path: each is a thunk of the file's value. */
  private final Map<String, Thunk> importCache = new HashMap<>();
  private final String home;
  /** nix4j's store and the files seen through it. */
  private final EvalStore store;

  public Evaluator(EvalOptions options) {
    this(options, null);
  }

  public Evaluator(EvalOptions options, org.nix4j.vm.Budget budget) {
    this.options = options;
    // Anonymous classes rather than lambdas here and in the builtins' registration: each lambda
    // is linked through method handles when first evaluated, which made building the builtins
    // of a short-lived process several times slower.
    this.store = new EvalStore(options, new java.util.function.BooleanSupplier() {
      @Override
      public boolean getAsBoolean() {
        return cancelled();
      }
    });
    Consumer<Registry> ownThemes = new Consumer<>() {
      @Override
      public void accept(Registry r) {
        EvaluatorBuiltins.register(r, Evaluator.this);
        FileBuiltins.register(r, Evaluator.this);
        DerivationBuiltins.register(r, Evaluator.this);
        FetchBuiltins.register(r, Evaluator.this);
      }
    };
    this.builtins = new Builtins(List.of(ownThemes));
    this.vm = new Vm(this, budget);
    if (options.observer != null) {
      vm.setObserver(options.observer);
    }
    String h = options.home;
    if (h == null) {
      h = options.io.getEnv("HOME").orElse("/homeless-shelter");
    }
    this.home = h;
  }

  public EvalOptions options() {
    return options;
  }

  /** The I/O of the evaluation: the options' I/O with the store paths of {@link #store()} in it. */
  public EvalIO io() {
    return store.files();
  }

  /** nix4j's store: what evaluation added (or would add, in read-only mode). */
  public org.nix4j.store.Store store() {
    return store.store();
  }

  EvalStore evalStore() {
    return store;
  }

  public Builtins builtins() {
    return builtins;
  }

  public Vm vm() {
    return vm;
  }

  // -----------------------------------------------------------------------------------------
  // Compiling.

  /** Compiles a source text; relative paths in it resolve against {@code baseDir}. */
  public CompileResult compile(SourceFile file, String baseDir, List<String> outerNames) {
    CompileOptions opts = new CompileOptions(builtins.globals(), outerNames, baseDir, home);
    CompileResult r = Compiler.compile(file, opts);
    if (options.compileListener != null) {
      options.compileListener.accept(file.name(), r.proto());
    }
    return r;
  }

  /**
   * The error a compile result fails with, as Nix reports a file that does not parse or bind:
   * the error Nix would find first, in Nix's words (Bison's for a syntax error).
   */
  public static NixError compileError(CompileResult r) {
    Diagnostic d = r.nixError();
    return new NixError(NixError.Kind.EVAL, d.nixMessage(),
        new SourcePos(r.file(), d.range().start(), d.range().end()));
  }

  // -----------------------------------------------------------------------------------------
  // Evaluating.

  /** Evaluates an expression to weak head normal form; relative paths resolve against baseDir. */
  public Value evalString(String text, String baseDir) {
    SourceFile file = SourceFile.ofString(text);
    CompileResult r = compile(file, baseDir, List.of());
    if (r.hasErrors()) {
      throw compileError(r);
    }
    return vm.runTop(r.proto());
  }

  /** A thunk of an expression (compiled now; errors thrown now). */
  public Thunk evalStringThunk(String text, String baseDir) {
    SourceFile file = SourceFile.ofString(text);
    CompileResult r = compile(file, baseDir, List.of());
    if (r.hasErrors()) {
      throw compileError(r);
    }
    return new Thunk(r.proto(), new Value[0]);
  }

  /** Evaluates a file to weak head normal form, as {@code import} does (cached). */
  public Value evalFile(String path) {
    return vm.forceValue(importThunk(resolveImportPath(path)));
  }

  /**
   * The file {@code import path} reads: {@code path/default.nix} for a directory. Fails like
   * Nix when the path does not exist.
   */
  public String resolveImportPath(String path) {
    if (CorePkgs.source(path) != null) {
      return path;
    }
    EvalIO io = io();
    var type = io.fileType(path);
    if (type.isEmpty()) {
      throw NixError.io("getting status of '" + path + "': No such file or directory");
    }
    if (type.get() == EvalIO.FileType.DIRECTORY
        || (type.get() == EvalIO.FileType.SYMLINK && isDirectory(path))) {
      return path.endsWith("/") ? path + "default.nix" : path + "/default.nix";
    }
    return path;
  }

  private boolean isDirectory(String path) {
    try {
      io().readDir(path);
      return true;
    } catch (EvalIOException e) {
      return false;
    }
  }

  /**
   * The thunk of a file's value, from the import cache or made now: the file is read and
   * compiled at once (errors are thrown), and evaluated when the thunk is forced.
   */
  public Thunk importThunk(String path) {
    String key = io().canonicalPath(path);
    Thunk t = importCache.get(key);
    if (t != null) {
      return t;
    }
    Proto proto = compileFile(path, List.of());
    t = new Thunk(proto, new Value[0]);
    importCache.put(key, t);
    return t;
  }

  /** Reads and compiles a file; throws the first syntax or compile error. */
  public Proto compileFile(String path, List<String> outerNames) {
    String text = CorePkgs.source(path);
    try {
      if (text == null) {
        text = io().readFile(path);
      }
    } catch (EvalIOException e) {
      throw NixError.io(e.getMessage());
    }
    SourceFile file = CorePkgs.source(path) != null
        ? SourceFile.named(CorePkgs.SOURCE_NAME, text)
        : SourceFile.ofFile(org.nix4j.io.RealIO.toPath(path), text);
    CompileResult r = compile(file, dirOf(path), outerNames);
    if (r.hasErrors()) {
      throw compileError(r);
    }
    return r.proto();
  }

  /** The directory part of an absolute byte-string path. */
  public static String dirOf(String path) {
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      return "/";
    }
    return path.substring(0, slash);
  }

  // -----------------------------------------------------------------------------------------
  // EvalHost.

  /** {@code builtins.trace}: the traced text to {@link EvalOptions#traceSink}, else to stderr. */
  @Override
  public void trace(Value value, String text) {
    Consumer<String> sink = options.traceSink;
    if (sink != null) {
      sink.accept(text);
    } else {
      TraceSink.STDERR.trace(value, text);
    }
  }

  @Override
  public String copyPathToStore(String path) {
    return store.copyPathToStore(path);
  }

  /** Whether the evaluation was cancelled through its budget. */
  private boolean cancelled() {
    return vm != null && vm.budget().isCancelled();
  }

  /** The home directory for {@code ~/} paths. */
  public String home() {
    return home;
  }

  /** The value of a path literal {@code p} relative to {@code baseDir}. */
  public static NixPath pathValue(String baseDir, String p) {
    String abs = p.startsWith("/") ? p : baseDir + "/" + p;
    return NixPath.of(NixPath.canonicalise(abs));
  }
}
