package org.nix4j.store.derivation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.FixedOutputHash;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StoreException;
import org.nix4j.store.StorePath;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;

/**
 * The store side of {@code builtins.derivationStrict} (Nix 2.8): collects what the evaluator
 * extracted from the attribute set and computes output paths, the {@code .drv} text and the drv
 * path. Not thread-safe; one builder per derivation.
 *
 * <p>The evaluator is responsible for the attribute loop: coercing each attribute to a string
 * (or, with {@code __structuredAttrs}, adding it to the {@code __json} JSON text, which it passes
 * as the {@code __json} env entry), skipping nulls under {@code __ignoreNulls}, passing
 * {@code args} separately, and turning the string contexts into {@link #inputSrc input sources}
 * and {@link #inputDrv input derivations}. It should call {@link #checkOutputs} and
 * {@link #parseHashMode} when it meets {@code outputs} and {@code outputHashMode}, because Nix
 * reports those errors in attribute order.
 *
 * <p>{@link #build} then does, in Nix's order:
 *
 * <ol>
 *   <li>{@code required attribute 'builder' missing} / {@code 'system'} for empty values;
 *   <li>{@code derivation names are not allowed to end in '.drv'};
 *   <li>with an {@code outputHash}: a fixed-output derivation, which must have exactly the output
 *       {@code out} ({@code multiple outputs are not supported in fixed-output derivations});
 *       the hash is parsed with {@link Hash#parseAllowEmpty} using {@code outputHashAlgo} if that
 *       names a known algorithm; the method defaults to flat; the output path is
 *       {@link StoreDir#makeFixedOutputPath}, stored in the env as {@code out};
 *   <li>otherwise an input-addressed derivation: every output's env entry and path start empty,
 *       the masked modulo hash gives each output's path {@link StoreDir#makeOutputPath}, which
 *       is stored in the env under the output's name;
 *   <li>the drv path is the text path {@code NAME.drv} of the ATerm with the input sources and
 *       input derivations as references. An invalid name fails when the first path is made
 *       (Nix's messages show that path's hash part).
 * </ol>
 */
public final class DerivationBuilder {
  private final StoreDir store;
  private final DerivationHasher hasher;
  private final String name;
  private List<String> outputs = List.of("out");
  private String platform = "";
  private String builder = "";
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> env = new TreeMap<>();
  private final Map<StorePath, Set<String>> inputDrvs = new TreeMap<>();
  private final Set<StorePath> inputSrcs = new TreeSet<>();
  private String outputHash;
  private String outputHashAlgo;
  private FileIngestionMethod hashMode;

  /** A builder for a derivation called {@code name} in that store directory. */
  public DerivationBuilder(StoreDir store, DerivationHasher hasher, String name) {
    this.store = store;
    this.hasher = hasher;
    this.name = name;
  }

  /**
   * Checks the {@code outputs} attribute as Nix does and returns the outputs in their given
   * order: {@code duplicate derivation output 'x'}, {@code invalid derivation output name 'drv'},
   * {@code derivation cannot have an empty set of outputs}.
   */
  public static List<String> checkOutputs(List<String> outputs) {
    Set<String> seen = new LinkedHashSet<>();
    for (String o : outputs) {
      if (!seen.add(o)) {
        throw new StoreException("duplicate derivation output '" + o + "'");
      }
      if (o.equals("drv")) {
        throw new StoreException("invalid derivation output name 'drv'");
      }
    }
    if (seen.isEmpty()) {
      throw new StoreException("derivation cannot have an empty set of outputs");
    }
    return new ArrayList<>(seen);
  }

  /**
   * The {@code outputHashMode} attribute: {@code "flat"} or {@code "recursive"}, else
   * {@code invalid value 'x' for 'outputHashMode' attribute} ({@code "text"} too, in Nix 2.8).
   */
  public static FileIngestionMethod parseHashMode(String mode) {
    switch (mode) {
      case "recursive":
        return FileIngestionMethod.RECURSIVE;
      case "flat":
        return FileIngestionMethod.FLAT;
      default:
        throw new StoreException("invalid value '" + mode + "' for 'outputHashMode' attribute");
    }
  }

  /**
   * {@code builtins.placeholder}: {@code /} followed by the base-32 sha256 of
   * {@code nix-output:OUTPUT}; the builder replaces it with the output's path at build time.
   */
  public static String placeholder(String output) {
    return "/" + Hash.hashBytes(HashAlgorithm.SHA256, "nix-output:" + output).toBase32();
  }

  /**
   * Adds what a string context entry {@code =DRVPATH} (a {@code .drv} path itself, with all its
   * outputs) brings in, as {@code derivationStrict} does: every path of the closure of the
   * {@code .drv} in {@code store} becomes an input source, and every derivation in it an input
   * derivation with all its outputs. Needs the {@code .drv} files to be in the store (Nix's
   * read-only mode fails here too).
   */
  public DerivationBuilder inputDrvAllOutputs(org.nix4j.store.Store store, StorePath drvPath)
      throws java.io.IOException {
    for (StorePath p : store.closure(drvPath)) {
      inputSrcs.add(p);
      if (p.isDerivation()) {
        for (String o : store.readDerivation(p).outputNames()) {
          inputDrv(p, o);
        }
      }
    }
    return this;
  }

