package org.nix4j.eval;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.builtins.Args;
import org.nix4j.builtins.Registry;
import org.nix4j.bytecode.Proto;
import org.nix4j.io.EvalIO;
import org.nix4j.io.EvalIOException;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;
import org.nix4j.builtins.Primop;

/**
 * The builtins that need the evaluator itself: {@code import}, {@code scopedImport}, the search
 * path ({@code findFile}, {@code nixPath}), reading files and the environment through the
 * evaluator's I/O, and the constants of its options.
 */
final class EvaluatorBuiltins {
  private EvaluatorBuiltins() {}

  /** Where {@code <nix/…>} resolves when the search path has no {@code nix} entry. */
  static final String CORE_PKGS = "/__corepkgs__/";

  static void register(Registry r, Evaluator ev) {
    r.defGlobal("import", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new Import(ev, null, a[0]));
      }
    });
    r.defGlobal("scopedImport", 2, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new Import(ev, a[0], a[1]));
      }
    });
    r.def("findFile", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new FindFile(ev, a[0], a[1]));
      }
    });
    r.constant("nixPath", nixPath(ev.options().searchPath), false);
    r.constant("currentSystem", NixString.of(ev.options().currentSystem), false);
    r.constant("storeDir", NixString.of(ev.options().storeDir), false);
    r.def("getEnv", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixString.of(ev.io().getEnv(Args.toStr(a[0]).bytes).orElse(""));
      }
    });
    r.constant("currentTime", NixInt.of(ev.io().currentTime()), false);
  }

  static Value nixPath(SearchPath sp) {
    List<Value> items = new ArrayList<>();
    for (SearchPath.Entry e : sp.entries()) {
      items.add(NixAttrs.ofSorted(new String[] {"path", "prefix"},
          new Value[] {NixString.of(e.path()), NixString.of(e.prefix())}, null));
    }
    return NixList.wrap(items.toArray(new Value[0]));
  }

  /** A path argument of a builtin: a path, or a string that is an absolute path. */
  static String absolutePath(Value coerced) {
    if (coerced instanceof NixPath p) {
      return p.path;
    }
    String s = ((NixString) coerced).bytes;
    if (!s.startsWith("/")) {
      throw NixError.eval("string '" + s + "' doesn't represent an absolute path");
    }
    return NixPath.canonicalise(s);
  }

  /** {@code import path} and {@code scopedImport attrs path}. */
  static final class Import extends Generator {
    private final Evaluator ev;
    private final Value scope;
    private final Value arg;
    private int state;

    Import(Evaluator ev, Value scope, Value arg) {
      this.ev = ev;
      this.scope = scope;
      this.arg = arg;
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      if (state == 1 || state == 2) {
        // Forcing or coercing the path: traced at the call, as Nix's realisePath does.
        error.traceAtCall(Steps.COERCE_PATH_TRACE);
      }
      return null;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      switch (state) {
        case 0:
          state = 1;
          in = vm.force(arg);
          if (in == null) {
            return null;
          }
          // fall through
        case 1:
          state = 2;
          if (!(in instanceof NixPath)) {
            in = vm.coerceToString(in, Coerce.Mode.APPEND_TO_PATH);
            if (in == null) {
              return null;
            }
          }
          // fall through
        case 2: {
          state = 3;
          String abs;
          try {
            abs = absolutePath(in);
          } catch (NixError e) {
            throw e.traceAtCall(Steps.COERCE_PATH_TRACE);
          }
          if (in instanceof NixString s) {
            // The store paths the path refers to must be valid (and outputs built), as in Nix.
            ev.evalStore().realiseContextOf(abs, s.context);
          }
          String path = ev.resolveImportPath(abs);
          Thunk t;
          if (scope == null) {
            t = ev.importThunk(path);
          } else {
            NixAttrs attrs = Args.toAttrs(scope);
            List<String> names = List.of(attrs.names());
            Proto proto = ev.compileFile(path, names);
            t = new Thunk(proto, attrs.values().clone());
          }
          in = vm.force(t);
          if (in == null) {
            return null;
          }
          return in;
        }
        default:
          return in;
      }
    }
  }

  /** {@code builtins.findFile searchPath name}, and so {@code <name>}. */
  static final class FindFile extends Generator {
    private final Evaluator ev;
    private final NixList entries;
    private final String name;
    private int i;
    private int state;
    private NixAttrs entry;
    private String prefix;

    FindFile(Evaluator ev, Value searchPath, Value name) {
      this.ev = ev;
      this.entries = Args.toList(searchPath);
      this.name = Args.toStr(name).bytes;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case 0 -> {
            if (i == entries.size()) {
              if (name.startsWith("nix/")) {
                return NixPath.of(CORE_PKGS + name.substring(4));
              }
              throw new NixError(NixError.Kind.THROW, "file '" + name
                  + "' was not found in the Nix search path (add it using $NIX_PATH or -I)");
            }
            state = 1;
            in = vm.force(entries.get(i));
            if (in == null) {
              return null;
            }
          }
          case 1 -> {
            entry = Args.toAttrs(in);
            Value p = entry.get("prefix");
            state = 2;
            if (p == null) {
              in = NixString.EMPTY;
            } else {
              in = vm.force(p);
              if (in == null) {
                return null;
              }
            }
          }
          case 2 -> {
            prefix = Args.toStr(in).bytes;
            Value p = entry.get("path");
            if (p == null) {
              throw NixError.eval("attribute 'path' missing for call to 'findFile'");
            }
            state = 3;
            in = vm.coerceToString(p, Coerce.Mode.APPEND_TO_PATH);
            if (in == null) {
              return null;
            }
          }
          case 3 -> {
            String path = ((NixString) in).bytes;
            state = 0;
            i++;
            String suffix;
            if (prefix.isEmpty()) {
              suffix = "/" + name;
            } else {
              int s = prefix.length();
              if (!name.startsWith(prefix) || (name.length() > s && name.charAt(s) != '/')) {
                continue;
              }
              suffix = name.length() == s ? "" : "/" + name.substring(s + 1);
            }
            String candidate = path + suffix;
            if (ev.io().pathExists(candidate)) {
              return NixPath.of(NixPath.canonicalise(candidate));
            }
          }
          default -> throw new IllegalStateException();
        }
      }
    }
  }

  static boolean isFile(EvalIO io, String path) {
    try {
      return io.fileType(path).orElse(null) == EvalIO.FileType.REGULAR;
    } catch (EvalIOException e) {
      return false;
    }
  }

  static Value bool(boolean b) {
    return NixBool.of(b);
  }

  static SourcePos none() {
    return null;
  }
}
