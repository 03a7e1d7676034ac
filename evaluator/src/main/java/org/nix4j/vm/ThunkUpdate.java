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
  private final Thunk.Applied f;
  private final Value x;
  private boolean started;

  ThunkUpdate(Thunk thunk, Thunk.NativeCode code) {
    this.thunk = thunk;
    this.code = code;
    this.f = null;
    this.x = null;
  }

  ThunkUpdate(Thunk thunk, Thunk.Applied f, Value x) {
    this.thunk = thunk;
    this.code = null;
    this.f = f;
    this.x = x;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (!started) {
      started = true;
      if (code != null) {
        in = code.run(vm);
      } else {
        f.applied = true;
        in = vm.call(f.f, x);
      }
      if (in == null) {
        return null;
      }
    }
    thunk.set(in);
    return in;
  }
}
