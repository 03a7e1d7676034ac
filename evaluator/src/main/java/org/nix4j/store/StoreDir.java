package org.nix4j.store;

import java.util.Collection;
import java.util.TreeSet;
import org.nix4j.io.fs.Paths;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.hash.HashFormat;

/**
 * A store directory ({@code /nix/store} by default) and the computation of store paths in it,
 * exactly as Nix 2.8 computes them. Paths depend on the directory: the same contents have other
 * hashes under another store directory.
 *
 * <h2>The rule ({@link #makeStorePath})</h2>
 * A store path is {@code STOREDIR/HASH-NAME} where {@code HASH} is the Nix base-32 form of the
 * sha256 of the <em>fingerprint</em> {@code TYPE:sha256:HEX:STOREDIR:NAME}, XOR-folded to 20
 * bytes ({@link Hash#compress}); {@code HEX} is the base-16 form of an inner sha256 and
 * {@code TYPE} says what kind of path it is:
 *
 * <ul>
 *   <li>{@code text} + references: {@code builtins.toFile} and {@code .drv} files; the inner hash
 *       is the sha256 of the contents ({@link #makeTextPath});
 *   <li>{@code source} + references: trees added recursively with sha256 (copied sources,
 *       {@code builtins.path}, unpacked tarballs); the inner hash is the NAR hash;
 *   <li>{@code output:out} for other fixed-output paths: the inner hash is the sha256 of
 *       {@code fixed:out:[r:]ALGO:HEX:} ({@link #makeFixedOutputPath});
 *   <li>{@code output:NAME} for the outputs of input-addressed derivations: the inner hash is the
 *       derivation's {@code hashDerivationModulo} ({@link #makeOutputPath}).
 * </ul>
 *
 * References are appended to the type as {@code :STOREPATH} each, sorted by base name, and a
 * self-reference as {@code :self}.
 */
public final class StoreDir {
  /** {@code /nix/store}. */
  public static final StoreDir DEFAULT = new StoreDir("/nix/store");

  private final String dir;

  /** A store directory: an absolute canonical path (a byte string). */
  public StoreDir(String dir) {
    String c = Paths.canonical(dir);
    if (c.equals("/")) {
      throw new IllegalArgumentException("the store directory cannot be /");
    }
    this.dir = c;
  }

  /** The directory, e.g. {@code /nix/store}. */
  public String path() {
    return dir;
  }

  /** {@code STOREDIR/HASH-NAME}. */
  public String print(StorePath p) {
    return dir + "/" + p.baseName();
  }

  /**
   * Parses a store path ({@code parseStorePath}): the path is canonicalised, must be directly in
   * the store directory ({@code path 'X' is not in the Nix store}), and its base name must be a
   * valid {@link StorePath}.
   */
  public StorePath parse(String path) {
    String p = Paths.canonical(path);
    if (!Paths.parent(p).equals(dir)) {
      throw new BadStorePathException("path '" + p + "' is not in the Nix store");
    }
    return StorePath.fromBaseName(Paths.baseName(p));
  }

  /** Whether {@code path} parses as a store path (not a path inside one). */
  public boolean isStorePath(String path) {
    try {
      parse(path);
      return true;
    } catch (BadStorePathException | IllegalArgumentException e) {
      return false;
    }
  }

  /** Whether {@code path} is strictly below the store directory (Nix's {@code isInStore}). */
  public boolean isInStore(String path) {
    return path.length() > dir.length() + 1
        && path.startsWith(dir)
        && path.charAt(dir.length()) == '/';
  }

  /**
   * The store path that contains {@code path} (which may be a file inside a store path), as Nix's
   * {@code toStorePath}; {@code path 'X' is not in the Nix store} when it is not in the store.
   */
  public StorePath containing(String path) {
    if (!isInStore(path)) {
      throw new BadStorePathException("path '" + path + "' is not in the Nix store");
    }
    int slash = path.indexOf('/', dir.length() + 1);
    return StorePath.fromBaseName(
        slash < 0 ? path.substring(dir.length() + 1) : path.substring(dir.length() + 1, slash));
  }

