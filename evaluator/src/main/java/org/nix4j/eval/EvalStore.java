package org.nix4j.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.nix4j.io.EvalIOException;
import org.nix4j.store.DirectoryStore;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.MemoryStore;
import org.nix4j.store.PathImport;
import org.nix4j.store.Store;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StoreException;
import org.nix4j.store.StorePath;
import org.nix4j.store.derivation.ATerm;
import org.nix4j.store.derivation.Derivation;
import org.nix4j.store.derivation.DerivationOutput;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.value.NixContext;
import org.nix4j.vm.NixError;

/**
 * The store side of an evaluation: nix4j's {@link Store}, the view of the files with the store
 * in it ({@link StoreOverlayIO}), and what Nix's {@code EvalState} does with them: copying
 * sources to the store (cached per path, as Nix's {@code srcToStore}), realising the context of
 * a path before it is read, and the read-only mode in which store paths are computed but
 * nothing is written.
 */
final class EvalStore {
  private final Store store;
  private final StoreDir dir;
  private final StoreOverlayIO files;
  private final EvalOptions options;
  /** Sources copied so far: path to store path (Nix's srcToStore). */
  private final Map<String, StorePath> srcToStore = new HashMap<>();

  /** Whether the evaluation was cancelled (checked between the entries of long copies). */
  private final java.util.function.BooleanSupplier cancelled;

  EvalStore(EvalOptions options, java.util.function.BooleanSupplier cancelled) {
    this.options = options;
    this.cancelled = cancelled;
    this.store = options.store != null ? options.store : newStore(options);
    this.dir = store.storeDir();
    this.files = new StoreOverlayIO(options.io, store);
  }

  private static Store newStore(EvalOptions options) {
    StoreDir sd = new StoreDir(options.storeDir);
    if (options.storeCacheDir == null) {
      return new MemoryStore(sd);
    }
    try {
      return new DirectoryStore(options.storeCacheDir, sd);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the store of nix4j in " + options.storeCacheDir, e);
    }
  }

  Store store() {
    return store;
  }

  StoreDir dir() {
    return dir;
  }

  StoreOverlayIO files() {
    return files;
  }

  /** Whether store paths are only computed (Nix's read-only mode). */
  boolean readOnly() {
    return options.readOnly;
  }

  /** Where warnings go (the options' sink, else stderr as {@code warning: …}). */
  java.util.function.Consumer<String> warnings() {
    if (options.warningSink != null) {
      return options.warningSink;
    }
    return w -> System.err.println("warning: " + org.nix4j.value.NixString.unicodeOf(w));
  }

  /** Whether an experimental feature of Nix is enabled. */
  boolean hasFeature(String feature) {
    return options.experimentalFeatures.contains(feature);
  }

  /** Nix's error for a disabled experimental feature. */
  NixError requireFeature(String feature) {
    return NixError.io("experimental Nix feature '" + feature + "' is disabled; use"
        + " '--extra-experimental-features " + feature + "' to override");
  }

  /** Whether the evaluation may use the network. */
  boolean networkAllowed() {
    return files.networkAllowed();
  }

  EvalOptions options() {
    return options;
  }

  /** Prints a store path. */
  String print(StorePath p) {
    return dir.print(p);
  }

  /** Parses a store path ({@code path 'X' is not in the Nix store}). */
  StorePath parse(String path) {
    try {
      return dir.parse(path);
    } catch (StoreException e) {
      throw NixError.io(e.getMessage());
    }
  }

  boolean isValid(StorePath p) {
    return files.isValid(p);
  }

  // -----------------------------------------------------------------------------------------
  // Copying sources.

  /**
   * {@code "${path}"}: copies the file or directory (recursively, sha256, no filter) to the store
   * under its base name, or only computes the path in read-only mode; cached per path.
   */
  String copyPathToStore(String path) {
    if (path.endsWith(".drv")) {
      throw NixError.io("file names are not allowed to end in '.drv'");
    }
    StorePath p = srcToStore.get(path);
    if (p == null) {
      String name = org.nix4j.io.fs.Paths.baseName(path);
      try {
        p = importWhole(path, name, !options.readOnly).path();
      } catch (IOException e) {
        throw ioError(e);
      } catch (RuntimeException e) {
        throw convert(e);
      }
      srcToStore.put(path, p);
    }
    return print(p);
  }

  /**
   * Copies the whole tree at {@code path} (canonical) as a recursive sha256 path (or, without
   * {@code write}, computes its path); a cancelled evaluation stops between entries.
   */
  org.nix4j.store.PathInfo importWhole(String path, String name, boolean write) throws IOException {
    try (PathImport imp = store.beginImport(files.tree(), path, name, FileIngestionMethod.RECURSIVE,
        HashAlgorithm.SHA256, true, write)) {
      while (imp.next() != null) {
        checkCancelled();
        imp.answer(true);
      }
      return imp.finish();
    }
  }

