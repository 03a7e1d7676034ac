package org.nix4j.store;

import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.nix4j.io.fs.FileTree;
import org.nix4j.store.derivation.Derivation;
import org.nix4j.store.derivation.DerivationHasher;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.nar.FilterQuery;
import org.nix4j.store.nar.PathFilter;

/**
 * The store of nix4j: holds what evaluation "adds to the store" ({@code toFile} texts, copied
 * sources, fetched trees, {@code .drv} files) under their real store paths, and reads them back
 * by store path. It never builds and never touches {@code /nix}: implementations keep the
 * contents in memory ({@link MemoryStore}) or below a cache directory ({@link DirectoryStore})
 * while presenting them at {@link #storeDir()} paths through {@link #files()}. All methods are
 * thread-safe; adding the same path twice is harmless.
 */
public interface Store {
  /** The store directory the paths are computed for (default {@code /nix/store}). */
  StoreDir storeDir();

  /** Whether {@code path} was added. */
  boolean isValid(StorePath path);

  /** Information about a valid path. */
  Optional<PathInfo> pathInfo(StorePath path);

  /**
   * Adds a text file (Nix's {@code addTextToStore}, used by {@code builtins.toFile} and for
   * {@code .drv} files) at its text path; {@code contents} is a byte string.
   */
  StorePath addText(String name, String contents, Collection<StorePath> references) throws IOException;

  /**
   * Starts importing the tree at {@code path} of {@code tree} as a content-addressed path named
   * {@code name}: {@code RECURSIVE} hashes the NAR (with {@code SHA256} this gives the
   * {@code source} paths of copied sources and {@code builtins.path}); {@code FLAT} takes the
   * bytes of a single regular file (symlinks followed) and stores it as a non-executable file.
   * With {@code filtered} the import asks about each entry; with {@code write} false only the
   * path is computed (Nix's read-only mode).
   */
  PathImport beginImport(
      FileTree tree, String path, String name, FileIngestionMethod method, HashAlgorithm algo,
      boolean filtered, boolean write);

  /** {@link #beginImport} with a synchronous filter (null: everything) and writing. */
  default PathInfo addPath(
      FileTree tree, String path, String name, FileIngestionMethod method, HashAlgorithm algo,
      PathFilter filter) throws IOException {
    try (PathImport imp = beginImport(tree, path, name, method, algo, filter != null, true)) {
      for (FilterQuery q; (q = imp.next()) != null; ) {
        imp.answer(filter.include(q.path(), q.type()));
      }
      return imp.finish();
    }
  }

  /** The contents of the valid paths, at their store paths ({@code /nix/store/…-x/a.txt}). */
  FileTree files();

  /**
   * Writes a derivation's ATerm as {@code NAME.drv} with its references, and remembers its
   * modulo hash; returns the drv path.
   */
  StorePath writeDerivation(Derivation drv) throws IOException;

  /**
   * Reads a store derivation; {@code path 'X' is not valid} when it was never written.
   */
  Derivation readDerivation(StorePath drvPath) throws IOException;

  /** The memoised {@code hashDerivationModulo} of this store's derivations. */
  DerivationHasher derivationHasher();

  /**
   * The closure of {@code path} under references (Nix's {@code computeFSClosure}), including
   * the path itself; {@code path 'X' is not valid} for a missing path.
   */
  Set<StorePath> closure(StorePath path);
}
