package org.nix4j.eval;

import java.util.Set;
import java.util.function.Consumer;
import org.nix4j.io.EvalIO;
import org.nix4j.io.RealIO;
import org.nix4j.store.Store;

/** How an {@link Evaluator} is set up. Mutable while being built; not shared after. */
public final class EvalOptions {
  public EvalIO io = new RealIO();
  public SearchPath searchPath = SearchPath.EMPTY;
  public String storeDir = "/nix/store";
  public String currentSystem = "x86_64-linux";
  /**
   * {@code --readonly-mode} (the default of {@code --eval}): store paths of copied sources,
   * {@code toFile} texts and {@code .drv} files are computed, not written, so reading them back
   * fails as in Nix ("path '…' is not valid"). Fetchers write in either mode, as Nix's do.
   */
  public boolean readOnly = true;
  /** Where the store of nix4j keeps what is "added" (null: in memory). Ignored when {@link #store} is set. */
  public java.nio.file.Path storeCacheDir;
  /**
   * The store to add to and read from (null: a new {@link org.nix4j.store.MemoryStore}, or a
   * {@link org.nix4j.store.DirectoryStore} under {@link #storeCacheDir}). Its store directory
   * must be {@link #storeDir}. Several evaluators may share one.
   */
  public Store store;
  /** Nix's {@code allow-import-from-derivation} option. */
  public boolean allowImportFromDerivation = true;
  /** Nix's experimental features that are enabled, such as {@code flakes} for {@code fetchTree}. */
  public Set<String> experimentalFeatures = Set.of();
  /** The home directory for {@code ~/} paths (byte string), or null for $HOME from {@link #io}. */
  public String home;
  /**
   * Where {@code builtins.trace} writes: the traced text (a byte string) without Nix's
   * {@code trace: } prefix (default: {@code trace: TEXT} on stderr).
   */
  public Consumer<String> traceSink;
  /** Where warnings go, without the {@code warning: } prefix (default: stderr). */
  public Consumer<String> warningSink;

  /** Called with the name and code of every file or expression compiled ({@code --dump-bytecode}). */
  public java.util.function.BiConsumer<String, org.nix4j.bytecode.Proto> compileListener;

  /** Watches the VM ({@code --trace-runtime}; the language server). */
  public org.nix4j.vm.VmObserver observer;

  public EvalOptions() {}
}
