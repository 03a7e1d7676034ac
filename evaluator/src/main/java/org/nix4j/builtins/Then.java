package org.nix4j.builtins;

import java.util.function.Function;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The two continuations builtins need most: "force this value, then go on" and "coerce this
 * value to a string, then go on". When the answer is known at once the continuation runs
 * directly; otherwise a small generator waits for the VM's answer and then runs it. A
 * continuation may itself push frames and return null: their result is then the builtin's.
 *
 * <p>The continuations are classes (anonymous, or the builtin's body itself: {@link OnString}),
 * not lambdas. The first lambda a run links costs milliseconds of start-up (it initialises
 * {@code java.lang.invoke}). Under C1, which runs short evaluations, each capturing lambda is
 * made through a method handle and {@code Unsafe.allocateInstance}: about 40 ns, where a
 * {@code new} costs about 6 ns, and it is made even when the value is known at once. Builtins
 * such as {@code match} run once per element of large lists.
 */
public final class Then {
  private Then() {}

  /**
   * The body of a builtin that coerces its first argument to a string as {@code mode} says, then
   * applies itself to the string: the body is its own continuation, so a call makes no object.
   */
  abstract static class OnString implements Primop.Body, Function<NixString, Value> {
    private final Coerce.Mode mode;

    OnString(Coerce.Mode mode) {
      this.mode = mode;
    }

    @Override
    public Value apply(Vm vm, Value[] a) {
      return coerce(vm, a[0], mode, this);
    }
  }

  /** Forces {@code v}, then returns {@code k} applied to the forced value. */
  public static Value force(Vm vm, Value v, Function<Value, Value> k) {
    if (v instanceof Thunk t) {
      Value done = t.valueOrNull();
      if (done == null) {
        return vm.push(new Step(v, null, null, k));
      }
      v = done;
    }
    return k.apply(v);
  }

  /** Coerces {@code v} to a string as {@code mode} says, then returns {@code k} of the string. */
  public static Value coerce(Vm vm, Value v, Coerce.Mode mode, Function<NixString, Value> k) {
    return coerce(vm, v, mode, null, k);
  }

  /**
   * {@link #coerce}, where an error of the coercion itself (not of {@code k}) gets {@code trace}
   * added at the call, as Nix's {@code realisePath} does; {@code trace} may be null.
   */
  @SuppressWarnings("unchecked")
  public static Value coerce(Vm vm, Value v, Coerce.Mode mode, String trace,
      Function<NixString, Value> k) {
    if (v instanceof Thunk t && t.valueOrNull() != null) {
      v = t.valueOrNull();
    }
    if (v instanceof NixString s) {
      return k.apply(s);
    }
    if (v instanceof NixInt i && mode.takesScalars()) {
      // toString of an integer: no frame for it.
      return k.apply(NixString.of(Long.toString(i.value)));
    }
    // The answer of a coercion is a string: k takes it as a value.
    return vm.push(new Step(v, mode, trace, (Function<Value, Value>) (Function<?, Value>) k));
  }

  /** Waits for a forced value ({@code mode} null) or a coerced string, then runs {@code k}. */
  private static final class Step extends Generator {
    private final Value value;
    private final Coerce.Mode mode;
    private final String trace;
    private final Function<Value, Value> k;
    private int state;

    Step(Value value, Coerce.Mode mode, String trace, Function<Value, Value> k) {
      this.value = value;
      this.mode = mode;
      this.trace = trace;
      this.k = k;
    }

    @Override
    public Value onError(Vm vm, NixError error) {
      if (state == 1 && trace != null) {
        error.traceAtCall(trace);
      }
      return null;
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
      // The continuation may push frames of its own: their result is ours.
      state = 2;
      return k.apply(in);
    }
  }
}