  /** Throws when the evaluation was cancelled. */
  void checkCancelled() {
    if (cancelled.getAsBoolean()) {
      throw new NixError(NixError.Kind.INTERRUPTED, "evaluation cancelled");
    }
  }

  /** Starts copying {@code path} (canonical, absolute) of the evaluation's files to the store. */
  PathImport beginImport(String path, String name, FileIngestionMethod method, boolean filtered) {
    return store.beginImport(files.tree(), path, name, method, HashAlgorithm.SHA256, filtered,
        !options.readOnly);
  }

  /** {@code toFile}: the text path of these contents, written unless in read-only mode. */
  StorePath addText(String name, String contents, Collection<StorePath> refs) {
    try {
      if (options.readOnly) {
        return dir.computeTextPath(name, contents, refs);
      }
      return store.addText(name, contents, refs);
    } catch (IOException e) {
      throw ioError(e);
    } catch (RuntimeException e) {
      throw convert(e);
    }
  }

  /** Writes a derivation unless in read-only mode. */
  void writeDerivation(Derivation drv) {
    if (options.readOnly) {
      return;
    }
    try {
      store.writeDerivation(drv);
    } catch (IOException e) {
      throw ioError(e);
    } catch (RuntimeException e) {
      throw convert(e);
    }
  }

  // -----------------------------------------------------------------------------------------
  // Realising contexts.

  /**
   * {@link #realiseContext} for a path a builtin reads: its errors are traced "while realising the
   * context of path 'P'" at the call, as Nix does.
   */
  void realiseContextOf(String path, NixContext context) {
    try {
      realiseContext(context);
    } catch (NixError e) {
      throw e.traceAtCall("while realising the context of path '" + path + "'");
    }
  }

  /**
   * Nix's {@code realiseContext}, before a path with this context is read: every store path
   * must be valid ({@code path 'X' is not valid}), and derivation outputs would have to be
   * built, which nix4j never does: that is an error unless the output exists already.
   */
  void realiseContext(NixContext context) {
    java.util.List<String[]> outputs = new java.util.ArrayList<>();
    for (String e : context.elements()) {
      String pathS;
      if (e.charAt(0) == '!') {
        int bang = e.indexOf('!', 1);
        pathS = e.substring(bang + 1);
        outputs.add(new String[] {pathS, e.substring(1, bang)});
      } else {
        pathS = e.charAt(0) == '=' ? e.substring(1) : e;
      }
      StorePath p = parse(pathS);
      if (!isValid(p)) {
        throw NixError.io("path '" + print(p) + "' is not valid");
      }
    }
    if (outputs.isEmpty()) {
      return;
    }
    if (!options.allowImportFromDerivation) {
      throw NixError.io("cannot build '" + outputs.get(0)[0] + "' during evaluation because the"
          + " option 'allow-import-from-derivation' is disabled");
    }
    for (String[] o : outputs) {
      StorePath drv = parse(o[0]);
      if (drv.isDerivation() && !outputExists(drv, o[1])) {
        throw NixError.io("cannot build '" + o[0] + "' (output '" + o[1]
            + "') during evaluation: nix4j never builds derivations (import from derivation)");
      }
    }
  }

  /** Whether output {@code output} of the derivation {@code drv} is already present. */
  private boolean outputExists(StorePath drv, String output) {
    Derivation d;
    try {
      d = store.isValid(drv) ? store.readDerivation(drv)
          : ATerm.parse(files.readFile(print(drv)), drv.name().substring(0, drv.name().length() - 4), dir);
    } catch (IOException | RuntimeException e) {
      return false;
    }
    DerivationOutput o = d.outputs().get(output);
    return o != null && o.path() != null && isValid(o.path());
  }

  // -----------------------------------------------------------------------------------------
  // Errors.

  /** An I/O failure as Nix words it. */
  static NixError ioError(IOException e) {
    if (e instanceof NoSuchFileException nf) {
      return NixError.io("getting status of '" + nf.getFile() + "': No such file or directory");
    }
    if (e instanceof NotDirectoryException nd) {
      return NixError.io("getting status of '" + nd.getFile() + "': Not a directory");
    }
    if (e instanceof java.nio.file.AccessDeniedException ad) {
      return NixError.io("getting status of '" + ad.getFile() + "': Permission denied");
    }
    return NixError.io(e.getMessage() == null ? e.toString() : e.getMessage());
  }

  /** Store and I/O exceptions (whose messages are Nix's) as evaluation errors; others as they are. */
  static RuntimeException convert(RuntimeException e) {
    if (e instanceof NixError) {
      return e;
    }
    if (e instanceof StoreException || e instanceof EvalIOException) {
      return NixError.io(e.getMessage());
    }
    if (e instanceof UncheckedIOException u) {
      return ioError(u.getCause());
    }
    return e;
  }
}
