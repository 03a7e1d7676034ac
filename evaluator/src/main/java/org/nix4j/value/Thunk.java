package org.nix4j.value;

import org.nix4j.bytecode.Proto;

/**
 * A value not computed yet. A thunk is either pending (it holds code and its captured
 * upvalues, or a {@link NativeCode}), under evaluation (a "black hole": forcing it again is
 * infinite recursion), or evaluated (it holds a value in weak head normal form, never a thunk).
 *
 * <p>Only the VM evaluates thunks; everything else asks the VM to force them.
 */
public final class Thunk extends Value {
  /**
   * The value once evaluated; null while pending; {@link #BLACKHOLE} while under evaluation.
   * (Three fields in all keep a thunk at 24 bytes.)
   */
  private Value value;
  /** Bytecode to run (with {@link #upvalues}), a {@link NativeCode}, or null once evaluated. */
  private Object code;
  private Value[] upvalues;

  /** Marks a thunk under evaluation; never escapes this class. */
  private static final Value BLACKHOLE = new Value() {
    @Override
    public String typeOf() {
      return "thunk";
    }

    @Override
    public String describe() {
      return "a thunk";
    }
  };

  public Thunk(Proto proto, Value[] upvalues) {
    this.code = proto;
    this.upvalues = upvalues;
  }

  public Thunk(NativeCode code) {
    this.code = code;
  }

  /** An evaluated thunk: a value in a place that must hold a thunk (e.g. a shared slot). */
  public static Thunk evaluated(Value v) {
    Thunk t = new Thunk((NativeCode) null);
    t.value = v;
    return t;
  }

  /** The value if evaluated, else null. */
  public Value valueOrNull() {
    Value v = value;
    return v == BLACKHOLE ? null : v;
  }

  public boolean isEvaluated() {
    Value v = value;
    return v != null && v != BLACKHOLE;
  }

  public boolean isBlackhole() {
    return value == BLACKHOLE;
  }

  @Override
  public boolean isThunk() {
    return !isEvaluated();
  }

  /** The pending code: a {@link Proto} or a {@link NativeCode}; null when evaluated. */
  public Object code() {
    return code;
  }

  public Value[] upvalues() {
    return upvalues;
  }

  /** Marks the thunk as under evaluation. For the VM. */
  public void enter() {
    value = BLACKHOLE;
  }

  /** Leaves the black hole unevaluated again (evaluation failed). For the VM. */
  public void reset() {
    if (value == BLACKHOLE) {
      value = null;
    }
  }

  /** Stores the value and drops the code, so that what it captured can be collected. */
  public void set(Value v) {
    value = v;
    code = null;
    upvalues = null;
  }

  /** Fills the upvalues of a thunk made before its captured values existed. For the VM. */
  public void setUpvalues(Value[] upvalues) {
    this.upvalues = upvalues;
  }

  @Override
  public String typeOf() {
    Value v = valueOrNull();
    return v != null ? v.typeOf() : "thunk";
  }

  @Override
  public String describe() {
    Value v = valueOrNull();
    if (v != null) {
      return v.describe();
    }
    return value == null && code instanceof Application ? "a function application" : "a thunk";
  }

  /** Native code that computes a thunk's value, such as the application of a builtin's map. */
  public interface NativeCode {
    /**
     * Starts the computation. Returns the value when it is known at once; otherwise pushes
     * frames on the VM and returns null, and the value the frames produce becomes the thunk's.
     */
    Value run(org.nix4j.vm.Vm vm);
  }

  /**
   * The code of a pending function call that a builtin made without evaluating it (the
   * elements of {@code map} and {@code genList}, the values of {@code mapAttrs} and
   * {@code zipAttrsWith}): what Nix calls "a function application" rather than "a thunk".
   */
  public interface Application extends NativeCode {
    /**
     * Where Nix positions an error about the application: the function's lambda once Nix
     * would have evaluated the function, else null.
     */
    SourcePos functionPos();
  }
}
