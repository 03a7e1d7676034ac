package org.nix4j.value;

import org.nix4j.vm.Vm;

/**
 * A primitive operation ("primop"): native code with a fixed arity, applied by the VM once it
 * has all its arguments. Partial applications are {@link PrimOpApp}s.
 *
 * <p>The VM forces the arguments whose bit is set in {@link #strictArgs} before it calls
 * {@link #apply}, so that most builtins read plain values. A builtin that must force or call
 * more (elements of a list, a Nix function) pushes a {@link org.nix4j.vm.Generator} and
 * returns null; see {@link Vm}.
 */
public abstract class Builtin extends Value {
  public final String name;
  public final int arity;
  /** Bit i set: argument i is forced to weak head normal form before {@link #apply}. */
  public final int strictArgs;

  protected Builtin(String name, int arity, int strictArgs) {
    this.name = name;
    this.arity = arity;
    this.strictArgs = strictArgs;
  }

  /**
   * Applies the builtin to exactly {@link #arity} arguments. Returns the result in weak head
   * normal form, or null after pushing frames whose result will be the builtin's.
   */
  public abstract Value apply(Vm vm, Value[] args);

  @Override
  public String typeOf() {
    return "lambda";
  }

  @Override
  public String describe() {
    return "the built-in function '" + name + "'";
  }

  @Override
  public String toString() {
    return "<PRIMOP " + name + ">";
  }
}
