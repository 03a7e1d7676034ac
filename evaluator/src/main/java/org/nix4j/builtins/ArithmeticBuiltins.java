package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
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
        if (a[0] instanceof NixFloat || a[1] instanceof NixFloat) {
          double x = Args.toFloat(a[0]);
          double y = Args.toFloat(a[1]);
          if (y == 0) {
            throw NixError.eval("division by zero");
          }
          return NixFloat.of(x / y);
        }
        long x = Args.toInt(a[0]);
        long y = Args.toInt(a[1]);
        if (y == 0) {
          throw NixError.eval("division by zero");
        }
        if (x == Long.MIN_VALUE && y == -1) {
          throw NixError.eval("overflow in integer division");
        }
        return NixInt.of(x / y);
      }
    });
    r.def("lessThan", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.lessThan(a[0], a[1]);
      }
    });
    r.def("bitAnd", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of(Args.toInt(a[0]) & Args.toInt(a[1]));
      }
    });
    r.def("bitOr", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of(Args.toInt(a[0]) | Args.toInt(a[1]));
      }
    });
    r.def("bitXor", 2, allStrict(2), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of(Args.toInt(a[0]) ^ Args.toInt(a[1]));
      }
    });
    r.def("ceil", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of((long) Math.ceil(Args.toFloat(a[0])));
      }
    });
    r.def("floor", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of((long) Math.floor(Args.toFloat(a[0])));
      }
    });
  }

  static Value bool(boolean b) {
    return NixBool.of(b);
  }
}
