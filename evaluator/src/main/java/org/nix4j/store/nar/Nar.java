package org.nix4j.store.nar;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import org.nix4j.io.fs.FileInfo;
import org.nix4j.io.fs.FileTree;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.hash.HashSink;

/** Entry points for NAR serialisation and hashing of file trees. */
public final class Nar {
  private Nar() {}

  /** Writes the NAR of the tree at {@code path} to {@code out} ({@code nix-store --dump}). */
  public static void dump(FileTree tree, String path, PathFilter filter, OutputStream out)
      throws IOException {
    NarWriter w = new NarWriter(out);
    TreeWalk.run(tree, path, w, filter);
    w.flush();
  }

  /**
   * The NAR hash (sha256) and size of the tree at {@code path} ({@code nix-hash --type sha256
   * PATH}, the {@code narHash} of a copied source). {@code filter} may be null.
   */
  public static NarHash hash(FileTree tree, String path, PathFilter filter) throws IOException {
    return hash(tree, path, filter, HashAlgorithm.SHA256);
  }

  /** The NAR hash with any algorithm (a recursive fixed-output hash). */
  public static NarHash hash(FileTree tree, String path, PathFilter filter, HashAlgorithm algo)
      throws IOException {
    HashSink sink = new HashSink(algo);
    dump(tree, path, filter, sink);
    long size = sink.count();
    return new NarHash(sink.finish(), size);
  }

  /** A sink that writes a NAR into a hash (use with {@link TreeWalk} for filtered walks). */
  public static final class Hasher implements AutoCloseable {
    private final HashSink hashSink;
    private final NarWriter writer;

    public Hasher(HashAlgorithm algo) {
      hashSink = new HashSink(algo);
      try {
        writer = new NarWriter(hashSink);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }

    /** The sink to send tree events to. */
    public TreeSink sink() {
      return writer;
    }

    /** The hash and size of the NAR once all events were sent. */
    public NarHash finish() {
      try {
        writer.flush();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      long size = hashSink.count();
      return new NarHash(hashSink.finish(), size);
    }

    @Override
    public void close() {}
  }

  /**
   * The flat hash of a regular file's contents (symlinks followed), as {@code builtins.hashFile}
   * and non-recursive {@code builtins.path} compute it.
   */
  public static Hash hashFile(FileTree tree, String path, HashAlgorithm algo) throws IOException {
    FileInfo info = tree.stat(path);
    if (info == null) {
      throw new NoSuchFileException(path);
    }
    HashSink sink = new HashSink(algo);
    try (InputStream in = tree.openFile(path)) {
      in.transferTo(sink);
    }
    return sink.finish();
  }
}
