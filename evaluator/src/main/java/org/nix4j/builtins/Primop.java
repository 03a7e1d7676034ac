package org.nix4j.builtins;

import org.nix4j.value.Builtin;
import org.nix4j.value.Value;
import org.nix4j.vm.Vm;

/**
 * A builtin defined by a lambda: the common case of a builtin whose strict arguments the VM
 * forces and whose body needs nothing else from the VM, or that pushes its own generator.
 */
public final class Primop extends Builtin {
  /** The body: gets exactly {@code arity} arguments, the strict ones forced. */
  @FunctionalInterface
  public interface Body {
    Value apply(Vm vm, Value[] args);
  }

  private final Body body;

  Primop(String name, int arity, int strictArgs, Body body) {
    super(name, arity, strictArgs);
    this.body = body;
  }

  @Override
  public Value apply(Vm vm, Value[] args) {
    return body.apply(vm, args);
  }
}
