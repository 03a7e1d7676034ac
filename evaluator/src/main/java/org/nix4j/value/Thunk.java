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
  /**
   * Bytecode to run (with {@link #upvalues}), a {@link NativeCode}, the {@link Applied}
   * function of an {@link #application} to the value in {@link #upvalues}, or null once
   * evaluated.
   */
  private Object code;
  /**
   * What pending bytecode captured: a {@code Value[]}, or the captured value itself when the
   * code captures exactly one. A thunk that outlives a garbage collection then keeps one object
   * instead of two; the array its frame needs is made when it runs (and dies young). The array
   * may be shared by the sibling thunks of one set, let or rec (the union of what they
   * capture), so it is never written once filled.
   */
  private Object upvalues;

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

  /** A thunk of code that captures exactly one value. */
  public Thunk(Proto proto, Value captured) {
    this.code = proto;
    this.upvalues = single(captured);
  }

  /** What holds one captured value: itself (an array when it is null, not captured yet). */
  private static Object single(Value captured) {
    return captured != null ? captured : new Value[] {null};
  }

  public Thunk(NativeCode code) {
    this.code = code;
  }

  /**
   * A thunk of {@code f x} (an element of {@code map f xs} or {@code genList f n}): one object,
   * where a {@link NativeCode} would add a second one to every element.
   */
  public static Thunk application(Applied f, Value x) {
    Thunk t = new Thunk((NativeCode) null);
    t.code = f;
    t.upvalues = x;
    return t;
  }

  /** The argument of a pending {@link #application}. */
  public Value appliedArgument() {
    return (Value) upvalues;
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

  /**
   * The pending code: a {@link Proto}, a {@link NativeCode} or the {@link Applied} function of
   * an {@link #application}; null when evaluated.
   */
  public Object code() {
    return code;
  }

  /** The captured upvalues of pending bytecode (an array made now for a single capture). */
  public Value[] upvalues() {
    Object u = upvalues;
    return u instanceof Value v ? new Value[] {v} : (Value[]) u;
  }

  /** Captured upvalue {@code i} of pending bytecode (without making an array). */
  public Value upvalue(int i) {
    Object u = upvalues;
    return u instanceof Value v ? v : ((Value[]) u)[i];
  }

  /**
   * Marks an evaluated thunk as visited by the walk of {@code token} (a deep forcing): the slot
   * of the captured values is free once the thunk is evaluated.
   */
  public void markVisited(Object token) {
    if (code == null) {
      upvalues = token;
    }
  }

  /** Whether the walk of {@code token} has {@linkplain #markVisited visited} this thunk. */
  public boolean visitedBy(Object token) {
    return upvalues == token;
  }

  /** Whether the upvalues are {@code marker} (e.g. the VM's "not captured yet"). */
  public boolean upvaluesAre(Value[] marker) {
    return upvalues == marker;
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

  /** {@link #setUpvalues} for code that captures exactly one value. */
  public void setUpvalue(Value captured) {
    this.upvalues = single(captured);
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
    return isApplication() ? "a function application" : "a thunk";
  }

  /**
   * Whether this is a pending function call that a builtin made without evaluating it (the
   * elements of {@code map} and {@code genList}, the values of {@code mapAttrs} and
   * {@code zipAttrsWith}): what Nix calls "a function application" rather than "a thunk".
   */
  public boolean isApplication() {
    return value == null && (code instanceof Applied || code instanceof Application);
  }

  /**
   * Where Nix positions an error about a pending {@linkplain #isApplication application}: the
   * function's lambda once Nix would have evaluated the function, else null.
   */
  public SourcePos applicationFunctionPos() {
    if (code instanceof Applied a) {
      return a.pos();
    }
    return code instanceof Application a ? a.functionPos() : null;
  }

  /**
   * The function that one call of map, genList, mapAttrs or zipAttrsWith applies to each
   * element, shared by the applications it makes. Nix holds the function unevaluated (a thunk)
   * until one of them is evaluated; {@link #applied} says whether that happened, which decides
   * where Nix positions an error about the applications left.
   */
  public static final class Applied {
    public final Value f;
    public boolean applied;

    public Applied(Value f) {
      this.f = f;
    }

    /** The function, after Nix would have evaluated it. */
    public Applied evaluated() {
      applied = true;
      return this;
    }

    /** The position of the function's lambda once Nix would have evaluated it, else null. */
    public SourcePos pos() {
      Value v = f;
      if (v instanceof Thunk t) {
        v = t.valueOrNull();
      } else if (!applied) {
        return null;
      }
      return v instanceof Closure c ? c.proto.pos : null;
    }
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
