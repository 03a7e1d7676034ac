package org.nix4j.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.nix4j.io.fs.FileInfo;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.FileType;
import org.nix4j.store.derivation.ATerm;
import org.nix4j.store.derivation.Derivation;
import org.nix4j.store.derivation.DerivationHasher;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.hash.HashFormat;
import org.nix4j.store.hash.HashSink;
import org.nix4j.store.nar.FilterQuery;
import org.nix4j.store.nar.NarWriter;
import org.nix4j.store.nar.TeeSink;
import org.nix4j.store.nar.TreeSink;
import org.nix4j.store.nar.TreeWalk;

/**
 * What {@link MemoryStore} and {@link DirectoryStore} share: path computation, imports, text
 * files, derivations and closures. Subclasses only stage, commit and look up contents.
 */
public abstract class AbstractStore implements Store {
  private final StoreDir storeDir;
  private final DerivationHasher hasher;

  protected AbstractStore(StoreDir storeDir) {
    this.storeDir = storeDir;
    // A class, not a lambda: every run makes a store, and the first lambda linked costs
    // milliseconds of start-up (java.lang.invoke).
    this.hasher = new DerivationHasher(storeDir, new DerivationHasher.Loader() {
      @Override
      public Derivation load(StorePath p) {
        try {
          return readDerivation(p);
        } catch (IOException e) {
          throw new StoreException("reading '" + storeDir.print(p) + "': " + e.getMessage(), e);
        }
      }
    });
  }

  /** Where new contents are materialised before they get their final name. */
  protected interface Staging {
    /** The sink the contents go to. */
    TreeSink sink();

    /** Makes the contents valid under {@code info.path()}, unless it became valid meanwhile. */
    void commit(PathInfo info) throws IOException;

    /** Throws the contents away. */
    void discard();
  }

  /** A new staging area. */
  protected abstract Staging stage() throws IOException;

  @Override
  public StoreDir storeDir() {
    return storeDir;
  }

  @Override
  public boolean isValid(StorePath path) {
    return pathInfo(path).isPresent();
  }

  @Override
  public DerivationHasher derivationHasher() {
    return hasher;
  }

  private StoreException notValid(StorePath p) {
    return new StoreException("path '" + storeDir.print(p) + "' is not valid");
  }

  @Override
  public StorePath addText(String name, String contents, Collection<StorePath> references)
      throws IOException {
    Hash h = Hash.hashBytes(HashAlgorithm.SHA256, contents);
    StorePath path = storeDir.makeTextPath(name, h, references);
    if (isValid(path)) {
      return path;
    }
    byte[] bytes = contents.getBytes(StandardCharsets.ISO_8859_1);
    HashSink narSink = new HashSink(HashAlgorithm.SHA256);
    NarWriter nar = new NarWriter(narSink);
    Staging staging = stage();
    try {
      TreeSink sink = new TeeSink(nar, staging.sink());
      sink.startFile(false, bytes.length);
      sink.fileData(bytes, 0, bytes.length);
      sink.endFile();
      nar.flush();
      long size = narSink.count();
      staging.commit(new PathInfo(path, narSink.finish(), size, new java.util.TreeSet<>(references),
          "text:" + h.toString(HashFormat.BASE32, true)));
    } catch (IOException | RuntimeException e) {
      staging.discard();
      throw e;
    }
    return path;
  }

  @Override
  public StorePath writeDerivation(Derivation drv) throws IOException {
    StorePath p = addText(drv.name() + ".drv", drv.toATerm(storeDir), drv.references());
    hasher.remember(p, hasher.hashModulo(drv, false));
    return p;
  }

  @Override
  public Derivation readDerivation(StorePath drvPath) throws IOException {
    if (!isValid(drvPath)) {
      throw notValid(drvPath);
    }
    String text;
    try (InputStream in = files().openFile(storeDir.print(drvPath))) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    String name = drvPath.name();
    return ATerm.parse(text, name.substring(0, name.length() - 4), storeDir);
  }

  @Override
  public Set<StorePath> closure(StorePath path) {
    Set<StorePath> seen = new LinkedHashSet<>();
    ArrayDeque<StorePath> todo = new ArrayDeque<>();
    todo.add(path);
    while (!todo.isEmpty()) {
      StorePath p = todo.poll();
      if (!seen.add(p)) {
        continue;
      }
      PathInfo info = pathInfo(p).orElseThrow(() -> notValid(p));
      todo.addAll(info.references());
    }
    return seen;
  }

  @Override
  public PathImport beginImport(FileTree tree, String path, String name, FileIngestionMethod method,
      HashAlgorithm algo, boolean filtered, boolean write) {
    return new Import(tree, path, name, method, algo, filtered, write);
  }

