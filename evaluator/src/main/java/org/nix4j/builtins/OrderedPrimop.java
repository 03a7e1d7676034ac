package org.nix4j.builtins;

import org.nix4j.value.Builtin;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.Vm;

/**
 * A builtin that forces some of its arguments in a given order and checks each one's type right
 * after forcing it, before forcing the next, as Nix's primops do ({@code filter} checks that its
 * first argument is a function before it forces the list). The VM's strictness mask cannot say
 * this: it forces every strict argument before the body looks at any of them.
 *
 * <p>Arguments already forced cost nothing; the first one that is still a thunk makes the builtin
 * push a small generator that forces the rest in order, then runs the body.
 */
final class OrderedPrimop extends Builtin {
  private final int[] order;
  private final Expect[] expects;
  private final Primop.Body body;

  /**
   * @param order the indexes of the arguments to force, in the order Nix forces them
   * @param expects for each entry of {@code order}, the type its value must have
   */
  OrderedPrimop(String name, int arity, int[] order, Expect[] expects, Primop.Body body) {
    super(name, arity, 0);
    if (order.length != expects.length) {
      throw new IllegalArgumentException("order and expects differ in length");
    }
    this.order = order;
    this.expects = expects;
    this.body = body;
  }

  @Override
  public Value apply(Vm vm, Value[] args) {
    for (int i = 0; i < order.length; i++) {
      int a = order[i];
      Value v = args[a];
      if (v instanceof Thunk t) {
        Value done = t.valueOrNull();
        if (done == null) {
          return vm.push(new Forcing(args, i));
        }
        args[a] = v = done;
      }
      expects[i].check(v);
    }
    return body.apply(vm, args);
  }

  /** Forces the remaining arguments (from the {@code i}-th of the order), then runs the body. */
  private final class Forcing extends Generator {
    private final Value[] args;
    private int i;
    private boolean waiting;
    private boolean ran;

    Forcing(Value[] args, int from) {
      this.args = args;
      this.i = from;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (ran) {
        return in;
      }
      if (waiting) {
        waiting = false;
        args[order[i]] = in;
        expects[i].check(in);
        i++;
      }
      for (; i < order.length; i++) {
        Value v = vm.force(args[order[i]]);
        if (v == null) {
          waiting = true;
          return null;
        }
        args[order[i]] = v;
        expects[i].check(v);
      }
      ran = true;
      return body.apply(vm, args);
    }

    @Override
    public String traceMessage() {
      return ran ? null : "while evaluating the arguments of builtins." + name;
    }

    @Override
    public org.nix4j.vm.NixError.Recorded traceRecorded() {
      // Nix 2.8 says nothing of forcing the arguments of a builtin.
      return org.nix4j.vm.NixError.Recorded.NIX4J;
    }
  }
}
