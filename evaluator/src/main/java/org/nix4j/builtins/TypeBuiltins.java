package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.vm.Vm;
import org.nix4j.value.Value;

/** typeOf and the is* predicates. */
final class TypeBuiltins {
  private TypeBuiltins() {}

  static void register(Registry r) {
    r.def("typeOf", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixString.of(a[0].typeOf());
      }
    });
    r.def("isInt", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixInt);
      }
    });
    r.def("isFloat", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixFloat);
      }
    });
    r.def("isBool", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixBool);
      }
    });
    r.def("isString", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixString);
      }
    });
    r.def("isPath", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixPath);
      }
    });
    r.def("isList", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixList);
      }
    });
    r.def("isAttrs", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] instanceof NixAttrs);
      }
    });
    r.def("isFunction", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(
          a[0] instanceof Closure || a[0] instanceof Builtin || a[0] instanceof PrimOpApp);
      }
    });
    r.defGlobal("isNull", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(a[0] == NixNull.NULL);
      }
    });
  }
}