  /** The store path for a fingerprint type, an inner sha256 and a name (see class comment). */
  public StorePath makeStorePath(String type, Hash hash, String name) {
    String fingerprint =
        type + ":" + hash.toString(HashFormat.BASE16, true) + ":" + dir + ":" + name;
    byte[] h = Hash.hashBytes(HashAlgorithm.SHA256, fingerprint).compress(StorePath.HASH_BYTES);
    return StorePath.fromBaseName(
        org.nix4j.store.hash.Base32.encode(h) + "-" + name);
  }

  /** {@code type:REF1:REF2…[:self]} with the references sorted. */
  public String makeType(String type, Collection<StorePath> references, boolean selfReference) {
    StringBuilder sb = new StringBuilder(type);
    for (StorePath r : new TreeSet<>(references)) {
      sb.append(':').append(print(r));
    }
    if (selfReference) {
      sb.append(":self");
    }
    return sb.toString();
  }

  /** A text path ({@code toFile}, {@code .drv}): {@code hash} is the sha256 of the contents. */
  public StorePath makeTextPath(String name, Hash hash, Collection<StorePath> references) {
    if (hash.algorithm() != HashAlgorithm.SHA256) {
      throw new IllegalArgumentException("text paths need a sha256 hash");
    }
    return makeStorePath(makeType("text", references, false), hash, name);
  }

  /** The text path of these contents (a byte string). */
  public StorePath computeTextPath(String name, String contents, Collection<StorePath> references) {
    return makeTextPath(name, Hash.hashBytes(HashAlgorithm.SHA256, contents), references);
  }

  /**
   * A fixed-output path ({@code makeFixedOutputPath}). A recursive sha256 hash makes a
   * {@code source} path (which may have references); anything else makes an {@code output:out}
   * path from {@code fixed:out:[r:]ALGO:HEX:}, which cannot have references.
   */
  public StorePath makeFixedOutputPath(
      FileIngestionMethod method,
      Hash hash,
      String name,
      Collection<StorePath> references,
      boolean selfReference) {
    if (method == FileIngestionMethod.RECURSIVE && hash.algorithm() == HashAlgorithm.SHA256) {
      return makeStorePath(makeType("source", references, selfReference), hash, name);
    }
    if (!references.isEmpty() || selfReference) {
      throw new IllegalArgumentException("only recursive sha256 fixed-output paths have references");
    }
    Hash inner = Hash.hashBytes(HashAlgorithm.SHA256,
        "fixed:out:" + method.prefix() + hash.toString(HashFormat.BASE16, true) + ":");
    return makeStorePath("output:out", inner, name);
  }

  /** A fixed-output path without references. */
  public StorePath makeFixedOutputPath(FileIngestionMethod method, Hash hash, String name) {
    return makeFixedOutputPath(method, hash, name, java.util.List.of(), false);
  }

  /**
   * The path of output {@code output} of an input-addressed derivation called {@code drvName}
   * whose {@code hashDerivationModulo} is {@code drvHash}: type {@code output:OUTPUT}, name
   * {@code drvName} for {@code out} and {@code drvName-OUTPUT} otherwise.
   */
  public StorePath makeOutputPath(String output, Hash drvHash, String drvName) {
    return makeStorePath("output:" + output, drvHash, outputPathName(drvName, output));
  }

  /** {@code drvName} for output {@code out}, else {@code drvName-output}. */
  public static String outputPathName(String drvName, String output) {
    return output.equals("out") ? drvName : drvName + "-" + output;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreDir && ((StoreDir) o).dir.equals(dir);
  }

  @Override
  public int hashCode() {
    return dir.hashCode();
  }

  @Override
  public String toString() {
    return dir;
  }
}
