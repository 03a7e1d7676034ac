package org.nix4j.vm;

import org.nix4j.bytecode.Proto;
import org.nix4j.value.Value;

/**
 * Watches the VM run: frames entered and left, generators, and each instruction. Used by
 * {@code --trace-runtime}, {@code --dump-bytecode} and the language server (values for hover).
 * When no observer is installed the VM does not call anything.
 */
public interface VmObserver {
  /** A frame running {@code proto} starts; {@code depth} is its index on the frame stack. */
  default void enterFrame(Proto proto, int depth) {}

  /** The frame running {@code proto} ends with {@code result} (null when it failed). */
  default void exitFrame(Proto proto, int depth, Value result) {}

  /** A generator frame starts. */
  default void enterGenerator(Generator g, int depth) {}

  /** A generator frame ends. */
  default void exitGenerator(Generator g, int depth, Value result) {}

  /** The instruction at {@code ip} of {@code proto} is about to run. */
  default void instruction(Proto proto, int ip, int depth) {}

  /** A thunk was forced to {@code value}; {@code proto} is its code (null for native thunks). */
  default void thunkForced(Proto proto, Value value) {}

  /** A lambda was called with {@code argument}. */
  default void lambdaCalled(Proto proto, Value argument) {}
}
