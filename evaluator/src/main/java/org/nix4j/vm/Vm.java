package org.nix4j.vm;

import java.util.Arrays;
import org.nix4j.bytecode.Formals;
import org.nix4j.bytecode.Op;
import org.nix4j.bytecode.AttrsShape;
import org.nix4j.bytecode.Proto;
import org.nix4j.value.Arrays2;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.NixUnknown;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * The virtual machine: runs bytecode and native code with a call stack that lives on the heap.
 *
 * <pre>
 *   frames (heap)                          stack (heap, one array)
 *   ┌──────────────────────────┐           ┌────────────────────────────┐
 *   │ CallFrame  f x = …       │ base ───▶ │ arg │ locals │ temporaries │
 *   │ Generator  builtins.sort │           ├────────────────────────────┤
 *   │ CallFrame  thunk  a + b  │ base ───▶ │ locals │ temporaries       │
 *   └──────────────────────────┘  top      └────────────────────────────┘
 * </pre>
 *
 * <p>The loop in {@link #run} takes the top frame and runs it. A {@link CallFrame} runs its
 * instructions until it returns or needs a value that requires another frame (forcing a thunk,
 * calling a lambda, comparing two lists …): then it pushes that frame and stops, and the loop
 * runs the new top. When a frame finishes, its result is delivered to the frame below: pushed
 * on the stack of a call frame, or passed to {@link Generator#resume}. Nothing recurses on the
 * Java stack as the Nix program goes deeper; the depth of a Nix program is bounded by the heap.
 *
 * <p>Errors are {@link NixError}s thrown from anywhere; {@link #run} unwinds the frame stack,
 * resetting the thunks that were under evaluation, until a generator catches the error
 * ({@code tryEval}) or the run ends.
 *
 * <p>A VM is used by one thread at a time. It can be re-entered from outside (a printer asking
 * for the next value) but not from inside a frame.
 */
public final class Vm {
  /** Marks a thunk or closure whose captures FINALISE fills later. */
  static final Value[] PENDING = new Value[0];

  Value[] stack = new Value[1024];
  int sp;
  private Frame[] frames = new Frame[256];
  private int fp = -1;

  private final EvalHost host;
  private VmObserver observer;
  private Budget budget;

  public Vm(EvalHost host, Budget budget) {
    this.host = host;
    this.budget = budget == null ? Budget.UNLIMITED : budget;
  }

  public EvalHost host() {
    return host;
  }

  public Budget budget() {
    return budget;
  }

  /**
   * Sets the limits of what runs next, between two runs (never while the VM runs). The
   * language server keeps one VM, and the values it computed, across requests that each have
   * a budget of their own. Null means no limits.
   */
  public void setBudget(Budget budget) {
    this.budget = budget == null ? Budget.UNLIMITED : budget;
  }

  public void setObserver(VmObserver observer) {
    this.observer = observer;
  }

  public VmObserver observer() {
    return observer;
  }

  /** The number of frames on the frame stack. */
  public int depth() {
    return fp + 1;
  }

  // ---------------------------------------------------------------------------------------
  // Entry points from outside the VM.

  /** Runs a file's top-level code and returns its value in weak head normal form. */
  public Value runTop(Proto proto) {
    int stop = fp + 1;
    ensureStack(sp + proto.maxStack + 1);
    CallFrame cf = new CallFrame(proto, PENDING_NONE, sp, null, null);
    cf.savedSp = sp;
    pushFrame(cf);
    return run(stop);
  }

  /** Forces {@code v} to weak head normal form, running the VM as long as needed. */
  public Value forceValue(Value v) {
    if (!(v instanceof Thunk t)) {
      return v;
    }
    Value done = t.valueOrNull();
    if (done != null) {
      return done;
    }
    return runGenerator(new ForceGen(v));
  }

  /** Runs a generator to its end from outside the VM and returns its result. */
  public Value runGenerator(Generator g) {
    int stop = fp + 1;
    g.savedSp = sp;
    pushFrame(g);
    return run(stop);
  }

  /** Applies {@code f} to {@code args} from outside the VM; the result is forced. */
  public Value apply(Value f, Value... args) {
    return runGenerator(new ApplyGen(f, args));
  }

  // ---------------------------------------------------------------------------------------
  // Requests from generators. Each returns the answer when it is known at once, or pushes the
  // frames that compute it and returns null; the generator then suspends (returns null) and is
  // resumed with the answer.

  /** Forces {@code v} to weak head normal form. */
  public Value force(Value v) {
    if (!(v instanceof Thunk t)) {
      return v;
    }
    Value done = t.valueOrNull();
    if (done != null) {
      return done;
    }
    enterThunk(t);
    return null;
  }

  /** Calls {@code f} with one argument; the answer is forced. */
  public Value call(Value f, Value arg) {
    return callValue(f, arg);
  }

  /** Calls {@code f} with two arguments (curried); the answer is forced. */
  public Value call(Value f, Value a, Value b) {
    Value g = applyNow(f, a);
    if (g != null) {
      return callValue(g, b);
    }
    return push(new ApplyGen(f, new Value[] {a, b}));
  }

  /** Calls {@code f} with arguments {@code args[from..]} (curried); the answer is forced. */
  public Value callMany(Value f, Value[] args, int from) {
    while (args.length - from > 1) {
      Value g = applyNow(f, args[from]);
      if (g == null) {
        break;
      }
      f = g;
      from++;
    }
    if (args.length - from == 1) {
      return callValue(f, args[from]);
    }
    ApplyGen g = new ApplyGen(f, args);
    g.next = from;
    return push(g);
  }

  /**
   * {@code f arg} when it is known without pushing a frame — a simple lambda ({@code a: b: …}
   * returning a closure), a partial application of a builtin — else null (nothing done).
   */
  private Value applyNow(Value f, Value arg) {
    if (f instanceof Thunk t && (f = t.valueOrNull()) == null) {
      return null;
    }
    if (f instanceof Closure c) {
      Proto p = c.proto;
      return p.simple && observer == null ? evalSimple(p, c.upvalues(), arg) : null;
    }
    if (f instanceof Builtin b) {
      return b.arity > 1 ? new PrimOpApp(b, new Value[] {arg}) : null;
    }
    if (f instanceof PrimOpApp pa) {
      Value[] prev = pa.args();
      if (prev.length + 1 < pa.builtin.arity) {
        Value[] args = Arrays2.copyOf(prev, prev.length + 1);
        args[prev.length] = arg;
        return new PrimOpApp(pa.builtin, args);
      }
    }
    return null;
  }

  /** Pushes a generator and runs it at once; returns its result if it finished without suspending. */
  public Value push(Generator g) {
    g.savedSp = sp;
    pushFrame(g);
    Value out;
    try {
      out = g.resume(this, null);
    } catch (NixError e) {
      // Let run() unwind it: the generator is on the frame stack.
      throw e;
    }
    if (out != null) {
      popFrame(g, out);
    }
    return out;
  }

  /** Forces {@code v} deeply: the value, and every value in it, recursively. */
  public Value deepForce(Value v) {
    return push(new DeepForce(v));
  }

  /** Compares two values for equality as {@code ==} does; the answer is a {@link NixBool}. */
  public Value equal(Value a, Value b) {
    Boolean quick = Equality.quick(a, b);
    if (quick != null) {
      return NixBool.of(quick);
    }
    return push(new Equality(a, b));
  }

  /** {@code a < b} as Nix compares (numbers, strings, paths, lists); the answer is a {@link NixBool}. */
  public Value lessThan(Value a, Value b) {
    Boolean quick = Compare.quick(a, b);
    if (quick != null) {
      return NixBool.of(quick);
    }
    return push(new Compare(a, b));
  }

  /** Coerces {@code v} to a string as {@code mode} says; the answer is a {@link NixString}. */
  public Value coerceToString(Value v, Coerce.Mode mode) {
    Value quick = Coerce.quick(v, mode, this);
    if (quick != null) {
      return quick;
    }
    return push(new Coerce(v, mode));
  }

  // ---------------------------------------------------------------------------------------
  // The frame stack.

  private static final Value[] PENDING_NONE = new Value[0];

  /**
   * The most frames the stack may hold: deep enough for a million-deep Nix recursion, shallow
   * enough to report a runaway one ("stack overflow") before the heap is gone.
   */
  public static final int DEFAULT_MAX_DEPTH = 4_000_000;

  private int maxDepth = DEFAULT_MAX_DEPTH;

  public void setMaxDepth(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  private void pushFrame(Frame f) {
    if (++fp == frames.length) {
      growFrames();
    }
    frames[fp] = f;
    budget.tick();
    if (observer != null) {
      if (f instanceof CallFrame cf) {
        observer.enterFrame(cf.proto, fp);
      } else {
        observer.enterGenerator((Generator) f, fp);
      }
    }
  }

  /** Makes room for frame {@link #fp}, which is one past the end of {@link #frames}. */
  private void growFrames() {
    if (fp >= maxDepth) {
      fp--;
      throw new NixError(NixError.Kind.EVAL, "stack overflow (possible infinite recursion)")
          .withoutShownPos();
    }
    frames = Arrays.copyOf(frames, Math.min(frames.length * 2, maxDepth + 1));
  }

  /** Pops {@code f} (the top frame) that finished with {@code result}. */
  private void popFrame(Frame f, Value result) {
    frames[fp] = null;
    fp--;
    clear(stack, f.savedSp, sp);
    sp = f.savedSp;
    if (f instanceof CallFrame cf) {
      if (cf.thunk != null) {
        cf.thunk.set(result);
        if (observer != null) {
          observer.thunkForced(cf.proto, result);
        }
      }
      if (observer != null) {
        observer.exitFrame(cf.proto, fp + 1, result);
      }
    } else if (observer != null) {
      observer.exitGenerator((Generator) f, fp + 1, result);
    }
  }

  void ensureStack(int needed) {
    if (needed >= stack.length) {
      int n = stack.length;
      while (n <= needed) {
        n *= 2;
      }
      stack = Arrays.copyOf(stack, n);
    }
  }

  /** Starts evaluating a pending thunk: pushes the frame that computes it. */
  private void enterThunk(Thunk t) {
    if (t.isBlackhole()) {
      throw new NixError(NixError.Kind.INFINITE_RECURSION, "infinite recursion encountered");
    }
    Object code = t.code();
    if (code instanceof Proto p) {
      t.enter();
      ensureStack(sp + p.maxStack + 1);
      CallFrame cf = new CallFrame(p, t.upvalues(), sp, t, null);
      cf.savedSp = sp;
      pushFrame(cf);
    } else {
      // A class test first: a failed test against an interface scans the class's supertypes.
      ThunkUpdate u = code instanceof Thunk.Applied f
          ? new ThunkUpdate(t, f, t.appliedArgument())
          : new ThunkUpdate(t, (Thunk.NativeCode) code);
      t.enter();
      u.savedSp = sp;
      pushFrame(u);
    }
  }

  /** Calls {@code f} with one argument: returns the forced result, or null after pushing frames. */
  private Value callValue(Value f, Value arg) {
    if (f instanceof Thunk t) {
      Value v = t.valueOrNull();
      if (v == null) {
        return push(new ApplyGen(f, new Value[] {arg}));
      }
      f = v;
    }
    if (f instanceof NixUnknown) {
      return f;
    }
    if (f instanceof Closure c) {
      Proto p = c.proto;
      if (p.simple && observer == null) {
        Value r = evalSimple(p, c.upvalues(), arg);
        if (r != null) {
          return r;
        }
      }
      ensureStack(sp + p.maxStack + 1);
      CallFrame cf = new CallFrame(p, c.upvalues(), sp, null, c);
      cf.savedSp = sp;
      stack[sp++] = arg;
      pushFrame(cf);
      if (observer != null) {
        observer.lambdaCalled(p, arg);
      }
      return null;
    }
    if (f instanceof Builtin b) {
      if (b.arity == 1) {
        return applyBuiltin(b, new Value[] {arg});
      }
      return new PrimOpApp(b, new Value[] {arg});
    }
    if (f instanceof PrimOpApp pa) {
      Value[] prev = pa.args();
      Value[] args = Arrays2.copyOf(prev, prev.length + 1);
      args[prev.length] = arg;
      if (args.length == pa.builtin.arity) {
        return applyBuiltin(pa.builtin, args);
      }
      return new PrimOpApp(pa.builtin, args);
    }
    if (f instanceof NixAttrs attrs) {
      Value functor = attrs.get("__functor");
      if (functor != null) {
        // f.__functor f arg
        ApplyGen g = new ApplyGen(functor, new Value[] {f, arg});
        return push(g);
      }
    }
    throw NixError.eval("attempt to call something which is not a function but " + f.describe());
  }

  /** Applies a builtin to all its arguments, forcing the strict ones first. */
  Value applyBuiltin(Builtin b, Value[] args) {
    int strict = b.strictArgs;
    if (strict != 0) {
      for (int i = 0; i < args.length; i++) {
        if ((strict & (1 << i)) != 0) {
          if (args[i] instanceof Thunk t) {
            Value v = t.valueOrNull();
            if (v == null) {
              return push(new ForceArgs(b, args, i));
            }
            args[i] = v;
          }
          if (args[i] instanceof NixUnknown u) {
            return u;
          }
        }
      }
    }
    int depth = fp;
    try {
      return b.apply(this, args);
    } catch (NixError e) {
      // An unknown met by a builtin that pushed no frame: the builtin's result is unknown.
      if (e.kind() == NixError.Kind.UNKNOWN && fp == depth) {
        return NixUnknown.UNKNOWN;
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------------------------------
  // The loop.

  /** Runs frames until the frame stack is back below {@code stop}; returns the last result. */
  private Value run(int stop) {
    Value in = null;
    while (true) {
      try {
        while (true) {
          Frame f = frames[fp];
          Value out;
          if (f instanceof CallFrame) {
            if (in != null) {
              stack[sp++] = in;
            }
            // Call frames pop themselves when they return.
            out = execute(stop);
            if (out == null) {
              in = null;
              continue;
            }
          } else {
            out = ((Generator) f).resume(this, in);
            if (out == null) {
              in = null;
              continue;
            }
            if (frames[fp] != f) {
              throw new IllegalStateException("frame finished while not on top: " + f);
            }
            popFrame(f, out);
          }
          if (fp < stop) {
            return out;
          }
          in = out;
        }
      } catch (NixError e) {
        in = unwind(e, stop);
      } catch (StackOverflowError | OutOfMemoryError e) {
        // Drop the deepest frames at once so that the unwinding has memory to work with.
        String msg = e instanceof OutOfMemoryError && fp < 100_000 ? "out of memory"
            : "stack overflow (possible infinite recursion)";
        NixError err = new NixError(NixError.Kind.EVAL, msg).withoutShownPos();
        in = unwind(err, stop);
      } catch (RuntimeException e) {
        NixError err = new InternalError(e);
        in = unwind(err, stop);
      }
      if (fp < stop) {
        return in;
      }
    }
  }

  /**
   * Unwinds frames down to {@code stop} for {@code e}. If a generator catches it, returns the
   * value to deliver to the frame below that generator (the generator is popped); if none
   * does, rethrows once the frames are unwound.
   */
  private Value unwind(NixError e, int stop) {
    boolean positioned = e.pos() != null;
    if (e.kind() == NixError.Kind.UNKNOWN && fp >= stop) {
      // Not an error: what the top frame was computing is unknown.
      Frame f = frames[fp];
      popFrame(f, NixUnknown.UNKNOWN);
      return NixUnknown.UNKNOWN;
    }
    while (fp >= stop) {
      Frame f = frames[fp];
      if (f instanceof CallFrame cf) {
        SourcePos where = cf.proto.positionAt(cf.opStart);
        if (!positioned) {
          e.at(where);
          positioned = true;
        }
        e.atCallFrame(where);
        if (cf.thunk != null) {
          cf.thunk.reset();
        }
        if (e.beforeLambdaEntry && cf.closure != null && cf.proto.kind == Proto.Kind.LAMBDA) {
          e.beforeLambdaEntry = false; // the call that failed: Nix had not entered the lambda
        } else if (cf.closure != null && cf.proto.kind == Proto.Kind.LAMBDA) {
          // As Nix: the lambda, then where it was called from (Nix records them only under
          // --show-trace).
          // The call site has no position when a builtin called the lambda without one.
          e.addShowTraceOnly("while evaluating " + lambdaName(cf.proto), cf.proto.pos);
          e.addShowTraceOnly("from call site", callSite());
        }
      } else {
        Generator g = (Generator) f;
        Value caught = g.onError(this, e);
        if (caught != null) {
          frames[fp] = null;
          fp--;
          clear(stack, g.savedSp, sp);
          sp = g.savedSp;
          if (observer != null) {
            observer.exitGenerator(g, fp + 1, caught);
          }
          return caught;
        }
        String msg = g.traceMessage();
        if (msg != null) {
          switch (g.traceRecorded()) {
            case ALWAYS -> e.addTrace(msg, null);
            case SHOW_TRACE -> e.addShowTraceOnly(msg, null);
            case NIX4J -> e.addNix4jTrace(msg, null);
          }
        }
        if (g instanceof ThunkUpdate u) {
          u.thunk.reset();
        }
      }
      frames[fp] = null;
      fp--;
      clear(stack, f.savedSp, sp);
      sp = f.savedSp;
      if (observer != null) {
        if (f instanceof CallFrame cf) {
          observer.exitFrame(cf.proto, fp + 1, null);
        } else {
          observer.exitGenerator((Generator) f, fp + 1, null);
        }
      }
    }
    throw e;
  }

  /**
   * Where the running lambda was called from, as Nix positions the errors of a call: the current
   * instruction of the call frame below; below a builtin that called it, the call of that builtin
   * if Nix passes its position on ({@link Generator#callsAtItsPosition}), else none (null).
   */
  private SourcePos callSite() {
    if (fp < 1 || frames[fp - 1] instanceof Generator g && !g.callsAtItsPosition()) {
      return null;
    }
    for (int i = fp - 1; i >= 0; i--) {
      if (frames[i] instanceof CallFrame c) {
        return c.proto.positionAt(c.opStart);
      }
      if (frames[i] instanceof Generator g && g.callPosition() != null) {
        return g.callPosition();
      }
    }
    return null;
  }

  /** The error of a call at {@code callSite}, or shown without position when there is none. */
  private static NixError atCallSite(NixError e, SourcePos callSite) {
    e.beforeLambdaEntry = true;
    return callSite == null ? e.withoutShownPos() : e.at(callSite);
  }

  static String lambdaName(Proto p) {
    return p.name != null ? "'" + p.name + "'" : "anonymous lambda";
  }

  /** An unexpected Java exception inside the VM: a bug of nix4j, reported as an error. */
  public static final class InternalError extends NixError {
    public InternalError(Throwable cause) {
      super(Kind.EVAL, "internal error of nix4j: " + cause, cause);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Bytecode.

  /**
   * Before the right operand of the ADD at {@code addAt} is evaluated (a variable, which has no
   * ADD_LEFT): fails as Nix does when the left operand, on top of the stack, cannot be added;
   * when it is a set and {@code resumeAt >= 0}, coerces it first (replacing it on the stack, see
   * {@link #coerceFirst}) and returns true: the frame then resumes at {@code resumeAt}, which
   * evaluates the variable again. Out of the instruction loop to keep that method small.
   */
  private boolean leftOfAdd(CallFrame cf, int addAt, int resumeAt, int sp) {
    Value left = stack[sp - 1];
    SourcePos leftPos = ((SourcePos[]) cf.proto.constants[cf.proto.code[addAt + 1]])[0];
    Arith.checkAddLeft(left, leftPos);
    if (resumeAt < 0 || !(left instanceof NixAttrs)) {
      return false;
    }
    cf.ip = resumeAt;
    cf.opStart = addAt;
    this.sp = sp;
    coerceFirst(left, leftPos, false);
    return true;
  }

  /**
   * ADD_LEFT and INTERP_PART: fails as Nix does when the value on top of the stack (the left
   * operand of {@code +}, a part of an interpolated string) cannot be added or coerced; when it
   * is a set, coerces it before what follows is evaluated (see {@link #coerceFirst}) and returns
   * true: the frame resumes at {@code ip}.
   */
  private boolean coercedFirst(CallFrame cf, int ip, int opStart, int sp, SourcePos at,
      boolean part) {
    Value v = stack[sp - 1];
    if (part) {
      Arith.checkInterpolated(v, at);
    } else {
      Arith.checkAddLeft(v, at);
    }
    if (!(v instanceof NixAttrs)) {
      return false;
    }
    cf.ip = ip;
    cf.opStart = opStart;
    this.sp = sp;
    coerceFirst(v, at, part);
    return true;
  }

  /**
   * Replaces the set on top of the stack (the left operand of {@code +} or a part of an
   * interpolated string) by its coercion to a string, or pushes the generator that computes it
   * (its answer then takes the set's place). The call frame below resumes at its saved ip.
   */
  private void coerceFirst(Value set, SourcePos at, boolean part) {
    stack[--sp] = null;
    Value r = part ? Arith.coercePart(this, set, at) : Arith.coerceLeft(this, set, at);
    if (r != null) {
      stack[sp++] = r;
    }
  }

  /**
   * Runs the call frames at the top of the frame stack. Forcing a thunk of bytecode, calling a
   * lambda and returning to a call frame switch frames here, without going back to
   * {@link #run}. Returns null when the top frame is a generator that must run (it was pushed,
   * or something it waits for was); returns a value when a frame returned it to a generator
   * (the loop delivers it) or below {@code stop} (the run's result). Returning frames pop
   * themselves.
   */
  private Value execute(int stop) {
    CallFrame cf = (CallFrame) frames[fp];
    Proto proto = cf.proto;
    int[] code = proto.code;
    Object[] k = proto.constants;
    int base = cf.base;
    Value[] stack = this.stack;
    int sp = this.sp;
    int ip = cf.ip;
    int opStart = ip;
    final VmObserver obs = observer;
    try {
      while (true) {
        opStart = ip;
        if (obs != null) {
          obs.instruction(proto, ip, fp);
        }
        switch (code[ip++]) {
          case Op.CONST -> stack[sp++] = (Value) k[code[ip++]];
          case Op.LOCAL -> stack[sp++] = stack[base + code[ip++]];
          case Op.UPVAL -> stack[sp++] = cf.upvalues[code[ip++]];
          case Op.POP -> stack[--sp] = null;
          case Op.SET_SLOT -> {
            stack[base + code[ip++]] = stack[--sp];
            stack[sp] = null;
          }
          case Op.FORCE, Op.LOCAL_FORCE, Op.UPVAL_FORCE -> {
            Value v;
            final int loadStart = opStart;
            if (code[opStart] == Op.FORCE) {
              v = stack[--sp];
              stack[sp] = null;
            } else {
              int x = code[ip++];
              v = code[opStart] == Op.LOCAL_FORCE ? stack[base + x] : cf.upvalues[x];
              if (obs != null && v instanceof Thunk t && !t.isEvaluated()) {
                // The observer sees the FORCE that follows as an instruction of its own.
                stack[sp++] = v;
                break;
              }
              // The FORCE that follows, done here (with its position).
              opStart = ip++;
            }
            if (v instanceof Thunk t) {
              Value done = t.valueOrNull();
              if (done == null) {
                if (code[ip] == Op.ADD
                    && leftOfAdd(cf, ip, code[loadStart] == Op.FORCE ? -1 : loadStart, sp)) {
                  // The right operand of + (a variable: the compiler emits no ADD_LEFT for it)
                  // waits: the left one, a set, is coerced first, as Nix does; then this
                  // instruction runs again.
                  return null;
                }
                if (obs == null && t.code() instanceof Proto tq && tq.simple) {
                  done = forceQuick(t);
                }
              }
              if (done == null) {
                cf.ip = ip;
                cf.opStart = opStart;
                this.sp = sp;
                if (obs == null && t.code() instanceof Proto tp && !t.isBlackhole()) {
                  // enterThunk, inline: the thunk's code runs in a new frame, at once.
                  t.enter();
                  if (sp + tp.maxStack + 1 >= stack.length) {
                    ensureStack(sp + tp.maxStack + 1);
                    stack = this.stack;
                  }
                  CallFrame nf = new CallFrame(tp, t.upvalues(), sp, t, null);
                  nf.savedSp = sp;
                  if (++fp == frames.length) {
                    growFrames();
                  }
                  frames[fp] = nf;
                  budget.tick();
                  cf = nf;
                  proto = tp;
                  code = tp.code;
                  k = tp.constants;
                  base = sp;
                  ip = 0;
                  continue;
                }
                enterThunk(t);
                if (!(frames[fp] instanceof CallFrame next)) {
                  return null;
                }
                cf = next;
                proto = cf.proto;
                code = proto.code;
                k = proto.constants;
                base = cf.base;
                stack = this.stack;
                sp = this.sp;
                ip = cf.ip;
                continue;
              }
              v = done;
            }
            stack[sp++] = v;
          }
          case Op.THUNK -> {
            Proto p = (Proto) k[code[ip++]];
            stack[sp++] = thunk(p, cf, stack, base);
          }
          case Op.THUNK_SHARED -> {
            // The sibling's captured values are an array: the compiler shares two or more.
            Proto p = (Proto) k[code[ip++]];
            stack[sp++] = new Thunk(p, ((Thunk) stack[base + p.shareSlot]).upvalues());
          }
          case Op.THUNK_CALL -> {
            Proto tp = (Proto) k[code[ip++]];
            Thunk arg = thunk(tp, cf, stack, base);
            if (stack[sp - 1] instanceof Closure c && obs == null && !c.proto.simple) {
              // The CALL 1 that follows, done here as that instruction does it.
              cf.opStart = ip;
              ip += 2;
              cf.ip = ip;
              stack[--sp] = null;
              Proto p = c.proto;
              if (sp + p.maxStack + 1 >= stack.length) {
                ensureStack(sp + p.maxStack + 1);
                stack = this.stack;
              }
              CallFrame nf = new CallFrame(p, c.upvalues(), sp, null, c);
              nf.savedSp = sp;
              stack[sp++] = arg;
              this.sp = sp;
              // pushFrame, inline (no observer here).
              if (++fp == frames.length) {
                growFrames();
              }
              frames[fp] = nf;
              budget.tick();
              cf = nf;
              proto = p;
              code = p.code;
              k = p.constants;
              base = sp - 1;
              ip = 0;
              continue;
            }
            stack[sp++] = arg;
          }
          case Op.CLOSURE -> {
            Proto p = (Proto) k[code[ip++]];
            stack[sp++] = new Closure(p, capture(p, cf, stack, base));
          }
          case Op.CLOSE_SCOPE -> {
            int n = code[ip++];
            Value top = stack[sp - 1];
            int newTop = sp - 1 - n;
            for (int i = newTop; i < sp; i++) {
              stack[i] = null;
            }
            sp = newTop;
            stack[sp++] = top;
          }
          case Op.ADD_LEFT -> {
            int at = code[ip++];
            if (!(stack[sp - 1] instanceof NixInt)
                && coercedFirst(cf, ip, opStart, sp, (SourcePos) k[at], false)) {
              // A set, coerced first (its __toString called), before the right operand.
              return null;
            }
          }
          case Op.INTERP_PART -> {
            int at = code[ip++];
            if (!(stack[sp - 1] instanceof NixString)
                && coercedFirst(cf, ip, opStart, sp, (SourcePos) k[at], true)) {
              // A set, coerced first (its __toString called), before the next parts.
              return null;
            }
          }
          case Op.ADD -> {
            int operandPositions = code[ip++];
            Value b = stack[--sp];
            Value a = stack[sp - 1];
            stack[sp] = null;
            if (a instanceof NixInt x && b instanceof NixInt y) {
              stack[sp - 1] = NixInt.of(x.value + y.value);
            } else if (a instanceof NixString x && b instanceof NixString y) {
              stack[sp - 1] = NixString.of(x.bytes.concat(y.bytes), x.context.union(y.context));
            } else if (a instanceof NixUnknown || b instanceof NixUnknown) {
              stack[sp - 1] = NixUnknown.UNKNOWN;
            } else {
              stack[--sp] = null;
              cf.ip = ip;
              cf.opStart = opStart;
              this.sp = sp;
              Value r = Arith.add(this, a, b, (SourcePos[]) k[operandPositions]);
              if (r == null) {
                if (!(frames[fp] instanceof CallFrame next)) {
                  return null;
                }
                cf = next;
                proto = cf.proto;
                code = proto.code;
                k = proto.constants;
                base = cf.base;
                stack = this.stack;
                sp = this.sp;
                ip = cf.ip;
                continue;
              }
              stack = this.stack;
              stack[sp++] = r;
            }
          }
          case Op.SUB -> {
            Value b = stack[--sp];
            stack[sp] = null;
            Value a = stack[sp - 1];
            if (a instanceof NixInt x && b instanceof NixInt y) {
              stack[sp - 1] = NixInt.of(x.value - y.value);
            } else {
              stack[sp - 1] = Arith.numeric(a, b, Op.SUB);
            }
          }
          case Op.MUL -> {
            Value b = stack[--sp];
            stack[sp] = null;
            Value a = stack[sp - 1];
            if (a instanceof NixInt x && b instanceof NixInt y) {
              stack[sp - 1] = NixInt.of(x.value * y.value);
            } else {
              stack[sp - 1] = Arith.numeric(a, b, Op.MUL);
            }
          }
          case Op.DIV -> {
            Value b = stack[--sp];
            stack[sp] = null;
            Value a = stack[sp - 1];
            stack[sp - 1] = Arith.numeric(a, b, Op.DIV);
          }
          case Op.LESS, Op.LESS_JUMP -> {
            Value b = stack[--sp];
            stack[sp] = null;
            Value a = stack[sp - 1];
            if (a instanceof NixInt x && b instanceof NixInt y) {
              if (code[opStart] == Op.LESS_JUMP) {
                // The JUMP_IF_FALSE d e that follows, done here.
                stack[--sp] = null;
                ip = x.value < y.value ? ip + 3 : ip + 3 + code[ip + 1];
              } else {
                stack[sp - 1] = NixBool.of(x.value < y.value);
              }
            } else if (a instanceof NixUnknown || b instanceof NixUnknown) {
              stack[sp - 1] = NixUnknown.UNKNOWN;
            } else {
              Boolean q = Compare.quick(a, b);
              if (q != null) {
                stack[sp - 1] = NixBool.of(q);
              } else {
                stack[--sp] = null;
                cf.ip = ip;
                cf.opStart = opStart;
                this.sp = sp;
                Compare g = new Compare(a, b);
                g.savedSp = sp;
                pushFrame(g);
                return null;
              }
            }
          }
          case Op.EQ, Op.NEQ -> {
            boolean neg = code[ip - 1] == Op.NEQ;
            Value b = stack[--sp];
            stack[sp] = null;
            Value a = stack[--sp];
            stack[sp] = null;
            Boolean q = Equality.quick(a, b);
            if (a instanceof NixUnknown || b instanceof NixUnknown) {
              stack[sp++] = NixUnknown.UNKNOWN;
            } else if (q != null) {
              stack[sp++] = NixBool.of(q != neg);
            } else {
              cf.ip = ip;
              cf.opStart = opStart;
              this.sp = sp;
              Equality g = new Equality(a, b);
              g.negate = neg;
              g.savedSp = sp;
              pushFrame(g);
              return null;
            }
          }
          case Op.JUMP -> {
            int d = code[ip++];
            ip += d;
          }
          case Op.JUMP_IF_FALSE -> {
            int d = code[ip++];
            int e = code[ip++];
            Value c = stack[--sp];
            stack[sp] = null;
            if (c == NixBool.FALSE) {
              ip += d;
            } else if (c != NixBool.TRUE) {
              if (c instanceof NixUnknown) {
                // Which branch is unknown: so is the value of the `if`.
                stack[sp++] = c;
                ip += e;
              } else {
                throw NixError.type("a Boolean", c);
              }
            }
          }
          case Op.AND_JUMP -> {
            int d = code[ip++];
            Value c = stack[sp - 1];
            if (c instanceof NixUnknown) {
              ip += d;
              break;
            }
            if (c == NixBool.FALSE) {
              ip += d;
            } else if (c == NixBool.TRUE) {
              stack[--sp] = null;
            } else {
              throw NixError.type("a Boolean", c);
            }
          }
          case Op.OR_JUMP -> {
            int d = code[ip++];
            Value c = stack[sp - 1];
            if (c instanceof NixUnknown) {
              ip += d;
              break;
            }
            if (c == NixBool.TRUE) {
              ip += d;
            } else if (c == NixBool.FALSE) {
              stack[--sp] = null;
            } else {
              throw NixError.type("a Boolean", c);
            }
          }
          case Op.ATTRS -> {
            AttrsShape shape = (AttrsShape) k[code[ip++]];
            int n = code[ip++];
            Value[] vals = new Value[n];
            sp -= n;
            System.arraycopy(stack, sp, vals, 0, n);
            clear(stack, sp, sp + n);
            stack[sp++] = NixAttrs.ofSorted(shape.names(), vals, shape.positions());
          }
          case Op.LIST -> {
            int n = code[ip++];
            Value[] items = new Value[n];
            sp -= n;
            System.arraycopy(stack, sp, items, 0, n);
            clear(stack, sp, sp + n);
            stack[sp++] = NixList.wrap(items);
          }
          case Op.SELECT, Op.SELECT_FORCE -> {
            String name = (String) k[code[ip++]];
            Value v = stack[sp - 1];
            if (!(v instanceof NixAttrs s)) {
              if (v instanceof NixUnknown) {
                break;
              }
              throw NixError.type("a set", v);
            }
            Value r = s.get(name);
            if (r == null) {
              throw Attrs.missing(name, s);
            }
            if (code[opStart] == Op.SELECT_FORCE) {
              if (!(r instanceof Thunk t)) {
                ip++;
              } else {
                Value done = t.valueOrNull();
                if (done != null) {
                  r = done;
                  ip++;
                }
              }
            }
            stack[sp - 1] = r;
          }
          case Op.CALL -> {
            int n = code[ip++];
            cf.ip = ip;
            cf.opStart = opStart;
            Value f = stack[sp - n - 1];
            if (n == 1 && f instanceof Closure c && obs == null && !c.proto.simple) {
              // The common case, inline: a lambda called with one argument gets a frame.
              Value arg = stack[--sp];
              stack[sp] = null;
              stack[--sp] = null;
              Proto p = c.proto;
              if (sp + p.maxStack + 1 >= stack.length) {
                ensureStack(sp + p.maxStack + 1);
                stack = this.stack;
              }
              CallFrame nf = new CallFrame(p, c.upvalues(), sp, null, c);
              nf.savedSp = sp;
              stack[sp++] = arg;
              this.sp = sp;
              // pushFrame, inline (no observer here).
              if (++fp == frames.length) {
                growFrames();
              }
              frames[fp] = nf;
              budget.tick();
              cf = nf;
              proto = p;
              code = p.code;
              k = p.constants;
              base = nf.base;
              ip = 0;
              continue;
            }
            Value r;
            if (n == 1) {
              Value arg = stack[--sp];
              stack[sp] = null;
              stack[--sp] = null;
              this.sp = sp;
              r = callValue(f, arg);
            } else {
              Value[] args = new Value[n];
              sp -= n;
              System.arraycopy(stack, sp, args, 0, n);
              clear(stack, sp, sp + n);
              stack[--sp] = null;
              this.sp = sp;
              if (f instanceof Builtin b && b.arity >= n) {
                r = b.arity == n ? applyBuiltin(b, args) : new PrimOpApp(b, args);
              } else {
                r = callMany(f, args, 0);
              }
            }
            if (r == null) {
              if (!(frames[fp] instanceof CallFrame next)) {
                return null;
              }
              cf = next;
              proto = cf.proto;
              code = proto.code;
              k = proto.constants;
              base = cf.base;
              stack = this.stack;
              sp = this.sp;
              ip = cf.ip;
              continue;
            }
            // Answered at once (a builtin, a partial application): go on.
            stack = this.stack;
            sp = this.sp;
            stack[sp++] = r;
          }
          case Op.RETURN -> {
            Value r = stack[sp - 1];
            if (obs == null) {
              // popFrame, inline.
              frames[fp--] = null;
              clear(stack, cf.savedSp, sp);
              this.sp = cf.savedSp;
              if (cf.thunk != null) {
                cf.thunk.set(r);
              }
            } else {
              this.sp = sp;
              cf.opStart = opStart;
              popFrame(cf, r);
            }
            if (fp < stop || !(frames[fp] instanceof CallFrame next)) {
              return r;
            }
            cf = next;
            proto = cf.proto;
            code = proto.code;
            k = proto.constants;
            base = cf.base;
            stack = this.stack;
            sp = this.sp;
            ip = cf.ip;
            stack[sp++] = r;
          }
          case Op.INTERP -> {
            int n = code[ip++];
            int partPositions = code[ip++];
            Value r = Coerce.interpolateQuick(stack, sp - n, n);
            if (r != null) {
              for (int i = sp - n; i < sp; i++) {
                stack[i] = null;
              }
              sp -= n;
              stack[sp++] = r;
            } else {
              Value[] parts = Arrays2.copyOfRange(stack, sp - n, sp);
              for (int i = sp - n; i < sp; i++) {
                stack[i] = null;
              }
              sp -= n;
              cf.ip = ip;
              cf.opStart = opStart;
              this.sp = sp;
              Coerce.Interpolation g = new Coerce.Interpolation(parts, (SourcePos[]) k[partPositions]);
              g.savedSp = sp;
              pushFrame(g);
              return null;
            }
          }
          default -> {
            cf.ip = ip;
            cf.opStart = opStart;
            this.sp = sp;
            if (executeRare(cf, opStart)) {
              stack = this.stack;
              sp = this.sp;
              ip = cf.ip;
            } else {
              if (!(frames[fp] instanceof CallFrame next)) {
                return null;
              }
              cf = next;
              proto = cf.proto;
              code = proto.code;
              k = proto.constants;
              base = cf.base;
              stack = this.stack;
              sp = this.sp;
              ip = cf.ip;
            }
          }
        }
      }
    } catch (NixError e) {
      cf.ip = ip;
      cf.opStart = opStart;
      this.sp = sp;
      throw e;
    }
  }
  /**
   * The rarer instructions, kept out of {@link #execute} so that its loop of the common ones
   * stays small: C1, the only compiler of the command line, takes a time about proportional to
   * a method's size to compile it, and the loop runs in the interpreter until it has (for
   * execute alone that was 60 to 120 ms of a run of a few hundred). The state comes in and
   * goes out through {@code cf.ip} and {@link #sp}; false when a frame was pushed (the caller
   * goes on with the frame on top).
   */
  private boolean executeRare(CallFrame cf, int opStart) {
    Proto proto = cf.proto;
    int[] code = proto.code;
    Object[] k = proto.constants;
    int base = cf.base;
    Value[] stack = this.stack;
    int sp = this.sp;
    int ip = opStart + 1;
    switch (code[opStart]) {
      case Op.NOP -> {}
      case Op.THUNK_DEFER -> stack[sp++] = new Thunk((Proto) k[code[ip++]], PENDING);
      case Op.CLOSURE_DEFER -> stack[sp++] = new Closure((Proto) k[code[ip++]], PENDING);
      case Op.THUNK_GROUP -> {
        Proto p = (Proto) k[code[ip++]];
        stack[sp++] = new Thunk(p, new Value[p.captures.length]);
      }
      case Op.FILL_CAPTURES -> {
        Thunk t = (Thunk) stack[base + code[ip++]];
        Value[] up = t.upvalues();
        int[] caps = ((Proto) t.code()).captures;
        for (int i = 0; i < caps.length; i++) {
          int c = caps[i];
          up[i] = (c & 1) == 0 ? stack[base + (c >> 1)] : cf.upvalues[c >> 1];
        }
      }
      case Op.FINALISE -> {
        Value v = stack[base + code[ip++]];
        if (v instanceof Thunk t && t.upvaluesAre(PENDING)) {
          Proto tp = (Proto) t.code();
          if (tp.captures.length == 1) {
            t.setUpvalue(captureOne(tp, cf, stack, base));
          } else {
            t.setUpvalues(capture(tp, cf, stack, base));
          }
        } else if (v instanceof Closure c && c.upvalues() == PENDING) {
          c.setUpvalues(capture(c.proto, cf, stack, base));
        }
      }
      case Op.NOT -> {
        Value a = stack[sp - 1];
        if (a instanceof NixUnknown) {
          break;
        }
        if (!(a instanceof NixBool bo)) {
          throw NixError.type("a Boolean", a).withoutShownPos(); // as Nix
        }
        stack[sp - 1] = NixBool.of(!bo.value);
      }
      case Op.CONCAT -> {
        Value b = stack[--sp];
        stack[sp] = null;
        Value a = stack[sp - 1];
        if (a instanceof NixUnknown || b instanceof NixUnknown) {
          stack[sp - 1] = NixUnknown.UNKNOWN;
          break;
        }
        if (!(a instanceof NixList la)) {
          throw NixError.type("a list", a);
        }
        if (!(b instanceof NixList lb)) {
          throw NixError.type("a list", b);
        }
        stack[sp - 1] = la.concat(lb);
      }
      case Op.UPDATE -> {
        Value b = stack[--sp];
        stack[sp] = null;
        Value a = stack[sp - 1];
        if (a instanceof NixUnknown || b instanceof NixUnknown) {
          stack[sp - 1] = NixUnknown.UNKNOWN;
          break;
        }
        if (!(a instanceof NixAttrs sa)) {
          throw NixError.type("a set", a).withoutShownPos(); // as Nix
        }
        if (!(b instanceof NixAttrs sb)) {
          throw NixError.type("a set", b).withoutShownPos(); // as Nix
        }
        stack[sp - 1] = sa.update(sb);
      }
      case Op.IMPL_JUMP -> {
        int d = code[ip++];
        Value c = stack[sp - 1];
        if (c instanceof NixUnknown) {
          ip += d;
          break;
        }
        if (c == NixBool.FALSE) {
          stack[sp - 1] = NixBool.TRUE;
          ip += d;
        } else if (c == NixBool.TRUE) {
          stack[--sp] = null;
        } else {
          throw NixError.type("a Boolean", c);
        }
      }
      case Op.ASSERT_BOOL -> {
        Value c = stack[sp - 1];
        if (!(c instanceof NixBool) && !(c instanceof NixUnknown)) {
          throw NixError.type("a Boolean", c);
        }
      }
      case Op.DYN_ATTR -> {
        SourcePos pos = (SourcePos) k[code[ip++]];
        Value val = stack[--sp];
        Value name = stack[--sp];
        stack[sp] = null;
        stack[sp + 1] = null;
        if (!(name instanceof NixUnknown)) {
          NixAttrs set = (NixAttrs) stack[sp - 1];
          stack[sp - 1] = Attrs.addDynamic(set, name, val, pos);
        }
      }
      case Op.SELECT_DYN -> {
        Value nameV = stack[--sp];
        stack[sp] = null;
        Value v = stack[sp - 1];
        if (v instanceof NixUnknown || nameV instanceof NixUnknown) {
          stack[sp - 1] = NixUnknown.UNKNOWN;
          break;
        }
        if (!(v instanceof NixAttrs s)) {
          throw NixError.type("a set", v);
        }
        String name = Attrs.nameOf(nameV);
        Value r = s.get(name);
        if (r == null) {
          throw Attrs.missing(name, s);
        }
        stack[sp - 1] = r;
      }
      case Op.SELECT_OR -> {
        String name = (String) k[code[ip++]];
        int d = code[ip++];
        Value v = stack[sp - 1];
        if (v instanceof NixUnknown) {
          break;
        }
        Value r = v instanceof NixAttrs s ? s.get(name) : null;
        if (r != null) {
          stack[sp - 1] = r;
        } else {
          stack[--sp] = null;
          ip += d;
        }
      }
      case Op.SELECT_DYN_OR -> {
        int d = code[ip++];
        Value nameV = stack[--sp];
        stack[sp] = null;
        Value v = stack[sp - 1];
        if (v instanceof NixUnknown || nameV instanceof NixUnknown) {
          stack[sp - 1] = NixUnknown.UNKNOWN;
          break;
        }
        String name = Attrs.nameOf(nameV);
        Value r = v instanceof NixAttrs s ? s.get(name) : null;
        if (r != null) {
          stack[sp - 1] = r;
        } else {
          stack[--sp] = null;
          ip += d;
        }
      }
      case Op.HAS_ATTR -> {
        String name = (String) k[code[ip++]];
        Value v = stack[sp - 1];
        if (!(v instanceof NixUnknown)) {
          stack[sp - 1] = NixBool.of(v instanceof NixAttrs s && s.has(name));
        }
      }
      case Op.HAS_ATTR_DYN -> {
        Value nameV = stack[--sp];
        stack[sp] = null;
        Value v = stack[sp - 1];
        if (v instanceof NixUnknown || nameV instanceof NixUnknown) {
          stack[sp - 1] = NixUnknown.UNKNOWN;
          break;
        }
        String name = Attrs.nameOf(nameV);
        stack[sp - 1] = NixBool.of(v instanceof NixAttrs s && s.has(name));
      }
      case Op.ASSERT -> {
        String msg = (String) k[code[ip++]];
        Value c = stack[--sp];
        stack[sp] = null;
        if (c == NixBool.FALSE) {
          throw new NixError(NixError.Kind.ASSERT, "assertion '" + msg + "' failed");
        } else if (c != NixBool.TRUE && !(c instanceof NixUnknown)) {
          throw NixError.type("a Boolean", c);
        }
      }
      case Op.WITH_LOOKUP -> {
        String name = (String) k[code[ip++]];
        int[] sources = (int[]) k[code[ip++]];
        Value[] withs = new Value[sources.length];
        for (int i = 0; i < sources.length; i++) {
          int s = sources[i];
          withs[i] = (s & 1) == 0 ? stack[base + (s >> 1)] : cf.upvalues[s >> 1];
        }
        if (code[ip] == Op.FORCE && code[ip + 1] == Op.ADD && leftOfAdd(cf, ip + 1, opStart, sp)) {
          // The right operand of + (no ADD_LEFT before a variable) waits: the left one, a
          // set, is coerced first, as Nix does; then the lookup runs again.
          return false;
        }
        cf.ip = ip;
        cf.opStart = opStart;
        this.sp = sp;
        WithLookup g = new WithLookup(name, withs);
        Value r = push(g);
        if (r == null) {
          return false;
        }
        stack = this.stack;
        sp = this.sp;
        stack[sp++] = r;
      }
      case Op.FORMALS_CHECK -> {
        Value arg = stack[base];
        if (arg instanceof NixUnknown) {
          break;
        }
        if (!(arg instanceof NixAttrs set)) {
          throw atCallSite(NixError.type("a set", arg), callSite());
        }
        FormalsCheck.check(proto, set, callSite());
      }
      case Op.FORMAL -> {
        String name = (String) k[code[ip++]];
        int d = code[ip++];
        Value arg = stack[base];
        Value r = arg instanceof NixAttrs set ? set.get(name) : NixUnknown.UNKNOWN;
        if (r != null) {
          stack[sp++] = r;
          ip += d;
        }
      }
      case Op.MISSING_FORMAL -> {
        String name = (String) k[code[ip++]];
        throw atCallSite(FormalsCheck.missing(proto, name), callSite());
      }
      case Op.FAIL -> {
        Value msg = stack[--sp];
        stack[sp] = null;
        throw NixError.eval(((NixString) msg).bytes);
      }
      default -> throw new IllegalStateException("bad opcode " + code[opStart] + " at " + opStart);
    }
    cf.ip = ip;
    this.sp = sp;
    return true;
  }


  /**
   * Evaluates a pending thunk of {@linkplain Proto#simple simple} code without a frame and
   * stores its value; null when it needs a frame (what it reads is not evaluated yet, …).
   */
  private Value forceQuick(Thunk t) {
    if (!(t.code() instanceof Proto tp) || !tp.simple || t.isBlackhole()) {
      return null;
    }
    Value done;
    if (tp.quickOp >= 0) {
      done = quickArith(tp, t);
    } else {
      Value[] up = t.upvalues();
      done = tp.arithmetic ? evalArithmetic(tp, up) : evalSimple(tp, up, null);
    }
    if (done != null) {
      t.set(done);
    }
    return done;
  }

  /** A thunk of {@link Proto#quickOp} form: integer arithmetic without interpreting its code. */
  private Value quickArith(Proto p, Thunk th) {
    Value a = th.upvalue(p.quickA);
    if (a instanceof Thunk t && (a = t.valueOrNull()) == null) {
      return null;
    }
    Value b = p.quickConst;
    if (b == null) {
      b = th.upvalue(p.quickB);
      if (b instanceof Thunk t && (b = t.valueOrNull()) == null) {
        return null;
      }
    }
    if (a instanceof NixInt x && b instanceof NixInt y) {
      long l = x.value;
      long r = y.value;
      return switch (p.quickOp) {
        case Op.ADD -> NixInt.of(l + r);
        case Op.SUB -> NixInt.of(l - r);
        case Op.MUL -> NixInt.of(l * r);
        default -> NixBool.of(l < r);
      };
    }
    return evalArithmetic(p, th.upvalues());
  }

  /** Scratch stack of {@link #evalSimple}; never used by two evaluations at once. */
  private final Value[] scratch = new Value[Proto.SIMPLE_MAX_STACK + 1];

  /**
   * Evaluates a {@linkplain Proto#simple simple} thunk without a frame, when everything it reads
   * is already evaluated and every operation takes its plain path. Returns null to bail out (a
   * pending thunk, a type error, a string or list operand …): the code has no effects, so the
   * caller then evaluates the thunk the ordinary way, from the start.
   */
  private Value evalSimple(Proto p, Value[] up, Value arg) {
    final Value[] s = scratch;
    final int[] code = p.code;
    final Object[] k = p.constants;
    int sp = 0;
    int ip = 0;
    if (arg != null) {
      // Calls count against the budget as frames do (a map over a long list pushes none).
      s[sp++] = arg;
      budget.tick();
    }
    try {
      while (true) {
        switch (code[ip++]) {
          case Op.CONST -> s[sp++] = (Value) k[code[ip++]];
          case Op.UPVAL -> s[sp++] = up[code[ip++]];
          case Op.LOCAL -> s[sp++] = s[code[ip++]];
          case Op.UPVAL_FORCE, Op.LOCAL_FORCE -> {
            Value v = code[ip - 1] == Op.UPVAL_FORCE ? up[code[ip++]] : s[code[ip++]];
            if (v instanceof Thunk t && (v = t.valueOrNull()) == null) {
              return null;
            }
            s[sp++] = v;
            ip++;
          }
          case Op.LIST -> {
            int n = code[ip++];
            Value[] items = new Value[n];
            sp -= n;
            System.arraycopy(s, sp, items, 0, n);
            s[sp++] = NixList.wrap(items);
          }
          case Op.THUNK_SHARED -> {
            Proto q = (Proto) k[code[ip++]];
            s[sp++] = new Thunk(q, ((Thunk) s[q.shareSlot]).upvalues());
          }
          case Op.THUNK, Op.CLOSURE -> {
            boolean thunk = code[ip - 1] == Op.THUNK;
            Proto q = (Proto) k[code[ip++]];
            int[] caps = q.captures;
            if (thunk && caps.length == 1) {
              int c = caps[0];
              s[sp++] = new Thunk(q, (c & 1) == 0 ? s[c >> 1] : up[c >> 1]);
              continue;
            }
            Value[] captured = caps.length == 0 ? PENDING_NONE : new Value[caps.length];
            for (int i = 0; i < caps.length; i++) {
              int c = caps[i];
              captured[i] = (c & 1) == 0 ? s[c >> 1] : up[c >> 1];
            }
            s[sp++] = thunk ? new Thunk(q, captured) : new Closure(q, captured);
          }
          case Op.FORCE -> {
            if (s[sp - 1] instanceof Thunk t) {
              Value d = t.valueOrNull();
              if (d == null) {
                return null;
              }
              s[sp - 1] = d;
            }
          }
          case Op.ADD_LEFT -> {
            if (!Arith.addableLeft(s[sp - 1])) {
              return null;
            }
            ip++;
          }
          case Op.INTERP_PART -> {
            if (!Arith.coercible(s[sp - 1])) {
              return null;
            }
            ip++;
          }
          case Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.LESS -> {
            int op = code[ip - 1];
            if (op == Op.ADD) {
              ip++;
            }
            Value r = simpleArith(op, s[sp - 2], s[sp - 1]);
            if (r == null) {
              return null;
            }
            s[--sp] = null;
            s[sp - 1] = r;
          }
          case Op.EQ, Op.NEQ -> {
            Value a = s[sp - 2];
            Value b = s[sp - 1];
            if (a instanceof NixUnknown || b instanceof NixUnknown) {
              return null;
            }
            Boolean q = Equality.quick(a, b);
            if (q == null) {
              return null;
            }
            s[--sp] = null;
            s[sp - 1] = NixBool.of(q != (code[ip - 1] == Op.NEQ));
          }
          case Op.NOT -> {
            if (!(s[sp - 1] instanceof NixBool b)) {
              return null;
            }
            s[sp - 1] = NixBool.of(!b.value);
          }
          case Op.SELECT, Op.SELECT_FORCE -> {
            boolean force = code[ip - 1] == Op.SELECT_FORCE;
            String name = (String) k[code[ip++]];
            if (!(s[sp - 1] instanceof NixAttrs a)) {
              return null;
            }
            Value r = a.get(name);
            if (r == null) {
              return null;
            }
            if (force) {
              // And the FORCE that follows.
              if (r instanceof Thunk t && (r = t.valueOrNull()) == null) {
                return null;
              }
              ip++;
            }
            s[sp - 1] = r;
          }
          case Op.HAS_ATTR -> {
            String name = (String) k[code[ip++]];
            Value v = s[sp - 1];
            if (v instanceof NixUnknown) {
              return null;
            }
            s[sp - 1] = NixBool.of(v instanceof NixAttrs a && a.has(name));
          }
          case Op.RETURN -> {
            return s[sp - 1];
          }
          default -> {
            return null;
          }
        }
      }
    } finally {
      clear(s, 0, Math.min(s.length, p.maxStack + 1));
    }
  }

  /** {@link #evalSimple} for {@linkplain Proto#arithmetic arithmetic} thunks: small enough to inline. */
  private Value evalArithmetic(Proto p, Value[] up) {
    final Value[] s = scratch;
    final int[] code = p.code;
    final Object[] k = p.constants;
    int sp = 0;
    int ip = 0;
    try {
      while (true) {
        switch (code[ip++]) {
          case Op.CONST -> s[sp++] = (Value) k[code[ip++]];
          case Op.UPVAL -> s[sp++] = up[code[ip++]];
          case Op.UPVAL_FORCE -> {
            Value v = up[code[ip++]];
            if (v instanceof Thunk t && (v = t.valueOrNull()) == null) {
              return null;
            }
            s[sp++] = v;
            ip++;
          }
          case Op.FORCE -> {
            if (s[sp - 1] instanceof Thunk t) {
              Value d = t.valueOrNull();
              if (d == null) {
                return null;
              }
              s[sp - 1] = d;
            }
          }
          case Op.ADD_LEFT -> {
            if (!Arith.addableLeft(s[sp - 1])) {
              return null;
            }
            ip++;
          }
          case Op.INTERP_PART -> {
            if (!Arith.coercible(s[sp - 1])) {
              return null;
            }
            ip++;
          }
          case Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.LESS -> {
            int op = code[ip - 1];
            if (op == Op.ADD) {
              ip++;
            }
            Value r = simpleArith(op, s[sp - 2], s[sp - 1]);
            if (r == null) {
              return null;
            }
            s[--sp] = null;
            s[sp - 1] = r;
          }
          case Op.EQ, Op.NEQ -> {
            Value a = s[sp - 2];
            Value b = s[sp - 1];
            if (a instanceof NixUnknown || b instanceof NixUnknown) {
              return null;
            }
            Boolean q = Equality.quick(a, b);
            if (q == null) {
              return null;
            }
            s[--sp] = null;
            s[sp - 1] = NixBool.of(q != (code[ip - 1] == Op.NEQ));
          }
          case Op.NOT -> {
            if (!(s[sp - 1] instanceof NixBool b)) {
              return null;
            }
            s[sp - 1] = NixBool.of(!b.value);
          }
          case Op.SELECT, Op.SELECT_FORCE -> {
            boolean force = code[ip - 1] == Op.SELECT_FORCE;
            String name = (String) k[code[ip++]];
            if (!(s[sp - 1] instanceof NixAttrs a)) {
              return null;
            }
            Value r = a.get(name);
            if (r == null) {
              return null;
            }
            if (force) {
              // And the FORCE that follows.
              if (r instanceof Thunk t && (r = t.valueOrNull()) == null) {
                return null;
              }
              ip++;
            }
            s[sp - 1] = r;
          }
          case Op.HAS_ATTR -> {
            String name = (String) k[code[ip++]];
            Value v = s[sp - 1];
            if (v instanceof NixUnknown) {
              return null;
            }
            s[sp - 1] = NixBool.of(v instanceof NixAttrs a && a.has(name));
          }
          case Op.RETURN -> {
            return s[sp - 1];
          }
          default -> {
            return null;
          }
        }
      }
    } finally {
      clear(s, 0, Math.min(s.length, p.maxStack + 1));
    }
  }

  /** Arithmetic and {@code <} on plain numbers (null for anything else, or a failure). */
  private static Value simpleArith(int op, Value a, Value b) {
    if (a instanceof NixInt x && b instanceof NixInt y) {
      long l = x.value;
      long r = y.value;
      return switch (op) {
        case Op.ADD -> NixInt.of(l + r);
        case Op.SUB -> NixInt.of(l - r);
        case Op.MUL -> NixInt.of(l * r);
        case Op.DIV -> r == 0 || (l == Long.MIN_VALUE && r == -1) ? null : NixInt.of(l / r);
        default -> NixBool.of(l < r);
      };
    }
    if ((a instanceof NixFloat || a instanceof NixInt) && (b instanceof NixFloat || b instanceof NixInt)) {
      double l = a instanceof NixFloat f ? f.value : ((NixInt) a).value;
      double r = b instanceof NixFloat f ? f.value : ((NixInt) b).value;
      return switch (op) {
        case Op.ADD -> NixFloat.of(l + r);
        case Op.SUB -> NixFloat.of(l - r);
        case Op.MUL -> NixFloat.of(l * r);
        case Op.DIV -> r == 0 ? null : NixFloat.of(l / r);
        default -> NixBool.of(l < r);
      };
    }
    return null;
  }

  /**
   * Empties {@code a[from..to)}: small enough for C1 to inline, where {@code Arrays.fill} calls
   * its range check.
   */
  private static void clear(Value[] a, int from, int to) {
    for (int i = from; i < to; i++) {
      a[i] = null;
    }
  }

  /** A pending thunk of {@code p} with what it captures from the frame. */
  private static Thunk thunk(Proto p, CallFrame cf, Value[] stack, int base) {
    return p.captures.length == 1
        ? new Thunk(p, captureOne(p, cf, stack, base))
        : new Thunk(p, capture(p, cf, stack, base));
  }

  /** The one value that {@code p} captures (its captures have length 1). */
  private static Value captureOne(Proto p, CallFrame cf, Value[] stack, int base) {
    int c = p.captures[0];
    return (c & 1) == 0 ? stack[base + (c >> 1)] : cf.upvalues[c >> 1];
  }

  /** The values a closure or thunk of {@code p} captures from the frame {@code cf}. */
  private static Value[] capture(Proto p, CallFrame cf, Value[] stack, int base) {
    int[] caps = p.captures;
    int n = caps.length;
    if (n == 0) {
      return PENDING_NONE;
    }
    Value[] out = new Value[n];
    Value[] up = cf.upvalues;
    for (int i = 0; i < n; i++) {
      int c = caps[i];
      out[i] = (c & 1) == 0 ? stack[base + (c >> 1)] : up[c >> 1];
    }
    return out;
  }

  /** Formals errors need the proto of the lambda; kept here so the VM loop stays short. */
  static final class FormalsCheck {
    private FormalsCheck() {}

    /** Checks the argument set of a call; errors are at {@code callSite}, as Nix puts them. */
    static void check(Proto proto, NixAttrs arg, SourcePos callSite) {
      Formals f = proto.formals;
      if (f == null) {
        return;
      }
      // Missing required arguments first, in the order Nix checks them.
      for (int i = 0; i < f.names().size(); i++) {
        if (!f.hasDefault().get(i) && !arg.has(f.names().get(i))) {
          throw atCallSite(missing(proto, f.names().get(i)), callSite);
        }
      }
      if (!f.ellipsis()) {
        for (int i = 0; i < arg.size(); i++) {
          String name = arg.nameAt(i);
          if (f.indexOf(name) < 0) {
            throw atCallSite(NixError.eval(
                describeLambda(proto) + " called with unexpected argument '" + name + "'")
                .withSuggestions(Suggestions.best(f.names(), name)), callSite);
          }
        }
      }
    }

    static NixError missing(Proto proto, String name) {
      return new NixError(NixError.Kind.EVAL,
          describeLambda(proto) + " called without required argument '" + name + "'");
    }

    static String describeLambda(Proto proto) {
      if (proto.name != null) {
        return "'" + proto.name + "' at " + (proto.pos == null ? "«unknown»" : proto.pos.messageLocation());
      }
      return "anonymous function at " + (proto.pos == null ? "«unknown»" : proto.pos.messageLocation());
    }
  }
}
