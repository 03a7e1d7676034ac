package org.nix4j.builtins;

import java.util.function.BiFunction;
import java.util.function.Function;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.Vm;

/**
 * The two continuations builtins need most: "force this value, then go on" and "coerce this
 * value to a string, then go on". When the answer is known at once the continuation runs
 * directly; otherwise a small generator waits for the VM's answer and then runs it.
 *
 * <p>Builtins called once per element of a large input pass their state as {@code arg} to a
 * continuation that captures nothing. Under C1, which runs short evaluations, a capturing lambda
 * is made through a method handle and {@code Unsafe.allocateInstance}: about 40 ns per call
 * against about 6 ns for a plain {@code new}, and it is made even when the value is known at once.
 * A lambda that captures nothing is one shared object.
 */
final class Then {
  private Then() {}

  /** Forces {@code v}, then returns {@code k} applied to the forced value. */
  static Value force(Vm vm, Value v, Function<Value, Value> k) {
    return force(vm, v, k, Function::apply);
  }

  /** Forces {@code v}, then returns {@code k} applied to {@code arg} and the forced value. */
  @SuppressWarnings("unchecked")
  static <A> Value force(Vm vm, Value v, A arg, BiFunction<A, Value, Value> k) {
    if (v instanceof Thunk t) {
      Value done = t.valueOrNull();
      if (done == null) {
        return vm.push(new ForceThen(v, arg, (BiFunction<Object, Value, Value>) k));
      }
      v = done;
    }
    return k.apply(arg, v);
  }

  /** Coerces {@code v} to a string as {@code mode} says, then returns {@code k} of the string. */
  static Value coerce(Vm vm, Value v, Coerce.Mode mode, Function<NixString, Value> k) {
    return coerce(vm, v, mode, k, Function::apply);
  }

  /** Coerces {@code v} to a string as {@code mode} says, then returns {@code k(arg, string)}. */
  @SuppressWarnings("unchecked")
  static <A> Value coerce(Vm vm, Value v, Coerce.Mode mode, A arg,
      BiFunction<A, NixString, Value> k) {
    if (v instanceof Thunk t && t.valueOrNull() != null) {
      v = t.valueOrNull();
    }
    if (v instanceof NixString s) {
      return k.apply(arg, s);
    }
    if (v instanceof org.nix4j.value.NixInt i && mode.takesScalars()) {
      // toString of an integer: no frame for it.
      return k.apply(arg, NixString.of(Long.toString(i.value)));
    }
    return vm.push(new CoerceThen(v, mode, arg, (BiFunction<Object, NixString, Value>) k));
  }

  private static final class ForceThen extends Generator {
    private final Value value;
    private final Object arg;
    private final BiFunction<Object, Value, Value> k;
    private int state;

    ForceThen(Value value, Object arg, BiFunction<Object, Value, Value> k) {
      this.value = value;
      this.arg = arg;
      this.k = k;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      switch (state) {
        case 0 -> {
          state = 1;
          in = vm.force(value);
          if (in == null) {
            return null;
          }
        }
        case 1 -> { }
        default -> {
          return in;
        }
      }
      // The continuation may push frames of its own: their result is ours.
      state = 2;
      return k.apply(arg, in);
    }
  }

  private static final class CoerceThen extends Generator {
    private final Value value;
    private final Coerce.Mode mode;
    private final Object arg;
    private final BiFunction<Object, NixString, Value> k;
    private int state;

    CoerceThen(Value value, Coerce.Mode mode, Object arg, BiFunction<Object, NixString, Value> k) {
      this.value = value;
      this.mode = mode;
      this.arg = arg;
      this.k = k;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      switch (state) {
        case 0 -> {
          state = 1;
          in = vm.coerceToString(value, mode);
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
      return k.apply(arg, (NixString) in);
    }
  }
}
