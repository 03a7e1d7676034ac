package org.nix4j.vm;

import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * Computes a thunk whose code is native ({@link Thunk.NativeCode}) or an
 * {@linkplain Thunk#application application}, and stores the result.
 */
final class ThunkUpdate extends Generator {
  final Thunk thunk;
  /** The native code, or null for an application of {@link #f} to {@link #x}. */
  private final Thunk.NativeCode code;
  private final Value f;
  private final Value x;
  private boolean started;

  ThunkUpdate(Thunk thunk, Thunk.NativeCode code) {
    this.thunk = thunk;
    this.code = code;
    this.f = null;
    this.x = null;
  }

  ThunkUpdate(Thunk thunk, Value f, Value x) {
    this.thunk = thunk;
    this.code = null;
    this.f = f;
    this.x = x;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (!started) {
      started = true;
      in = code != null ? code.run(vm) : vm.call(f, x);
      if (in == null) {
        return null;
      }
    }
    thunk.set(in);
    return in;
  }
}
