package org.nix4j.vm;

import org.nix4j.value.Value;

/** Applies a function to several arguments, one after the other (Nix functions are curried). */
final class ApplyGen extends Generator {
  // Nix positions the errors of the call (a missing argument …) at the call.
  @Override
  public boolean callsAtItsPosition() {
    return true;
  }

  private final Value function;
  private final Value[] args;
  int next;
  private boolean started;

  ApplyGen(Value function, Value[] args) {
    this.function = function;
    this.args = args;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (!started) {
      started = true;
      in = vm.force(function);
      if (in == null) {
        return null;
      }
    }
    while (next < args.length) {
      in = vm.call(in, args[next++]);
      if (in == null) {
        return null;
      }
    }
    return in;
  }
}