  /** A sink that drops everything (dry runs). */
  private static final TreeSink NOWHERE = new TreeSink() {
    @Override
    public void startDirectory() {}

    @Override
    public void startEntry(String name) {}

    @Override
    public void endEntry() {}

    @Override
    public void endDirectory() {}

    @Override
    public void startFile(boolean executable, long size) {}

    @Override
    public void fileData(byte[] buf, int off, int len) {}

    @Override
    public void endFile() {}

    @Override
    public void symlink(String target) {}
  };

  private final class Import implements PathImport {
    private final FileTree tree;
    private final String path;
    private final String name;
    private final FileIngestionMethod method;
    private final HashAlgorithm algo;
    private final boolean filtered;
    private final boolean write;
    private final HashSink narSink = new HashSink(HashAlgorithm.SHA256);
    private NarWriter nar;
    private HashSink contentSink;
    private NarWriter contentNar;
    private Staging staging;
    private TreeSink sink;
    private TreeWalk walk;
    private boolean finished;
    private Hash contentHash;

    Import(FileTree tree, String path, String name, FileIngestionMethod method, HashAlgorithm algo,
        boolean filtered, boolean write) {
      this.tree = tree;
      this.path = path;
      this.name = name;
      this.method = method;
      this.algo = algo;
      this.filtered = filtered;
      this.write = write;
    }

    /** Sets up the sinks: NAR hash, content hash (recursive, not sha256), staging. */
    private TreeSink sink() throws IOException {
      if (sink == null) {
        nar = new NarWriter(narSink);
        staging = write ? stage() : null;
        TreeSink s = new TeeSink(nar, write ? staging.sink() : NOWHERE);
        if (algo != HashAlgorithm.SHA256 && method == FileIngestionMethod.RECURSIVE) {
          contentSink = new HashSink(algo);
          contentNar = new NarWriter(contentSink);
          s = new TeeSink(contentNar, s);
        }
        sink = s;
      }
      return sink;
    }


    @Override
    public FilterQuery next() throws IOException {
      if (finished) {
        throw new IllegalStateException("the import is finished");
      }
      if (method == FileIngestionMethod.FLAT) {
        return null;
      }
      try {
        if (walk == null) {
          walk = TreeWalk.start(tree, path, sink(), filtered);
        }
        return walk.next();
      } catch (IOException | RuntimeException e) {
        abort();
        throw e;
      }
    }

    @Override
    public void answer(boolean include) throws IOException {
      try {
        walk.answer(include);
      } catch (IOException | RuntimeException e) {
        abort();
        throw e;
      }
    }

    @Override
    public PathInfo finish() throws IOException {
      if (finished) {
        throw new IllegalStateException("the import is finished");
      }
      try {
        if (method == FileIngestionMethod.FLAT) {
          copyFlat();
        } else {
          if (walk == null) {
            walk = TreeWalk.start(tree, path, sink(), filtered);
          }
          if (!walk.isDone() && walk.next() != null) {
            throw new IllegalStateException("the import has pending filter queries");
          }
        }
        nar.flush();
        long narSize = narSink.count();
        Hash narHash = narSink.finish();
        if (method == FileIngestionMethod.RECURSIVE) {
          if (contentNar != null) {
            contentNar.flush();
            contentHash = contentSink.finish();
          } else {
            contentHash = narHash;
          }
        }
        StorePath p = storeDir.makeFixedOutputPath(method, contentHash, name);
        PathInfo info = new PathInfo(p, narHash, narSize, new java.util.TreeSet<>(),
            "fixed:" + method.prefix() + contentHash.toString(HashFormat.BASE32, true));
        if (write) {
          if (isValid(p)) {
            staging.discard();
          } else {
            staging.commit(info);
          }
          staging = null;
        }
        finished = true;
        return info;
      } catch (IOException | RuntimeException e) {
        abort();
        throw e;
      }
    }

    private void copyFlat() throws IOException {
      FileInfo info = tree.stat(path);
      if (info == null) {
        throw new NoSuchFileException(path);
      }
      if (info.type() != FileType.REGULAR) {
        throw new StoreException("reading from file: Is a directory");
      }
      TreeSink s = sink();
      HashSink content = new HashSink(algo);
      byte[] buf = new byte[64 * 1024];
      s.startFile(false, info.size());
      try (InputStream in = tree.openFile(path)) {
        long left = info.size();
        while (left > 0) {
          int n = in.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            throw new java.io.EOFException("file '" + path + "' was truncated while reading it");
          }
          content.write(buf, 0, n);
          s.fileData(buf, 0, n);
          left -= n;
        }
      }
      s.endFile();
      contentHash = content.finish();
    }

    @Override
    public Hash contentHash() {
      return contentHash;
    }

    @Override
    public void abort() {
      if (staging != null) {
        staging.discard();
        staging = null;
      }
      finished = true;
    }

    @Override
    public void close() {
      if (!finished) {
        abort();
      }
    }
  }
}
