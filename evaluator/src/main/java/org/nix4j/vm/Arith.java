package org.nix4j.vm;

import org.nix4j.bytecode.Op;
import org.nix4j.value.CoercedLeft;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;

/** Arithmetic on forced values, with Nix 2.8's rules and messages. */
public final class Arith {
  private Arith() {}

  /** {@code a - b}, {@code a * b}, {@code a / b} as the builtins __sub, __mul, __div. */
  static Value numeric(Value a, Value b, int op) {
    if (a instanceof org.nix4j.value.NixUnknown || b instanceof org.nix4j.value.NixUnknown) {
      return org.nix4j.value.NixUnknown.UNKNOWN;
    }
    if (op != Op.SUB && op != Op.MUL) {
      return divide(a, b);
    }
    if (a instanceof NixFloat || b instanceof NixFloat) {
      double x = toFloat(a);
      double y = toFloat(b);
      return NixFloat.of(op == Op.SUB ? x - y : x * y);
    }
    long x = toInt(a);
    long y = toInt(b);
    return NixInt.of(op == Op.SUB ? x - y : x * y);
  }

  /**
   * {@code a / b} and {@code builtins.div} for forced operands, checked in Nix 2.8's order: the
   * divisor as a number ("… while a float was expected"), then for zero, then the dividend.
   */
  public static Value divide(Value a, Value b) {
    double y = toFloat(b);
    if (y == 0) {
      throw NixError.eval("division by zero");
    }
    if (a instanceof NixFloat || b instanceof NixFloat) {
      return NixFloat.of(toFloat(a) / y);
    }
    long x = toInt(a);
    long yi = ((NixInt) b).value;
    if (x == Long.MIN_VALUE && yi == -1) {
      throw NixError.eval("overflow in integer division");
    }
    return NixInt.of(x / yi);
  }

  /**
   * Whether a forced left operand of {@code +} can take part in an addition: a number, or a value
   * that may be coerced to a string ({@link #coercible}).
   */
  static boolean addableLeft(Value a) {
    return a instanceof NixInt || a instanceof NixFloat || coercible(a) || a instanceof CoercedLeft;
  }

  /**
   * Whether the left operand of {@code +} is a set to be coerced (through {@code __toString} or
   * {@code outPath}) before the right operand is evaluated, as Nix does.
   */
  static boolean coercesLater(Value a) {
    return a instanceof org.nix4j.value.NixAttrs;
  }

  /**
   * The left operand of {@code +} (a set, {@link #coercesLater}) coerced to a string before the
   * right one is evaluated: the string, or null after pushing a generator whose answer is the
   * string (a {@link CoercedLeft}).
   */
  static Value coerceLeft(Vm vm, Value a, SourcePos at) {
    return vm.push(new CoerceLeft(a, at, Coerce.Mode.APPEND_TO_PATH));
  }

  /**
   * A part of an interpolated string, a set, coerced before the next parts are evaluated, as Nix
   * does: the string, or null after pushing a generator whose answer is the string.
   */
  static Value coercePart(Vm vm, Value part, SourcePos at) {
    return vm.push(new CoerceLeft(part, at, Coerce.Mode.INTERPOLATE));
  }

  /**
   * Coerces the left operand of {@code +} (a set, as Nix does when the first operand is one) or
   * a part of an interpolated string (a set) before what follows is evaluated.
   */
  private static final class CoerceLeft extends Generator {
    private final Value a;
    private final SourcePos at;
    /** APPEND_TO_PATH for + (a set first: paths not copied), INTERPOLATE for a string part. */
    private final Coerce.Mode mode;
    private boolean started;

    CoerceLeft(Value a, SourcePos at, Coerce.Mode mode) {
      this.a = a;
      this.at = at;
      this.mode = mode;
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      error.at(at);
      return null;
    }

    @Override
    public SourcePos callPosition() {
      return at;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (!started) {
        started = true;
        in = vm.coerceToString(a, mode);
        if (in == null) {
          return null;
        }
      }
      return mode == Coerce.Mode.APPEND_TO_PATH && in instanceof NixString s
          ? new CoercedLeft(s) : in;
    }
  }

  /**
   * Whether a forced value may be coerced to a string as an operand of {@code +} or an
   * interpolated part: a string, a path, an unknown, or a set with {@code __toString} or
   * {@code outPath} (its coercion waits for the operands after it). Numbers may not.
   */
  static boolean coercible(Value a) {
    return a instanceof NixString || a instanceof NixPath || a instanceof org.nix4j.value.NixUnknown
        || (a instanceof org.nix4j.value.NixAttrs s && (s.has("__toString") || s.has("outPath")));
  }

