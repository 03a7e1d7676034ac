package org.nix4j.io.fs;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A file tree held in memory, made of immutable {@link MemoryNode}s that appear as the entries
 * of one directory, the <em>mount directory</em> (for example {@code /} for a stand-alone tree, or
 * the store directory for a store's contents). Symlinks are followed within the tree, relative
 * ones against their directory and absolute ones from the top; a path that leaves the mount
 * directory is reported as missing.
 */
public final class MemoryFileTree implements FileTree {
  /** Where the entries of the mount directory come from; must be thread-safe. */
  public interface Mount {
    /** The node called {@code name}, or null. */
    MemoryNode entry(String name);

    /** All names. */
    List<String> names();
  }

  private final String mountDir;
  private final Mount mount;

  /** A tree whose directory {@code mountDir} has the entries of {@code mount}. */
  public MemoryFileTree(String mountDir, Mount mount) {
    this.mountDir = Paths.canonical(mountDir);
    this.mount = mount;
  }

  /** A tree whose root directory {@code /} has the entries of {@code root}. */
  public static MemoryFileTree of(MemoryNode.Directory root) {
    return new MemoryFileTree("/", new Mount() {
      @Override
      public MemoryNode entry(String name) {
        return root.entries().get(name);
      }

      @Override
      public List<String> names() {
        return new ArrayList<>(root.entries().keySet());
      }
    });
  }

  /** A tree with one node at {@code /NAME} (for example a single file to import). */
  public static MemoryFileTree single(String name, MemoryNode node) {
    return of(new MemoryNode.Directory(Map.of(name, node)));
  }

  /** The mount directory. */
  public String mountDir() {
    return mountDir;
  }

  private static final MemoryNode MOUNT = new MemoryNode.Directory(new HashMap<>());

  /** A resolved node and its path with all symlinks resolved. */
  private record Resolved(MemoryNode node, String real) {}

  /**
   * The directory last listed, so that the many lookups of its children during a walk start
   * there instead of at the top (walks of deep trees stay linear). Races only cause misses.
   */
  private record LastDir(String path, Resolved resolved) {}

  private volatile LastDir lastDir;

  /** The node at {@code path}, {@link #MOUNT} for the mount directory, or null. */
  private MemoryNode resolve(String path, boolean followLast) throws IOException {
    Resolved r = resolveFully(path, followLast);
    return r == null ? null : r.node();
  }

  private Resolved resolveFully(String path, boolean followLast) throws IOException {
    String p = Paths.canonical(path);
    int hops = 0;
    LastDir remembered = lastDir;
    Resolved cached = remembered == null ? null : remembered.resolved();
    String cachedPath = remembered == null ? null : remembered.path();
    outer:
    while (true) {
      String[] comps;
      String cur;
      MemoryNode node;
      int i;
      if (cached != null && cachedPath != null && p.length() > cachedPath.length()
          && p.startsWith(cachedPath) && p.charAt(cachedPath.length()) == '/'
          && cached.node() instanceof MemoryNode.Directory) {
        comps = p.substring(cachedPath.length() + 1).split("/");
        cur = cached.real() + "/" + comps[0];
        node = ((MemoryNode.Directory) cached.node()).entries().get(comps[0]);
        cached = null;
      } else {
        cached = null;
        if (p.equals(mountDir)) {
          return new Resolved(MOUNT, mountDir);
        }
        if (!Paths.isWithin(p, mountDir)) {
          return null;
        }
        String rel = mountDir.equals("/") ? p.substring(1) : p.substring(mountDir.length() + 1);
        comps = rel.split("/");
        cur = Paths.child(mountDir, comps[0]);
        node = mount.entry(comps[0]);
      }
      for (i = 0; ; i++) {
        if (node == null) {
          return null;
        }
        boolean last = i == comps.length - 1;
        if (node instanceof MemoryNode.Symlink && (!last || followLast)) {
          if (++hops > Paths.MAX_SYMLINK_HOPS) {
            throw new IOException("too many levels of symbolic links: " + path);
          }
          String target = Paths.resolveLink(cur, ((MemoryNode.Symlink) node).target());
          StringBuilder sb = new StringBuilder(target);
          for (int k = i + 1; k < comps.length; k++) {
            sb.append('/').append(comps[k]);
          }
          p = Paths.canonical(sb.toString());
          continue outer;
        }
        if (last) {
          return new Resolved(node, cur);
        }
        if (!(node instanceof MemoryNode.Directory)) {
          return null;
        }
        node = ((MemoryNode.Directory) node).entries().get(comps[i + 1]);
        cur = cur + "/" + comps[i + 1];
      }
    }
  }

  /** The node at {@code path} (symlinks in the last component not followed), or null. */
  public MemoryNode node(String path) throws IOException {
    MemoryNode n = resolve(path, false);
    return n == MOUNT ? null : n;
  }

  @Override
  public FileInfo lstat(String path) throws IOException {
    MemoryNode n = resolve(path, false);
    return n == null ? null : n == MOUNT ? FileInfo.DIRECTORY : n.info();
  }

  @Override
  public FileInfo stat(String path) throws IOException {
    MemoryNode n = resolve(path, true);
    return n == null ? null : n == MOUNT ? FileInfo.DIRECTORY : n.info();
  }

  @Override
  public List<String> readDirectory(String path) throws IOException {
    Resolved r = resolveFully(path, true);
    MemoryNode n = r == null ? null : r.node();
    if (n instanceof MemoryNode.Directory && n != MOUNT) {
      lastDir = new LastDir(Paths.canonical(path), r);
    }
    if (n == MOUNT) {
      return mount.names();
    }
    if (n == null) {
      throw new NoSuchFileException(path);
    }
    if (!(n instanceof MemoryNode.Directory)) {
      throw new NotDirectoryException(path);
    }
    return new ArrayList<>(((MemoryNode.Directory) n).entries().keySet());
  }

  @Override
  public InputStream openFile(String path) throws IOException {
    MemoryNode n = resolve(path, true);
    if (n == null) {
      throw new NoSuchFileException(path);
    }
    if (!(n instanceof MemoryNode.RegularFile)) {
      throw new FileNotFoundException(path + " (Is a directory)");
    }
    return new ByteArrayInputStream(((MemoryNode.RegularFile) n).contents());
  }

  @Override
  public String readLink(String path) throws IOException {
    MemoryNode n = resolve(path, false);
    if (n == null) {
      throw new NoSuchFileException(path);
    }
    if (!(n instanceof MemoryNode.Symlink)) {
      throw new IOException(path + ": Invalid argument");
    }
    return ((MemoryNode.Symlink) n).target();
  }
}
