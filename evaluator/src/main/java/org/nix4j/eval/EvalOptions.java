package org.nix4j.eval;

import org.nix4j.io.EvalIO;
import org.nix4j.io.RealIO;

/** How an {@link Evaluator} is set up. Mutable while being built; not shared after. */
public final class EvalOptions {
  public EvalIO io = new RealIO();
  public SearchPath searchPath = SearchPath.EMPTY;
  public String storeDir = "/nix/store";
  public String currentSystem = "x86_64-linux";
  /** {@code --readonly-mode} (the default of {@code --eval}): store paths are computed, not written. */
  public boolean readOnly = true;
  /** Where the store of nix4j keeps what is "added" (null: in memory). */
  public java.nio.file.Path storeCacheDir;
  /** The home directory for {@code ~/} paths (byte string), or null for $HOME from {@link #io}. */
  public String home;
  /** Where {@code builtins.trace} writes (default: stderr). */
  public java.util.function.Consumer<String> traceSink;

  /** Called with the name and code of every file or expression compiled ({@code --dump-bytecode}). */
  public java.util.function.BiConsumer<String, org.nix4j.bytecode.Proto> compileListener;

  /** Watches the VM ({@code --trace-runtime}; the language server). */
  public org.nix4j.vm.VmObserver observer;

  public EvalOptions() {}
}
