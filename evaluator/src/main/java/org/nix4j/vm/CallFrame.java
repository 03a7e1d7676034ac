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
  final Proto proto;
  final Value[] upvalues;
  /** The next instruction to run. */
  int ip;
  /** Where the instruction that suspended the frame started (for error positions). */
  int opStart;
  final int base;
  /** The thunk this frame computes, which takes its result; or null. */
  final Thunk thunk;
  /** The closure this frame runs, for traces; or null. */
  final Closure closure;

  CallFrame(Proto proto, Value[] upvalues, int base, Thunk thunk, Closure closure) {
    this.proto = proto;
    this.upvalues = upvalues;
    this.base = base;
    this.thunk = thunk;
    this.closure = closure;
  }
}
