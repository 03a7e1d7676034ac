package org.nix4j.value;

import org.nix4j.bytecode.Proto;

/** A lambda with the values it captured. */
public final class Closure extends Value {
  public final Proto proto;
  private Value[] upvalues;

  public Closure(Proto proto, Value[] upvalues) {
    this.proto = proto;
    this.upvalues = upvalues;
  }

  public Value[] upvalues() {
    return upvalues;
  }

  /** Fills the upvalues of a closure made before its captured values existed. For the VM. */
  public void setUpvalues(Value[] upvalues) {
    this.upvalues = upvalues;
  }

  @Override
  public String typeOf() {
    return "lambda";
  }

  @Override
  public String describe() {
    return "a function";
  }
}
