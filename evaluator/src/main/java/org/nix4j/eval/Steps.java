package org.nix4j.eval;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.nix4j.builtins.Then;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Paths and strings for the builtins of this package: "coerce this to a path, then go on" (on
 * {@link Then}, which forces and coerces for every builtin), and Nix's checks of an absolute path
 * and of a string without context.
 */
final class Steps {
  private Steps() {}

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
    return Then.coerce(vm, v, Coerce.Mode.APPEND_TO_PATH, trace, new PathThen(trace, k));
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
}
