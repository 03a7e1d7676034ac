package org.nix4j.vm;

import org.nix4j.value.Value;

/**
 * Native code on the frame stack: a builtin or an operation of the VM (equality, coercion,
 * deep forcing …) that needs values the VM must compute first. It is a small state machine:
 * {@link #resume} runs until it needs something, asks the VM for it ({@link Vm#force},
 * {@link Vm#call}, …) and, when the VM answers null (it pushed frames to compute the answer),
 * returns null; the VM resumes it with the answer once computed. When the VM answers at once
 * (a value already forced), the generator goes on without suspending.
 *
 * <pre>
 *   Value resume(Vm vm, Value in) {
 *     switch (state) {
 *       case 0:
 *         state = 1;
 *         if ((in = vm.force(arg)) == null) return null;   // suspend until forced
 *       case 1:
 *         return use(in);                                   // finished: the result
 *     }
 *   }
 * </pre>
 */
public abstract class Generator extends Frame {
  /**
   * Runs until the result is known (returned) or the VM must compute something first (frames
   * pushed, null returned). {@code in} is null on the first call, then the answer asked for.
   */
  public abstract Value resume(Vm vm, Value in);

  /**
   * Called when an error unwinds through this frame. Returns a value to finish the frame with
   * instead (as {@code tryEval} does for catchable errors), or null to let the error pass.
   */
  public Value onError(Vm vm, NixError error) {
    return null;
  }

  /** A line for the trace of errors that pass through this frame, or null. */
  public String traceMessage() {
    return null;
  }

  /**
   * Whether Nix gives the lambdas this generator calls the position of the builtin's call (for
   * the errors of the call, such as a missing argument); by default they get none.
   */
  public boolean callsAtItsPosition() {
    return false;
  }

  /**
   * Where Nix positions the calls this generator makes (the "from call site" of a lambda it
   * calls, such as a {@code __toString}), when that is not the instruction of the call frame
   * below it; null by default.
   */
  public org.nix4j.value.SourcePos callPosition() {
    return null;
  }

  /** When Nix records {@link #traceMessage} (by default always). */
  public NixError.Recorded traceRecorded() {
    return NixError.Recorded.ALWAYS;
  }
}
