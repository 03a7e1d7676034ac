package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;
import static org.nix4j.builtins.Registry.strict;

import java.util.function.Function;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.Value;
import org.nix4j.vm.Vm;

/** add, sub, mul, div, lessThan, bitAnd, bitOr, bitXor, ceil, floor. */
final class ArithmeticBuiltins {
  private ArithmeticBuiltins() {}

  static void register(Registry r) {
    r.def("add", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        if (a[0] instanceof NixFloat || a[1] instanceof NixFloat) {
          return NixFloat.of(Args.toFloat(a[0]) + Args.toFloat(a[1]));
        }
        return NixInt.of(Args.toInt(a[0]) + Args.toInt(a[1]));
      }
    });
    r.def("sub", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        if (a[0] instanceof NixFloat || a[1] instanceof NixFloat) {
          return NixFloat.of(Args.toFloat(a[0]) - Args.toFloat(a[1]));
        }
        return NixInt.of(Args.toInt(a[0]) - Args.toInt(a[1]));
      }
    });
    r.def("mul", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        if (a[0] instanceof NixFloat || a[1] instanceof NixFloat) {
          return NixFloat.of(Args.toFloat(a[0]) * Args.toFloat(a[1]));
        }
        return NixInt.of(Args.toInt(a[0]) * Args.toInt(a[1]));
      }
    });
    r.def("div", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return org.nix4j.vm.Arith.divide(a[0], a[1]);
      }
    });
    r.def("lessThan", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.lessThan(a[0], a[1]);
      }
    });
    // Nix checks the first operand's type before it forces the second.
    r.def("bitAnd", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return Then.force(vm, a[1], new Bitwise('&', Args.toInt(a[0])));
      }
    });
    r.def("bitOr", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return Then.force(vm, a[1], new Bitwise('|', Args.toInt(a[0])));
      }
    });
    r.def("bitXor", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return Then.force(vm, a[1], new Bitwise('^', Args.toInt(a[0])));
      }
    });
    r.def("ceil", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of(toInt(Math.ceil(Args.toFloat(a[0]))));
      }
    });
    r.def("floor", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of(toInt(Math.floor(Args.toFloat(a[0]))));
      }
    });
  }

  static Value bool(boolean b) {
    return NixBool.of(b);
  }

  /**
   * A float as Nix 2.8 makes it an integer (a C++ conversion, compiled to x86-64's {@code
   * cvttsd2si}): NaN and values outside the 64-bit range give the smallest integer, where Java's
   * cast would saturate.
   */
  static long toInt(double d) {
    return d >= -0x1p63 && d < 0x1p63 ? (long) d : Long.MIN_VALUE;
  }

  /** {@code x & y}, {@code x | y} or {@code x ^ y} of the forced second operand {@code y}. */
  private static final class Bitwise implements Function<Value, Value> {
    private final char op;
    private final long x;

    Bitwise(char op, long x) {
      this.op = op;
      this.x = x;
    }

    @Override
    public Value apply(Value v) {
      long y = Args.toInt(v);
      return NixInt.of(op == '&' ? x & y : op == '|' ? x | y : x ^ y);
    }
  }
}