  /** The outputs (checked with {@link #checkOutputs}); default {@code ["out"]}. */
  public DerivationBuilder outputs(List<String> outputs) {
    this.outputs = checkOutputs(outputs);
    return this;
  }

  /** The {@code system}. */
  public DerivationBuilder platform(String platform) {
    this.platform = platform;
    return this;
  }

  public DerivationBuilder builder(String builder) {
    this.builder = builder;
    return this;
  }

  public DerivationBuilder arg(String arg) {
    args.add(arg);
    return this;
  }

  public DerivationBuilder args(List<String> args) {
    this.args.addAll(args);
    return this;
  }

  /** An environment variable (later values replace earlier ones). */
  public DerivationBuilder env(String key, String value) {
    env.put(key, value);
    return this;
  }

  /** Uses output {@code output} of the derivation {@code drvPath}. */
  public DerivationBuilder inputDrv(StorePath drvPath, String output) {
    inputDrvs.computeIfAbsent(drvPath, k -> new TreeSet<>()).add(output);
    return this;
  }

  /** Uses a plain store path. */
  public DerivationBuilder inputSrc(StorePath path) {
    inputSrcs.add(path);
    return this;
  }

  /** The {@code outputHash} attribute, making this a fixed-output derivation. */
  public DerivationBuilder outputHash(String hash) {
    this.outputHash = hash;
    return this;
  }

  /** The {@code outputHashAlgo} attribute (unknown names are ignored, as by Nix). */
  public DerivationBuilder outputHashAlgo(String algo) {
    this.outputHashAlgo = algo;
    return this;
  }

  /** The {@code outputHashMode} attribute (see {@link #parseHashMode}). */
  public DerivationBuilder outputHashMode(String mode) {
    this.hashMode = parseHashMode(mode);
    return this;
  }

  /**
   * Computes the derivation (see the class comment); the modulo hash is remembered by the
   * hasher under the drv path. {@code warn} receives warnings (an empty {@code outputHash}).
   */
  public DerivationResult build(Consumer<String> warn) {
    if (builder.isEmpty()) {
      throw new StoreException("required attribute 'builder' missing");
    }
    if (platform.isEmpty()) {
      throw new StoreException("required attribute 'system' missing");
    }
    if (name.endsWith(".drv")) {
      throw new StoreException("derivation names are not allowed to end in '.drv'");
    }
    Map<String, String> finalEnv = new TreeMap<>(env);
    Map<String, DerivationOutput> outs = new LinkedHashMap<>();
    if (outputHash != null) {
      if (outputs.size() != 1 || !outputs.get(0).equals("out")) {
        throw new StoreException("multiple outputs are not supported in fixed-output derivations");
      }
      HashAlgorithm algo = outputHashAlgo == null ? null : HashAlgorithm.lookup(outputHashAlgo).orElse(null);
      Hash h = Hash.parseAllowEmpty(outputHash, algo, warn);
      FileIngestionMethod method = hashMode == null ? FileIngestionMethod.FLAT : hashMode;
      StorePath out = store.makeFixedOutputPath(method, h, name);
      finalEnv.put("out", store.print(out));
      outs.put("out", DerivationOutput.fixed(out, new FixedOutputHash(method, h)));
    } else {
      StorePath dummy = StorePath.fromBaseName("00000000000000000000000000000000-x");
      Map<String, DerivationOutput> masked = new LinkedHashMap<>();
      for (String o : outputs) {
        finalEnv.put(o, "");
        masked.put(o, DerivationOutput.inputAddressed(dummy));
      }
      Derivation pre = new Derivation(name, masked, inputDrvs, inputSrcs, platform, builder, args, finalEnv);
      Hash h = hasher.hashModulo(pre, true);
      for (String o : outputs) {
        StorePath p = store.makeOutputPath(o, h, name);
        finalEnv.put(o, store.print(p));
        outs.put(o, DerivationOutput.inputAddressed(p));
      }
    }
    Derivation drv = new Derivation(name, outs, inputDrvs, inputSrcs, platform, builder, args, finalEnv);
    String aterm = drv.toATerm(store);
    Hash atermHash = Hash.hashBytes(HashAlgorithm.SHA256, aterm);
    StorePath drvPath = store.makeTextPath(name + ".drv", atermHash, drv.references());
    // Without input derivations the modulo hash is the hash of the ATerm itself.
    Hash modulo = inputDrvs.isEmpty() && !drv.isFixedOutput() ? atermHash : hasher.hashModulo(drv, false);
    hasher.remember(drvPath, modulo);
    return new DerivationResult(drv, drvPath, aterm, modulo);
  }
}
