package org.nix4j.io.fs;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable node of an in-memory file tree: a regular file (bytes and the executable bit), a
 * symlink (its target) or a directory (entries sorted by name). These are exactly the things a
 * NAR can hold.
 */
public abstract sealed class MemoryNode {
  private MemoryNode() {}

  /** The node's type. */
  public abstract FileType type();

  /** A regular file. */
  public static final class RegularFile extends MemoryNode {
    private final byte[] contents;
    private final boolean executable;

    /** A file with these contents (not copied: the caller hands them over). */
    public RegularFile(byte[] contents, boolean executable) {
      this.contents = contents;
      this.executable = executable;
    }

    @Override
    public FileType type() {
      return FileType.REGULAR;
    }

    /** The contents (shared, do not modify). */
    public byte[] contents() {
      return contents;
    }

    public boolean executable() {
      return executable;
    }
  }

  /** A symbolic link. */
  public static final class Symlink extends MemoryNode {
    private final String target;

    public Symlink(String target) {
      this.target = target;
    }

    @Override
    public FileType type() {
      return FileType.SYMLINK;
    }

    /** The target as a byte string. */
    public String target() {
      return target;
    }
  }

  /** A directory. */
  public static final class Directory extends MemoryNode {
    private final Map<String, MemoryNode> entries;

    /** A directory with these entries (copied). */
    public Directory(Map<String, MemoryNode> entries) {
      this.entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    @Override
    public FileType type() {
      return FileType.DIRECTORY;
    }

    /** The entries by name, sorted by name bytes. */
    public Map<String, MemoryNode> entries() {
      return entries;
    }
  }

  /** The information {@code lstat} gives about this node. */
  public FileInfo info() {
    if (this instanceof RegularFile) {
      RegularFile f = (RegularFile) this;
      return FileInfo.regular(f.contents.length, f.executable);
    }
    return this instanceof Directory ? FileInfo.DIRECTORY : FileInfo.SYMLINK;
  }
}
