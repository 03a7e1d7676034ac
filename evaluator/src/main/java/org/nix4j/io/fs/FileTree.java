package org.nix4j.io.fs;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A read-only view of a tree of files: the real file system ({@link NioFileTree}), an in-memory
 * tree ({@link MemoryFileTree}), a store's contents, or whatever the evaluator's I/O layer (a
 * sandbox, an overlay of unsaved editor buffers) offers. NAR serialisation and store imports read
 * through this interface only.
 *
 * <p><b>Paths</b> are absolute and canonical ({@code /a/b}: no {@code .} or {@code ..}, no
 * trailing slash except the root {@code /}), and like every Nix string in nix4j they are byte
 * strings: each char is one byte (0..255) of the file name's UTF-8 (or raw) bytes.
 *
 * <p>Implementations must be safe to use from several threads.
 */
public interface FileTree {
  /**
   * Information about the entry at {@code path} without following a symlink in the last
   * component ({@code lstat}); symlinks in earlier components are followed. Null when nothing is
   * there.
   */
  FileInfo lstat(String path) throws IOException;

  /** The names of the entries of a directory, in no particular order, without . and ... */
  List<String> readDirectory(String path) throws IOException;

  /** Opens a regular file for reading (symlinks followed). */
  InputStream openFile(String path) throws IOException;

  /** The target of a symlink, as bytes (a byte string). */
  String readLink(String path) throws IOException;

  /**
   * Like {@link #lstat} but following a symlink in the last component too ({@code stat}); null
   * when nothing is there or the link dangles. The default follows links through
   * {@link #readLink}.
   */
  default FileInfo stat(String path) throws IOException {
    String p = path;
    for (int hops = 0; hops < Paths.MAX_SYMLINK_HOPS; hops++) {
      FileInfo info = lstat(p);
      if (info == null || info.type() != FileType.SYMLINK) {
        return info;
      }
      p = Paths.resolveLink(p, readLink(p));
    }
    throw new IOException("too many levels of symbolic links: " + path);
  }
}
