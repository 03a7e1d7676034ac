package org.nix4j.vm;

import org.nix4j.value.Value;

/** Forces one value; the entry point for forcing from outside the VM. */
final class ForceGen extends Generator {
  private final Value value;
  private boolean started;

  ForceGen(Value value) {
    this.value = value;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (!started) {
      started = true;
      return vm.force(value);
    }
    return in;
  }
}
