package org.nix4j.vm;

import org.nix4j.bytecode.Proto;
import org.nix4j.value.Closure;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * A frame that runs the bytecode of a {@link Proto}: a lambda's body (slot 0 holds the
 * argument), a thunk's body, or a file's top level. Its locals and temporaries are the VM stack
 * above {@link #base}.
 */
final class CallFrame extends Frame {
  Proto proto;
  Value[] upvalues;
  /** The next instruction to run. */
  int ip;
  /** Where the instruction that suspended the frame started (for error positions). */
  int opStart;
  int base;
  /** The thunk this frame computes, which takes its result; or null. */
  Thunk thunk;
  /** The closure this frame runs, for traces; or null. */
  Closure closure;

  CallFrame(Proto proto, Value[] upvalues, int base, Thunk thunk, Closure closure) {
    init(proto, upvalues, base, thunk, closure);
  }

  /** Makes a frame from the VM's pool of spent ones run new code. */
  CallFrame init(Proto proto, Value[] upvalues, int base, Thunk thunk, Closure closure) {
    this.proto = proto;
    this.upvalues = upvalues;
    this.base = base;
    this.thunk = thunk;
    this.closure = closure;
    this.ip = 0;
    this.opStart = 0;
    this.savedSp = base;
    return this;
  }
}
