package org.nix4j.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.nix4j.io.fs.FileInfo;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.nar.DirectoryTreeSink;
import org.nix4j.store.nar.TreeSink;

/**
 * A store kept below a cache directory chosen by the caller (for example
 * {@code ~/.cache/nix4j}), so that copied sources and fetched trees survive restarts:
 *
 * <pre>
 * CACHE/store/HASH-NAME      the contents (file, directory or symlink)
 * CACHE/info/HASH-NAME       what {@link PathInfo} holds, as "key: value" lines; its presence
 *                            makes the path valid
 * CACHE/tmp/                 staging; contents are moved into store/ by an atomic rename
 * </pre>
 *
 * Several threads and several processes may share one cache: contents are staged under unique
 * names and renamed into place, and the info file is written last, also by a rename.
 * {@link #files()} presents the contents at their store paths; symlinks inside them are
 * resolved by the operating system, so absolute links into the store directory point to the
 * real {@code /nix/store}, not to the cache.
 */
public final class DirectoryStore extends AbstractStore {
  private final Path storeRoot;
  private final Path infoRoot;
  private final Path tmpRoot;
  private final Map<StorePath, PathInfo> infos = new ConcurrentHashMap<>();
  private final FileTree files;

  /** A store for {@code storeDir} kept in {@code cacheDir} (created if needed). */
  public DirectoryStore(Path cacheDir, StoreDir storeDir) throws IOException {
    super(storeDir);
    this.storeRoot = cacheDir.resolve("store");
    this.infoRoot = cacheDir.resolve("info");
    this.tmpRoot = cacheDir.resolve("tmp");
    Files.createDirectories(storeRoot);
    Files.createDirectories(infoRoot);
    Files.createDirectories(tmpRoot);
    this.files = new Files_();
  }

  @Override
  public Optional<PathInfo> pathInfo(StorePath path) {
    PathInfo info = infos.get(path);
    if (info != null) {
      return Optional.of(info);
    }
    Path f = infoRoot.resolve(path.baseName());
    try {
      info = parseInfo(path, Files.readString(f, StandardCharsets.ISO_8859_1));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    infos.put(path, info);
    return Optional.of(info);
  }

  private String renderInfo(PathInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append("StorePath: ").append(storeDir().print(info.path())).append('\n');
    sb.append("NarHash: ").append(info.narHash().toString(org.nix4j.store.hash.HashFormat.BASE32, true)).append('\n');
    sb.append("NarSize: ").append(info.narSize()).append('\n');
    sb.append("References:");
    for (StorePath r : info.references()) {
      sb.append(' ').append(r.baseName());
    }
    sb.append('\n');
    if (info.ca() != null) {
      sb.append("CA: ").append(info.ca()).append('\n');
    }
    return sb.toString();
  }

  private PathInfo parseInfo(StorePath path, String text) {
    Hash narHash = null;
    long narSize = 0;
    TreeSet<StorePath> refs = new TreeSet<>();
    String ca = null;
    for (String line : text.split("\n")) {
      int colon = line.indexOf(": ");
      String key = colon < 0 ? line.replace(":", "") : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 2);
      switch (key) {
        case "NarHash":
          narHash = Hash.parseAnyPrefixed(value);
          break;
        case "NarSize":
          narSize = Long.parseLong(value);
          break;
        case "References":
          for (String r : value.split(" ")) {
            if (!r.isEmpty()) {
              refs.add(StorePath.fromBaseName(r));
            }
          }
          break;
        case "CA":
          ca = value;
          break;
        default:
          break;
      }
    }
    if (narHash == null) {
      throw new StoreException("corrupt store metadata for '" + storeDir().print(path) + "'");
    }
    return new PathInfo(path, narHash, narSize, refs, ca);
  }

  @Override
  public FileTree files() {
    return files;
  }

  @Override
  protected Staging stage() throws IOException {
    Path dir = Files.createTempDirectory(tmpRoot, "add-");
    Path target = dir.resolve("x");
    DirectoryTreeSink sink = new DirectoryTreeSink(target);
    return new Staging() {
      @Override
      public TreeSink sink() {
        return sink;
      }

      @Override
      public void commit(PathInfo info) throws IOException {
        Path dest = storeRoot.resolve(info.path().baseName());
        try {
          Files.move(target, dest, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          throw new IOException("the store cache must be on one file system", e);
        } catch (FileSystemException e) {
          // rename(2) onto a non-empty directory fails (ENOTEMPTY): another thread or process
          // added the same path meanwhile, so keep theirs
          if (!Files.exists(dest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw e;
          }
        }
        Path infoTmp = dir.resolve("info");
        Files.writeString(infoTmp, renderInfo(info), StandardCharsets.ISO_8859_1);
        Files.move(infoTmp, infoRoot.resolve(info.path().baseName()),
            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        infos.put(info.path(), info);
        discard();
      }

      @Override
      public void discard() {
        deleteTree(dir);
      }
    };
  }

  /** Deletes a staging directory, best effort. */
  static void deleteTree(Path dir) {
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException ignored) {
      // a leftover in tmp/ is harmless
    }
  }

  /** The store contents at store paths: only valid paths are visible. */
  private final class Files_ implements FileTree {
    private final NioFileTree nio = new NioFileTree(storeRoot);

    /** The path below store/ of a store path, or null if it is not in a valid store path. */
    private String translate(String path) {
      String dir = storeDir().path();
      if (path.equals(dir)) {
        return "/";
      }
      if (!storeDir().isInStore(path)) {
        return null;
      }
      try {
        if (!isValid(storeDir().containing(path))) {
          return null;
        }
      } catch (BadStorePathException e) {
        return null;
      }
      return path.substring(dir.length());
    }

    @Override
    public FileInfo lstat(String path) throws IOException {
      String t = translate(path);
      return t == null ? null : nio.lstat(t);
    }

    @Override
    public FileInfo stat(String path) throws IOException {
      String t = translate(path);
      return t == null ? null : nio.stat(t);
    }

    @Override
    public List<String> readDirectory(String path) throws IOException {
      String t = translate(path);
      if (t == null) {
        throw new NoSuchFileException(path);
      }
      List<String> names = nio.readDirectory(t);
      if (t.equals("/")) {
        List<String> valid = new ArrayList<>();
        for (String n : names) {
          if (translate(storeDir().path() + "/" + n) != null) {
            valid.add(n);
          }
        }
        return valid;
      }
      return names;
    }

    @Override
    public java.io.InputStream openFile(String path) throws IOException {
      String t = translate(path);
      if (t == null) {
        throw new NoSuchFileException(path);
      }
      return nio.openFile(t);
    }

    @Override
    public String readLink(String path) throws IOException {
      String t = translate(path);
      if (t == null) {
        throw new NoSuchFileException(path);
      }
      return nio.readLink(t);
    }
  }
}
