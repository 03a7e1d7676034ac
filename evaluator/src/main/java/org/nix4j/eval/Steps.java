package org.nix4j.eval;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Continuations for the builtins of this package: "force this, then go on", "coerce this to a
 * string, then go on", "coerce this to a path, then go on". When the answer is known at once the
 * continuation runs directly; otherwise a small generator waits for the VM's answer first. A
 * continuation may itself push frames and return null: their result is then the builtin's.
 */
final class Steps {
  private Steps() {}

  /** Forces {@code v}, then applies {@code k}. */
  static Value force(Vm vm, Value v, Function<Value, Value> k) {
    if (v instanceof Thunk t) {
      Value done = t.valueOrNull();
      if (done == null) {
        return vm.push(new Then(v, null, k));
      }
      v = done;
    }
    return k.apply(v);
  }

  /** Coerces {@code v} to a string as {@code mode} says, then applies {@code k}. */
  static Value coerce(Vm vm, Value v, Coerce.Mode mode, Function<NixString, Value> k) {
    if (v instanceof Thunk t && t.valueOrNull() != null) {
      v = t.valueOrNull();
    }
    if (v instanceof NixString s) {
      return k.apply(s);
    }
    return vm.push(Then.coercing(v, mode, k));
  }

  /**
   * Nix's {@code coerceToPath}: coerces without copying to the store and requires an absolute
   * path ({@code string 'x' doesn't represent an absolute path}); {@code k} gets the path (not
   * canonicalised, as in Nix, unless it was a path value) and the string's context.
   */
  static Value coercePath(Vm vm, Value v, BiFunction<String, NixContext, Value> k) {
    return coercePath(vm, v, null, k);
  }

  /**
   * {@link #coercePath} as Nix's {@code realisePath} does it, for the builtins that read the path
   * (readFile, readDir, pathExists, hashFile): the errors of the coercion are traced at the call.
   */
  static Value realisePath(Vm vm, Value v, BiFunction<String, NixContext, Value> k) {
    return coercePath(vm, v, COERCE_PATH_TRACE, k);
  }

  private static Value coercePath(Vm vm, Value v, String trace,
      BiFunction<String, NixContext, Value> k) {
    if (v instanceof Thunk t && t.valueOrNull() != null) {
      v = t.valueOrNull();
    }
    if (v instanceof NixPath p) {
      return k.apply(p.path, NixContext.EMPTY);
    }
    PathThen then = new PathThen(trace, k);
    if (v instanceof NixString s) {
      return then.apply(s);
    }
    Then g = Then.coercing(v, Coerce.Mode.APPEND_TO_PATH, then);
    g.coercionTrace = trace;
    return vm.push(g);
  }

  /** The rest of {@link #coercePath} once the value is a string: it must be absolute. */
  private static final class PathThen implements Function<NixString, Value> {
    private final String trace;
    private final BiFunction<String, NixContext, Value> k;

    PathThen(String trace, BiFunction<String, NixContext, Value> k) {
      this.trace = trace;
      this.k = k;
    }

    @Override
    public Value apply(NixString s) {
      String path;
      try {
        path = absolute(s.bytes);
      } catch (NixError e) {
        throw trace == null ? e : e.traceAtCall(trace);
      }
      return k.apply(path, s.context);
    }
  }

  static final String COERCE_PATH_TRACE = "while realising the context of a path";

  /** The path, or the error of a string that is not absolute. */
  static String absolute(String s) {
    if (s.isEmpty() || s.charAt(0) != '/') {
      throw NixError.eval("string '" + s + "' doesn't represent an absolute path");
    }
    return s;
  }

  /** Nix's {@code forceStringNoCtx}: a string without context. */
  static String stringNoContext(Value v) {
    if (!(v instanceof NixString s)) {
      throw NixError.type("a string", v);
    }
    if (s.hasContext()) {
      throw NixError.eval("the string '" + s.bytes + "' is not allowed to refer to a store path"
          + " (such as '" + s.context.elements().get(0) + "')");
    }
    return s.bytes;
  }

  /** Waits for a forced value or a coerced string, then runs the continuation. */
  private static final class Then extends Generator {
    private final Value value;
    private final Coerce.Mode mode;
    private final Function<Value, Value> k;
    private int state;
    /** Added to the trace of an error of the forcing or coercion (not of {@code k}), or null. */
    String coercionTrace;

    @Override
    public Value onError(Vm vm, NixError error) {
      if (state == 1 && coercionTrace != null) {
        error.traceAtCall(coercionTrace);
      }
      return null;
    }

    Then(Value value, Coerce.Mode mode, Function<Value, Value> k) {
      this.value = value;
      this.mode = mode;
      this.k = k;
    }

    /** A coercion ({@code mode} not null), whose answer is a string. */
    @SuppressWarnings("unchecked")
    static Then coercing(Value value, Coerce.Mode mode, Function<NixString, Value> k) {
      return new Then(value, mode, (Function<Value, Value>) (Function<?, Value>) k);
    }

    @Override
    public Value resume(Vm vm, Value in) {
      switch (state) {
        case 0 -> {
          state = 1;
          in = mode == null ? vm.force(value) : vm.coerceToString(value, mode);
          if (in == null) {
            return null;
          }
        }
        case 1 -> { }
        default -> {
          return in;
        }
      }
      state = 2;
      return k.apply(in);
    }
  }
}
