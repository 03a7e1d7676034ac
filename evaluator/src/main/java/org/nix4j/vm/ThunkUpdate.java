package org.nix4j.vm;

import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/** Computes a thunk whose code is native ({@link Thunk.NativeCode}) and stores the result. */
final class ThunkUpdate extends Generator {
  final Thunk thunk;
  private final Thunk.NativeCode code;
  private boolean started;

  ThunkUpdate(Thunk thunk, Thunk.NativeCode code) {
    this.thunk = thunk;
    this.code = code;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (!started) {
      started = true;
      in = code.run(vm);
      if (in == null) {
        return null;
      }
    }
    thunk.set(in);
    return in;
  }
}
