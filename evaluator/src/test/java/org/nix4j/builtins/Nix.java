package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Test support: a VM with the builtins, and values built in Java (the compiler is not needed).
 * Nix functions are written as Java builtins; thunks that throw stand for {@code throw "…"}.
 */
final class Nix {
  final Builtins builtins = new Builtins();
  final Vm vm = new Vm(path -> "/nix/store/00000000000000000000000000000000-" + path.substring(path.lastIndexOf('/') + 1), null);

  Value b(String name) {
    Value v = builtins.set().get(name);
    if (v == null) {
      throw new IllegalArgumentException("no builtin " + name);
    }
    return v;
  }

  /** Applies builtins.NAME to the arguments and forces the result. */
  Value call(String name, Value... args) {
    return vm.apply(b(name), args);
  }

  /** The result deeply forced and printed as nix-instantiate --eval --strict prints it. */
  String eval(String name, Value... args) {
    Value v = call(name, args);
    v = vm.runGenerator(new DeepForceGen(v));
    return NixString.unicodeOf(Printer.print(v));
  }

  /** The message of the error that applying the builtin raises (after deep forcing). */
  String error(String name, Value... args) {
    NixError e = assertThrows(NixError.class, () -> eval(name, args));
    return "error: " + NixString.unicodeOf(e.getMessage());
  }

  void check(String expected, String name, Value... args) {
    assertEquals(expected, eval(name, args));
  }

  void checkError(String expected, String name, Value... args) {
    assertEquals(expected, error(name, args));
  }

  static Value i(long v) {
    return NixInt.of(v);
  }

  static Value f(double v) {
    return NixFloat.of(v);
  }

  static Value s(String v) {
    return NixString.fromUnicode(v);
  }

  static Value bool(boolean v) {
    return NixBool.of(v);
  }

  static Value nul() {
    return NixNull.NULL;
  }

  static NixList list(Value... items) {
    return NixList.wrap(items);
  }

  static NixList ints(long... items) {
    return NixList.wrap(Arrays.stream(items).mapToObj(NixInt::of).toArray(Value[]::new));
  }

  /** A set from alternating names and values. */
  static NixAttrs set(Object... kv) {
    TreeMap<String, Value> m = new TreeMap<>();
    for (int k = 0; k < kv.length; k += 2) {
      m.put(NixString.bytesOf((String) kv[k]), (Value) kv[k + 1]);
    }
    return NixAttrs.ofSorted(m.keySet().toArray(new String[0]), m.values().toArray(new Value[0]), null);
  }

  static NixAttrs set(Map<String, Value> m) {
    TreeMap<String, Value> t = new TreeMap<>(m);
    return NixAttrs.ofSorted(t.keySet().toArray(new String[0]), t.values().toArray(new Value[0]), null);
  }

  /** {@code throw "msg"} as an unevaluated value. */
  static Value thrown(String msg) {
    return new Thunk(vm -> {
      throw new NixError(NixError.Kind.THROW, msg);
    });
  }

  /** A lazy value. */
  static Value lazy(Value v) {
    return new Thunk(vm -> v);
  }

  /** A Nix function of one argument written in Java; the argument arrives forced. */
  static Value fn(Function<Value, Value> body) {
    return new Primop("lambda", 1, 1, (vm, a) -> body.apply(a[0]));
  }

  /** A Nix function of two arguments (curried) written in Java; both arrive forced. */
  static Value fn2(BiFunction<Value, Value, Value> body) {
    return new Primop("lambda2", 2, 3, (vm, a) -> body.apply(a[0], a[1]));
  }

  /** A function of one argument that does not force it. */
  static Value lazyFn(Function<Value, Value> body) {
    return new Primop("lambda", 1, 0, (vm, a) -> body.apply(a[0]));
  }

  /** A function of two arguments that forces neither. */
  static Value lazyFn2(BiFunction<Value, Value, Value> body) {
    return new Primop("lambda2", 2, 0, (vm, a) -> vm.force(body.apply(a[0], a[1])));
  }

  static long intOf(Value v) {
    return ((NixInt) v).value;
  }

  /** Deep forcing through the VM (DeepForce is not public; deepSeq is not needed). */
  private static final class DeepForceGen extends org.nix4j.vm.Generator {
    private final Value v;
    private boolean started;

    DeepForceGen(Value v) {
      this.v = v;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (!started) {
        started = true;
        return vm.deepForce(v);
      }
      return in;
    }
  }
}
