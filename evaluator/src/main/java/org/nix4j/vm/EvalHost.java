package org.nix4j.vm;

/**
 * What the VM needs from the world around it: the effects of coercion (copying a path to the
 * store) and the state builtins reach through {@link Vm#host()}. Implemented by the evaluator.
 */
public interface EvalHost {
  /**
   * Copies the file or directory at {@code path} (a byte string) to the store, as interpolating
   * a path into a string does, and returns the store path.
   */
  String copyPathToStore(String path);
}
