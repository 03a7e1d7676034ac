package org.nix4j.vm;

/**
 * A frame of the VM's frame stack, which lives on the heap: a {@link CallFrame} running
 * bytecode, or a {@link Generator} running native code that suspends to ask the VM for values.
 */
public abstract class Frame {
  /** The VM stack pointer when the frame was pushed; restored when it is unwound. */
  int savedSp;

  Frame() {}
}