  /** Fails as Nix's coercion of the left operand of {@code +} does, unless it is addable. */
  static void checkAddLeft(Value a, SourcePos at) {
    if (!addableLeft(a)) {
      throw cannotCoerce(a, at);
    }
  }

  /** Fails as Nix's coercion of a part of an interpolated string does, unless it may coerce. */
  static void checkInterpolated(Value a, SourcePos at) {
    if (!coercible(a)) {
      throw cannotCoerce(a, at);
    }
  }

  private static NixError cannotCoerce(Value a, SourcePos at) {
    return NixError.eval("cannot coerce " + a.describe() + " to a string").at(at);
  }

  static long toInt(Value v) {
    if (v instanceof NixInt i) {
      return i.value;
    }
    throw NixError.type("an integer", v);
  }

  static double toFloat(Value v) {
    if (v instanceof NixFloat f) {
      return f.value;
    }
    if (v instanceof NixInt i) {
      return i.value;
    }
    throw NixError.type("a float", v);
  }

  /**
   * {@code a + b} for forced operands: numbers add; a path on the left makes a path; anything
   * else concatenates as strings (paths copied to the store when the left operand is a string,
   * not when it is a set: Nix copies only when the first operand's type is string). Returns the
   * result, or null after pushing a generator when coercion needs Nix code.
   */
  static Value add(Vm vm, Value a, Value b, SourcePos[] operands) {
    if (a instanceof NixInt x) {
      if (b instanceof NixInt y) {
        return NixInt.of(x.value + y.value);
      }
      if (b instanceof NixFloat y) {
        return NixFloat.of(x.value + y.value);
      }
      throw NixError.eval("cannot add " + b.describe() + " to an integer").at(operands[1]);
    }
    if (a instanceof NixFloat x) {
      if (b instanceof NixFloat y) {
        return NixFloat.of(x.value + y.value);
      }
      if (b instanceof NixInt y) {
        return NixFloat.of(x.value + y.value);
      }
      throw NixError.eval("cannot add " + b.describe() + " to a float").at(operands[1]);
    }
    return vm.push(new AddGen(a, b, operands));
  }

  /** {@code a + b} where coercion is needed. */
  static final class AddGen extends Generator {
    private final Value a;
    private final Value b;
    private final SourcePos[] operands;
    private NixString left;
    private int state;

    AddGen(Value a, Value b, SourcePos[] operands) {
      this.a = a;
      this.b = b;
      this.operands = operands;
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      // Coercing the left operand (strings) or the right one (paths and strings).
      error.at(operands[a instanceof NixPath || state >= 2 ? 1 : 0]);
      return null;
    }

    @Override
    public SourcePos callPosition() {
      // A __toString is called from the operand being coerced.
      return operands[a instanceof NixPath || state >= 2 ? 1 : 0];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (a instanceof NixPath p) {
        if (state == 0) {
          state = 1;
          in = vm.coerceToString(b, Coerce.Mode.APPEND_TO_PATH);
          if (in == null) {
            return null;
          }
        }
        if (in instanceof org.nix4j.value.NixUnknown) {
          return in;
        }
        NixString s = (NixString) in;
        if (s.hasContext()) {
          throw NixError.eval("a string that refers to a store path cannot be appended to a path");
        }
        return NixPath.of(NixPath.canonicalise(p.path + s.bytes));
      }
      // Nix copies paths to the store only when the left operand is a string: a set on the
      // left (__toString, outPath) leaves paths as they are.
      Coerce.Mode mode = a instanceof NixString ? Coerce.Mode.INTERPOLATE
          : Coerce.Mode.APPEND_TO_PATH;
      if (state == 0) {
        state = 1;
        if (a instanceof CoercedLeft c) {
          in = c.string;
        } else {
          in = vm.coerceToString(a, mode);
          if (in == null) {
            return null;
          }
        }
      }
      if (in instanceof org.nix4j.value.NixUnknown) {
        return in;
      }
      if (state == 1) {
        left = (NixString) in;
        state = 2;
        in = vm.coerceToString(b, mode);
        if (in == null) {
          return null;
        }
      }
      NixString right = (NixString) in;
      return NixString.of(left.bytes.concat(right.bytes), left.context.union(right.context));
    }
  }
}
