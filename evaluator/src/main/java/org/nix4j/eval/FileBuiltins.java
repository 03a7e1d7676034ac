package org.nix4j.eval;

import static org.nix4j.builtins.Registry.allStrict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.nix4j.builtins.Args;
import org.nix4j.builtins.Primop;
import org.nix4j.builtins.Registry;
import org.nix4j.builtins.Then;
import org.nix4j.io.EvalIO;
import org.nix4j.io.EvalIOException;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.PathImport;
import org.nix4j.store.PathInfo;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StorePath;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.nar.FilterQuery;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The builtins that read files or add them to the store (Nix 2.8): {@code readFile},
 * {@code readDir}, {@code pathExists}, {@code hashFile}, {@code toPath}, {@code storePath},
 * {@code toFile}, {@code path} and {@code filterSource}. Paths are read through the evaluator's
 * I/O with nix4j's store in it, after their context is realised (a store path that was only
 * computed in read-only mode "is not valid", as in Nix).
 */
final class FileBuiltins {
  private FileBuiltins() {}

  static void register(Registry r, Evaluator ev) {
    EvalStore st = ev.evalStore();
    r.def("readFile", 1, 0, new OnRealisedPath() {
      @Override
      public Value apply(String path, NixContext ctx) {
        return readFile(st, path, ctx);
      }
    });
    r.def("readDir", 1, 0, new OnRealisedPath() {
      @Override
      public Value apply(String path, NixContext ctx) {
        return readDir(st, path, ctx);
      }
    });
    r.def("pathExists", 1, 0, new OnRealisedPath() {
      @Override
      public Value apply(String path, NixContext ctx) {
        return pathExists(st, path, ctx);
      }
    });
    r.def("hashFile", 2, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        HashAlgorithm algo = HashAlgorithm.lookup(Steps.stringNoContext(a[0])).orElseThrow(
            () -> NixError.usage("unknown hash algorithm '" + ((NixString) a[0]).bytes + "'"));
        return Steps.realisePath(vm, a[1], (path, ctx) -> {
          st.realiseContextOf(path, ctx);
          return NixString.of(hashFile(st, path, algo).toBase16());
        });
      }
    });
    r.def("toPath", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return Steps.coercePath(vm, a[0],
          (path, ctx) -> NixString.of(NixPath.canonicalise(path), ctx));
      }
    });
    r.def("storePath", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return Steps.coercePath(vm, a[0], (path, ctx) -> storePath(st, path, ctx));
      }
    });
    r.def("toFile", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return toFile(st, Steps.stringNoContext(a[0]), a[1]);
      }
    });
    r.def("path", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new PathGen(st, Args.toAttrs(a[0])));
      }
    });
    r.def("filterSource", 2, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return Steps.coercePath(vm, a[1], (path, ctx) ->
          Then.force(vm, a[0], f -> {
            if (!isFunction(f)) {
              throw NixError.eval("first argument in call to 'filterSource' is not a function but "
                  + f.describe());
            }
            return vm.push(new AddPath(st, baseNameOf(path), path, f, FileIngestionMethod.RECURSIVE,
                null, ctx));
          }));
      }
    });
  }

  static boolean isFunction(Value v) {
    return v instanceof Closure || v instanceof Builtin || v instanceof PrimOpApp;
  }

  /** Nix's {@code baseNameOf} of a path string: the last component, a trailing slash ignored. */
  static String baseNameOf(String path) {
    int end = path.length();
    if (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    int slash = path.lastIndexOf('/', end - 1);
    return path.substring(slash + 1, end);
  }

  /** Reads a whole file through the evaluation's I/O, with Nix's messages. */
  static String read(EvalStore st, String path) {
    try {
      return st.files().readFile(path);
    } catch (EvalIOException e) {
      throw NixError.io(e.getMessage());
    }
  }

  /** The hash of a file's contents, streamed when the path is canonical (big files stay out of memory). */
  static Hash hashFile(EvalStore st, String path, HashAlgorithm algo) {
    if (!NixPath.canonicalise(path).equals(path)) {
      return Hash.hashBytes(algo, read(st, path));
    }
    try {
      org.nix4j.io.fs.FileTree tree = st.files().tree();
      org.nix4j.io.fs.FileInfo info = tree.stat(path);
      if (info == null) {
        throw NixError.io("opening file '" + path + "': No such file or directory");
      }
      if (info.type() == org.nix4j.io.fs.FileType.DIRECTORY) {
        throw NixError.io("reading from file: Is a directory");
      }
      org.nix4j.store.hash.HashSink sink = new org.nix4j.store.hash.HashSink(algo);
      try (java.io.InputStream in = tree.openFile(path)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          sink.write(buf, 0, n);
        }
      }
      return sink.finish();
    } catch (IOException e) {
      throw NixError.io("opening file '" + path + "': " + (e instanceof java.nio.file.NoSuchFileException
          ? "No such file or directory" : e.getMessage()));
    } catch (EvalIOException e) {
      throw NixError.io(e.getMessage());
    }
  }

  // -----------------------------------------------------------------------------------------

  /**
   * The body of a builtin that reads its argument's path (readFile, readDir, pathExists): the
   * path is realised ({@link Steps#realisePath}), then given to {@link #apply(String,
   * NixContext)}. The body is its own continuation, so a call makes no object for it.
   */
  private abstract static class OnRealisedPath
      implements Primop.Body, BiFunction<String, NixContext, Value> {
    @Override
    public Value apply(Vm vm, Value[] a) {
      return Steps.realisePath(vm, a[0], this);
    }
  }

  private static Value readFile(EvalStore st, String path, NixContext ctx) {
    st.realiseContextOf(path, ctx);
    String s = read(st, path);
    if (s.indexOf('\0') >= 0) {
      throw NixError.eval("the contents of the file '" + path + "' cannot be represented as a Nix string");
    }
    // Nix 2.8 gives no context, even for a file in a store path that has references.
    return NixString.of(s);
  }

  private static Value readDir(EvalStore st, String path, NixContext ctx) {
    st.realiseContextOf(path, ctx);
    List<EvalIO.DirEntry> entries;
    try {
      entries = st.files().readDir(path);
    } catch (EvalIOException e) {
      throw NixError.io(e.getMessage());
    }
    String[] names = new String[entries.size()];
    Value[] values = new Value[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = entries.get(i).name();
      values[i] = NixString.of(entries.get(i).type().nixName);
    }
    return NixAttrs.ofSorted(names, values, null);
  }

  /**
   * {@code pathExists}: whether {@code lstat} succeeds (so a broken symlink exists); a trailing
   * slash requires a directory (following a symlink). Paths the sandbox hides do not exist.
   */
  private static Value pathExists(EvalStore st, String path, NixContext ctx) {
    st.realiseContextOf(path, ctx);
    EvalIO io = st.files();
    try {
      int end = path.length();
      while (end > 1 && path.charAt(end - 1) == '/') {
        end--;
      }
      if (end == path.length()) {
        return NixBool.of(io.fileType(path).isPresent());
      }
      String p = path.substring(0, end);
      Optional<EvalIO.FileType> t = io.fileType(p);
      if (t.isEmpty()) {
        return NixBool.FALSE;
      }
      if (t.get() == EvalIO.FileType.DIRECTORY) {
        return NixBool.TRUE;
      }
      if (t.get() != EvalIO.FileType.SYMLINK || !io.pathExists(p)) {
        return NixBool.FALSE;
      }
      try {
        io.readDir(p);
        return NixBool.TRUE;
      } catch (EvalIOException e) {
        return NixBool.FALSE;
      }
    } catch (EvalIOException e) {
      return NixBool.FALSE;
    }
  }

  /** {@code storePath}: a path in the store (symlinks outside the store resolved first). */
  private static Value storePath(EvalStore st, String path, NixContext ctx) {
    StoreDir dir = st.dir();
    if (!dir.isStorePath(path)) {
      path = resolveSymlinks(st, path);
    }
    if (!dir.isInStore(path)) {
      throw NixError.eval("path '" + path + "' is not in the Nix store");
    }
    StorePath sp;
    try {
      sp = dir.containing(path);
    } catch (RuntimeException e) {
      throw EvalStore.convert(e);
    }
    if (!st.readOnly() && !st.isValid(sp)) {
      throw NixError.io("path '" + dir.print(sp) + "' does not exist and cannot be created");
    }
    return NixString.of(path, ctx.union(NixContext.of(dir.print(sp))));
  }

  /**
   * Nix's {@code canonPath(path, true)}: the path with {@code .}, {@code ..} and every symlink
   * resolved; each prefix must exist ({@code getting status of 'X': No such file or
   * directory}). The store directory and its parents exist even when only nix4j's store holds
   * paths.
   */
  static String resolveSymlinks(EvalStore st, String path) {
    EvalIO io = st.files();
    String storeDir = st.dir().path();
    List<String> todo = new ArrayList<>(List.of(path.split("/")));
    java.util.Collections.reverse(todo);
    StringBuilder out = new StringBuilder();
    int links = 0;
    boolean underFile = false;
    while (!todo.isEmpty()) {
      String c = todo.remove(todo.size() - 1);
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
        underFile = false;
        continue;
      }
      int mark = out.length();
      out.append('/').append(c);
      String cur = out.toString();
      if (underFile) {
        throw NixError.io("getting status of '" + cur + "': Not a directory");
      }
      Optional<EvalIO.FileType> t;
      try {
        t = io.fileType(cur);
      } catch (EvalIOException e) {
        throw NixError.io(e.getMessage());
      }
      if (t.isEmpty()) {
        if (storeDir.equals(cur) || storeDir.startsWith(cur + "/")) {
          continue;
        }
        throw NixError.io("getting status of '" + cur + "': No such file or directory");
      }
      underFile = t.get() == EvalIO.FileType.REGULAR;
      if (t.get() == EvalIO.FileType.SYMLINK) {
        if (++links > 1024) {
          throw NixError.io("infinite symlink recursion in path '" + path + "'");
        }
        String target = io.readLink(cur);
        out.setLength(target.startsWith("/") ? 0 : mark);
        List<String> parts = new ArrayList<>(List.of(target.split("/")));
        java.util.Collections.reverse(parts);
        todo.addAll(parts);
      }
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  /** {@code toFile name contents}: a text file in the store; it may refer to plain store paths only. */
  private static Value toFile(EvalStore st, String name, Value contents) {
    NixString s = Args.toStr(contents);
    TreeSet<StorePath> refs = new TreeSet<>();
    for (String e : s.context.elements()) {
      if (e.charAt(0) != '/') {
        throw NixError.eval("in 'toFile': the file named '" + name + "' must not contain a reference"
            + " to a derivation but contains (" + e + ")");
      }
      refs.add(st.parse(e));
    }
    String p = st.print(st.addText(name, s.bytes, refs));
    return NixString.of(p, NixContext.of(p));
  }

  // -----------------------------------------------------------------------------------------

  /** {@code builtins.path { path; name ? ; filter ? ; recursive ? ; sha256 ? ; }}. */
  private static final class PathGen extends Generator {
    private final EvalStore st;
    private final NixAttrs args;
    private int i;
    private int state;
    private String path;
    private String name = "";
    private Value filter;
    private FileIngestionMethod method = FileIngestionMethod.RECURSIVE;
    private Hash expected;
    private NixContext context = NixContext.EMPTY;

    PathGen(EvalStore st, NixAttrs args) {
      this.st = st;
      this.args = args;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        if (state == 2) {
          return in;
        }
        if (state == 1) {
          accept(in);
          i++;
          state = 0;
        }
        if (i == args.size()) {
          break;
        }
        String n = args.nameAt(i);
        Value v = args.valueAt(i);
        state = 1;
        in = switch (n) {
          case "path" -> vm.coerceToString(v, org.nix4j.vm.Coerce.Mode.APPEND_TO_PATH);
          case "name", "filter", "recursive", "sha256" -> vm.force(v);
          default -> throw NixError.eval("unsupported argument '" + n + "' to 'addPath'")
              .at(args.positionAt(i)); // at the attribute, as Nix
        };
        if (in == null) {
          return null;
        }
      }
      if (path == null) {
        throw NixError.eval("'path' required");
      }
      if (name.isEmpty()) {
        name = baseNameOf(path);
      }
      state = 2;
      return vm.push(new AddPath(st, name, path, filter, method, expected, context));
    }

    private void accept(Value in) {
      switch (args.nameAt(i)) {
        case "path" -> {
          NixString s = (NixString) in;
          path = Steps.absolute(s.bytes);
          context = context.union(s.context);
        }
        case "name" -> name = Steps.stringNoContext(in);
        case "filter" -> filter = in;
        case "recursive" -> method = Args.toBool(in) ? FileIngestionMethod.RECURSIVE : FileIngestionMethod.FLAT;
        case "sha256" -> expected = parseHash(st, Steps.stringNoContext(in));
        default -> throw new IllegalStateException();
      }
    }
  }

  static Hash parseHash(EvalStore st, String s) {
    try {
      return Hash.parseAllowEmpty(s, HashAlgorithm.SHA256, st.warnings());
    } catch (RuntimeException e) {
      throw EvalStore.convert(e);
    }
  }

  /**
   * Nix's {@code addPath}: copies {@code path} to the store as {@code name}, asking the filter
   * (a Nix function of the path string and the type) about every entry below the top; with an
   * expected hash, a valid path of that hash is taken as it is and a different result is an
   * error.
   */
  static final class AddPath extends Generator {
    private final EvalStore st;
    private final String name;
    private final String path;
    private final Value filter;
    private final FileIngestionMethod method;
    private final Hash expected;
    private final NixContext context;
    private PathImport imp;
    private StorePath expectedPath;

    AddPath(EvalStore st, String name, String path, Value filter, FileIngestionMethod method,
        Hash expected, NixContext context) {
      this.st = st;
      this.name = name;
      this.path = path;
      this.filter = filter;
      this.method = method;
      this.expected = expected;
      this.context = context;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      try {
        if (imp == null) {
          st.realiseContext(context);
          if (expected != null) {
            expectedPath = st.dir().makeFixedOutputPath(method, expected, name);
            if (st.isValid(expectedPath)) {
              return result(expectedPath);
            }
          }
          String p = NixPath.canonicalise(path);
          imp = st.beginImport(p, name, method, true);
        } else {
          imp.answer(Args.toBool(in));
        }
        for (FilterQuery q; (q = imp.next()) != null; ) {
          if (filter == null) {
            st.checkCancelled();
            imp.answer(true);
            continue;
          }
          in = vm.call(filter, NixString.of(q.path()), NixString.of(q.type().nixName()));
          if (in == null) {
            return null;
          }
          imp.answer(Args.toBool(in));
        }
        PathInfo info = imp.finish();
        if (expectedPath != null && !expectedPath.equals(info.path())) {
          throw NixError.io("store path mismatch in (possibly filtered) path added from '" + path + "'");
        }
        return result(info.path());
      } catch (IOException e) {
        close();
        throw EvalStore.ioError(e);
      } catch (RuntimeException e) {
        close();
        throw EvalStore.convert(e);
      }
    }

    private Value result(StorePath p) {
      String s = st.print(p);
      return NixString.of(s, NixContext.of(s));
    }

    private void close() {
      if (imp != null) {
        imp.abort();
      }
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      close();
      return null;
    }

    @Override
    public String traceMessage() {
      return "while adding path '" + path + "'";
    }
  }
}
