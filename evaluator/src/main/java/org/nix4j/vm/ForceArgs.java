package org.nix4j.vm;

import org.nix4j.value.Builtin;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/** Forces the strict arguments of a builtin that were still thunks, then applies it. */
final class ForceArgs extends Generator {
  private final Builtin builtin;
  private final Value[] args;
  private int i;
  private int state;

  ForceArgs(Builtin builtin, Value[] args, int from) {
    this.builtin = builtin;
    this.args = args;
    this.i = from;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (state == 2) {
      return in;
    }
    if (state == 1) {
      if (in instanceof org.nix4j.value.NixUnknown) {
        return in;
      }
      args[i++] = in;
    }
    int strict = builtin.strictArgs;
    for (; i < args.length; i++) {
      if ((strict & (1 << i)) != 0 && args[i] instanceof Thunk) {
        state = 1;
        Value v = vm.force(args[i]);
        if (v == null) {
          return null;
        }
        if (v instanceof org.nix4j.value.NixUnknown) {
          return v;
        }
        args[i] = v;
      }
    }
    state = 2;
    return builtin.apply(vm, args);
  }

  @Override
  public String traceMessage() {
    return "while evaluating the arguments of builtins." + builtin.name;
  }

  @Override
  public NixError.Recorded traceRecorded() {
    // Nix 2.8 says nothing of forcing the arguments of a builtin.
    return NixError.Recorded.NIX4J;
  }
}
