package org.nix4j.store.derivation;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StorePath;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;

/**
 * Nix's {@code hashDerivationModulo}, memoised per drv path. Thread-safe.
 *
 * <p>The output paths of an input-addressed derivation are computed from a hash of the
 * derivation "modulo" fixed-output derivations, so that changing how a fixed-output input is
 * fetched (its builder, its URL) changes nothing downstream as long as its output hash stays:
 *
 * <ul>
 *   <li>a fixed-output derivation hashes to the sha256 of
 *       {@code fixed:out:[r:]ALGO:HEX:OUTPATH};
 *   <li>any other derivation hashes to the sha256 of its ATerm in which every input derivation
 *       path is replaced by the base-16 modulo hash of that input (sorted by that hex string,
 *       outputs kept), and — when computing its own output paths ({@code maskOutputs}) — the
 *       output paths and the environment variables named like outputs are empty strings.
 * </ul>
 *
 * Input derivations are looked up through the {@link Loader} (usually the store) unless their
 * hash was {@link #remember remembered} when they were created. The computation over the input
 * graph uses an explicit stack.
 */
public final class DerivationHasher {
  /** Reads a store derivation; throws a {@code StoreException} when it is not there. */
  @FunctionalInterface
  public interface Loader {
    Derivation load(StorePath drvPath);
  }

  private final StoreDir store;
  private final Loader loader;
  private final Map<StorePath, Hash> memo = new ConcurrentHashMap<>();

  public DerivationHasher(StoreDir store, Loader loader) {
    this.store = store;
    this.loader = loader;
  }

  /** Records the modulo hash of a derivation written to {@code drvPath}. */
  public void remember(StorePath drvPath, Hash hash) {
    memo.put(drvPath, hash);
  }

  /** The (unmasked) modulo hash of the derivation at {@code drvPath}, memoised. */
  public Hash pathHash(StorePath drvPath) {
    Hash h = memo.get(drvPath);
    if (h != null) {
      return h;
    }
    ArrayDeque<StorePath> stack = new ArrayDeque<>();
    Map<StorePath, Derivation> loaded = new java.util.HashMap<>();
    stack.push(drvPath);
    while (!stack.isEmpty()) {
      StorePath p = stack.peek();
      if (memo.containsKey(p)) {
        stack.pop();
        continue;
      }
      Derivation d = loaded.computeIfAbsent(p, loader::load);
      boolean ready = true;
      if (!d.isFixedOutput()) {
        for (StorePath in : d.inputDrvs().keySet()) {
          if (!memo.containsKey(in)) {
            stack.push(in);
            ready = false;
          }
        }
      }
      if (ready) {
        memo.put(p, hashModulo(d, false));
        loaded.remove(p);
        stack.pop();
      }
    }
    return memo.get(drvPath);
  }

  /**
   * The modulo hash of {@code drv} (see the class comment); the hashes of its input derivations
   * are computed or looked up first.
   */
  public Hash hashModulo(Derivation drv, boolean maskOutputs) {
    if (drv.isFixedOutput()) {
      DerivationOutput out = drv.outputs().get("out");
      return Hash.hashBytes(HashAlgorithm.SHA256,
          "fixed:out:" + out.fixed().methodAlgo() + ":" + out.fixed().hash().toBase16() + ":"
              + store.print(out.path()));
    }
    Map<String, Set<String>> inputs = new TreeMap<>();
    for (Map.Entry<StorePath, ? extends Set<String>> e : drv.inputDrvs().entrySet()) {
      inputs.put(pathHash(e.getKey()).toBase16(), e.getValue());
    }
    return Hash.hashBytes(HashAlgorithm.SHA256, ATerm.write(drv, store, maskOutputs, inputs));
  }
}
