package org.nix4j.store.derivation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StorePath;

/**
 * A store derivation (the contents of a {@code .drv} file), immutable. All strings are byte
 * strings. Maps and sets are sorted by their keys' bytes (store paths by base name), which is the
 * order of the ATerm text. The {@code name} is not part of the ATerm text; it is the name of the
 * {@code .drv} path without the extension and is needed to compute output paths.
 *
 * <p>See {@link DerivationBuilder} for how {@code derivationStrict} makes one, {@link ATerm} for
 * the text and {@link DerivationHasher} for {@code hashDerivationModulo}.
 */
public final class Derivation {
  private final String name;
  private final SortedMap<String, DerivationOutput> outputs;
  private final SortedMap<StorePath, SortedSet<String>> inputDrvs;
  private final SortedSet<StorePath> inputSrcs;
  private final String platform;
  private final String builder;
  private final List<String> args;
  private final SortedMap<String, String> env;

  public Derivation(
      String name,
      Map<String, DerivationOutput> outputs,
      Map<StorePath, ? extends java.util.Set<String>> inputDrvs,
      java.util.Set<StorePath> inputSrcs,
      String platform,
      String builder,
      List<String> args,
      Map<String, String> env) {
    this.name = name;
    this.outputs = Collections.unmodifiableSortedMap(new TreeMap<>(outputs));
    TreeMap<StorePath, SortedSet<String>> drvs = new TreeMap<>();
    inputDrvs.forEach((k, v) -> drvs.put(k, Collections.unmodifiableSortedSet(new TreeSet<>(v))));
    this.inputDrvs = Collections.unmodifiableSortedMap(drvs);
    this.inputSrcs = Collections.unmodifiableSortedSet(new TreeSet<>(inputSrcs));
    this.platform = platform;
    this.builder = builder;
    this.args = List.copyOf(args);
    this.env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
  }

  public String name() {
    return name;
  }

  public SortedMap<String, DerivationOutput> outputs() {
    return outputs;
  }

  /** Input derivations and which of their outputs are used. */
  public SortedMap<StorePath, SortedSet<String>> inputDrvs() {
    return inputDrvs;
  }

  /** Input sources (plain store paths). */
  public SortedSet<StorePath> inputSrcs() {
    return inputSrcs;
  }

  /** The {@code system}. */
  public String platform() {
    return platform;
  }

  public String builder() {
    return builder;
  }

  public List<String> args() {
    return args;
  }

  public SortedMap<String, String> env() {
    return env;
  }

  /** Whether this is a fixed-output derivation: a single output {@code out} with a hash. */
  public boolean isFixedOutput() {
    return outputs.size() == 1
        && outputs.containsKey("out")
        && outputs.get("out").isFixed();
  }

  /** The names of the outputs, sorted. */
  public SortedSet<String> outputNames() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(outputs.keySet()));
  }

  /**
   * The references of the {@code .drv} file: its input sources and input derivations (what
   * {@code writeDerivation} registers and what the drv path's fingerprint lists).
   */
  public SortedSet<StorePath> references() {
    TreeSet<StorePath> refs = new TreeSet<>(inputSrcs);
    refs.addAll(inputDrvs.keySet());
    return Collections.unmodifiableSortedSet(refs);
  }

  /** The ATerm text, as in the {@code .drv} file. */
  public String toATerm(StoreDir store) {
    return ATerm.write(this, store, false, null);
  }

  /** The {@code .drv} path: a text path named {@code NAME.drv} with {@link #references()}. */
  public StorePath drvPath(StoreDir store) {
    return store.computeTextPath(name + ".drv", toATerm(store), references());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Derivation)) {
      return false;
    }
    Derivation d = (Derivation) o;
    return name.equals(d.name) && outputs.equals(d.outputs) && inputDrvs.equals(d.inputDrvs)
        && inputSrcs.equals(d.inputSrcs) && platform.equals(d.platform)
        && builder.equals(d.builder) && args.equals(d.args) && env.equals(d.env);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + env.hashCode();
  }

  @Override
  public String toString() {
    return "Derivation(" + name + ", outputs " + new ArrayList<>(outputs.keySet()) + ")";
  }
}
