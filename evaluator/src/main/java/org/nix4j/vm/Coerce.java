package org.nix4j.vm;

import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Printer;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * Coercion of a value to a string, as Nix 2.8's {@code coerceToString}: strings as they are;
 * paths as their text or, when copying, copied to the store; sets through {@code __toString}
 * (called with the set) or their {@code outPath}; and when coercing "more" (as
 * {@code builtins.toString} does) also numbers, Booleans, null and lists (elements joined by
 * spaces). Anything else is "cannot coerce X to a string".
 */
public final class Coerce extends Generator {
  /** How far coercion goes. */
  public enum Mode {
    /** {@code "${x}"} and {@code "s" + x}: strings, paths copied to the store, sets. */
    INTERPOLATE(false, true),
    /** {@code path + x}: like INTERPOLATE but paths stay paths (not copied). */
    APPEND_TO_PATH(false, false),
    /** {@code builtins.toString}: also numbers, Booleans, null and lists; paths not copied. */
    TO_STRING(true, false),
    /** Coercions of builtins that copy paths, and also take numbers and lists. */
    TO_STRING_COPY(true, true);

    final boolean more;
    final boolean copy;

    /** Whether numbers, Booleans and null are coerced (as by {@code toString}). */
    public boolean takesScalars() {
      return more;
    }

    Mode(boolean more, boolean copy) {
      this.more = more;
      this.copy = copy;
    }
  }

  private final Value value;
  private final Mode mode;
  private int state;
  private NixAttrs set;
  private NixList list;
  private int index;
  private StringBuilder out;
  private NixContext context = NixContext.EMPTY;

  Coerce(Value value, Mode mode) {
    this.value = value;
    this.mode = mode;
  }

  /** The coercion of a forced value when it needs no Nix code, else null (or an error). */
  static Value quick(Value v, Mode mode, Vm vm) {
    if (v instanceof Thunk t) {
      v = t.valueOrNull();
      if (v == null) {
        return null;
      }
    }
    if (v instanceof NixString || v instanceof org.nix4j.value.NixUnknown) {
      return v;
    }
    if (v instanceof NixPath p) {
      return pathToString(p, mode, vm);
    }
    if (v instanceof NixAttrs || v instanceof NixList) {
      return null;
    }
    return scalar(v, mode);
  }

  private static Value pathToString(NixPath p, Mode mode, Vm vm) {
    if (mode.copy) {
      String storePath = vm.host().copyPathToStore(p.path);
      return NixString.of(storePath, NixContext.of(storePath));
    }
    return NixString.of(p.path);
  }

  private static Value scalar(Value v, Mode mode) {
    if (mode.more) {
      if (v instanceof NixBool b) {
        return b.value ? NixString.of("1") : NixString.EMPTY;
      }
      if (v instanceof NixInt i) {
        return NixString.of(Long.toString(i.value));
      }
      if (v instanceof NixFloat f) {
        return NixString.of(Printer.formatFloatFixed(f.value));
      }
      if (v instanceof NixNull) {
        return NixString.EMPTY;
      }
    }
    throw NixError.eval("cannot coerce " + v.describe() + " to a string");
  }

  @Override
  public Value resume(Vm vm, Value in) {
    while (true) {
      switch (state) {
        case 0 -> {
          state = 1;
          in = vm.force(value);
          if (in == null) {
            return null;
          }
        }
        case 1 -> {
          Value q = quick(in, mode, vm);
          if (q != null) {
            return q;
          }
          if (in instanceof NixAttrs s) {
            Value toString = s.get("__toString");
            if (toString != null) {
              state = 2;
              in = vm.call(toString, s);
              if (in == null) {
                return null;
              }
              continue;
            }
            Value outPath = s.get("outPath");
            if (outPath == null) {
              throw NixError.eval("cannot coerce a set to a string");
            }
            state = 3;
            in = vm.coerceToString(outPath, mode);
            if (in == null) {
              return null;
            }
            continue;
          }
          NixList l = (NixList) in;
          if (!mode.more) {
            throw NixError.eval("cannot coerce a list to a string");
          }
          list = l;
          index = 0;
          out = new StringBuilder();
          state = 4;
          in = null;
        }
        case 2 -> {
          // The result of __toString, coerced in turn.
          state = 3;
          in = vm.coerceToString(in, mode);
          if (in == null) {
            return null;
          }
        }
        case 3 -> {
          return in;
        }
        case 4 -> {
          if (in instanceof org.nix4j.value.NixUnknown) {
            return in;
          }
          if (in != null) {
            NixString part = (NixString) in;
            out.append(part.bytes);
            context = context.union(part.context);
            // A space after each element but the last, except after an empty list.
            if (index < list.size() - 1) {
              Value elem = list.get(index);
              if (elem instanceof Thunk t) {
                elem = t.valueOrNull();
              }
              if (!(elem instanceof NixList el) || el.size() != 0) {
                out.append(' ');
              }
            }
            index++;
          }
          if (index >= list.size()) {
            return NixString.of(out.toString(), context);
          }
          in = vm.coerceToString(list.get(index), mode);
          if (in == null) {
            return null;
          }
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  /** The concatenation of interpolated parts that are all strings, else null. */
  static Value interpolateQuick(Value[] stack, int from, int n) {
    int len = 0;
    NixContext ctx = NixContext.EMPTY;
    for (int i = from; i < from + n; i++) {
      if (stack[i] instanceof org.nix4j.value.NixUnknown u) {
        return u;
      }
      if (!(stack[i] instanceof NixString s)) {
        return null;
      }
      len += s.bytes.length();
      ctx = ctx.union(s.context);
    }
    StringBuilder sb = new StringBuilder(len);
    for (int i = from; i < from + n; i++) {
      sb.append(((NixString) stack[i]).bytes);
    }
    return NixString.of(sb.toString(), ctx);
  }

  /** Interpolation of parts some of which need coercion through Nix code. */
  static final class Interpolation extends Generator {
    private final Value[] parts;
    private final org.nix4j.value.SourcePos[] positions;
    private int i;
    private final StringBuilder out = new StringBuilder();
    private NixContext context = NixContext.EMPTY;

    Interpolation(Value[] parts, org.nix4j.value.SourcePos[] positions) {
      this.parts = parts;
      this.positions = positions;
    }

    @Override
    public org.nix4j.value.SourcePos callPosition() {
      // A __toString is called from the interpolation being coerced.
      return positions != null && i < positions.length ? positions[i] : null;
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      // Nix places a coercion error at the interpolation that failed.
      if (positions != null && i < positions.length) {
        error.at(positions[i]);
      }
      return null;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        if (in instanceof org.nix4j.value.NixUnknown) {
          return in;
        }
        if (in != null) {
          NixString s = (NixString) in;
          out.append(s.bytes);
          context = context.union(s.context);
          i++;
        }
        if (i == parts.length) {
          return NixString.of(out.toString(), context);
        }
        in = vm.coerceToString(parts[i], Mode.INTERPOLATE);
        if (in == null) {
          return null;
        }
      }
    }
  }

  /** Whether a value is a function of any kind. */
  static boolean isFunction(Value v) {
    return v instanceof Closure || v instanceof Builtin || v instanceof PrimOpApp;
  }
}
