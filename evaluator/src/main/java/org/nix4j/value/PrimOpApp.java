package org.nix4j.value;

/** A builtin applied to fewer arguments than its arity. */
public final class PrimOpApp extends Value {
  public final Builtin builtin;
  private final Value[] args;

  public PrimOpApp(Builtin builtin, Value[] args) {
    this.builtin = builtin;
    this.args = args;
  }

  /** The arguments so far; read only. */
  public Value[] args() {
    return args;
  }

  @Override
  public String typeOf() {
    return "lambda";
  }

  @Override
  public String describe() {
    return "the partially applied built-in function '" + builtin.name + "'";
  }
}
