package org.nix4j.eval;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nix4j.io.EvalIO;
import org.nix4j.io.EvalIOException;
import org.nix4j.io.RealIO;
import org.nix4j.io.fs.FileInfo;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.BadStorePathException;
import org.nix4j.store.Store;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StorePath;
import org.nix4j.value.NixPath;

/**
 * The files an evaluation sees: those of the evaluator's {@link EvalIO}, with the store paths
 * that nix4j's own {@link Store} holds shown at their place in the store directory. So
 * {@code builtins.readFile (builtins.toFile "a" "b")} reads what nix4j "wrote", and paths in
 * the store directory that nix4j does not hold are looked up in the real file system (a real
 * {@code /nix/store}, if there is one), through the base I/O and its sandbox.
 *
 * <p>{@link #tree()} is the same view as a {@link FileTree}, from which sources are copied into
 * the store.
 */
final class StoreOverlayIO implements EvalIO {
  private final EvalIO base;
  private final Store store;
  private final StoreDir storeDir;
  private final FileTree baseTree;
  private final FileTree tree = new OverlayTree();

  StoreOverlayIO(EvalIO base, Store store) {
    this.base = base;
    this.store = store;
    this.storeDir = store.storeDir();
    this.baseTree = baseTree(base);
  }

  /** The base I/O without the store. */
  EvalIO base() {
    return base;
  }

  /** Everything this I/O shows, as a file tree (paths must be canonical). */
  FileTree tree() {
    return tree;
  }

  /** The tree of the base I/O: the real file system (checked by the sandbox), else an adapter. */
  private static FileTree baseTree(EvalIO io) {
    if (io.getClass() == RealIO.class) {
      return NioFileTree.root();
    }
    if (io instanceof RealIO) {
      return new GuardedTree(NioFileTree.root(), io);
    }
    return new IOTree(io);
  }

  /**
   * The canonical form of {@code path} if it lies in a store path that nix4j's store holds,
   * else null.
   */
  String held(String path) {
    String dir = storeDir.path();
    if (!path.startsWith(dir) || path.length() <= dir.length() + 1 || path.charAt(dir.length()) != '/') {
      return null;
    }
    String canon = NixPath.canonicalise(path);
    if (!storeDir.isInStore(canon)) {
      return null;
    }
    try {
      StorePath sp = storeDir.containing(canon);
      return store.isValid(sp) ? canon : null;
    } catch (BadStorePathException e) {
      return null;
    }
  }

  /**
   * Whether {@code path} is the store directory or one of its parents: they exist for the
   * evaluation even where the machine has no {@code /nix}, since nix4j's store is there.
   */
  private boolean storeDirOrParent(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      return false;
    }
    String c = NixPath.canonicalise(path);
    String dir = storeDir.path();
    return c.equals(dir) || (!c.equals("/") && dir.startsWith(c + "/"));
  }

  /** Whether a store path is valid: held by nix4j's store, or present in the real store directory. */
  boolean isValid(StorePath p) {
    if (store.isValid(p)) {
      return true;
    }
    try {
      return base.fileType(storeDir.print(p)).isPresent();
    } catch (EvalIOException e) {
      return false;
    }
  }

  private static EvalIOException failure(String what, String path, IOException e) {
    String reason;
    if (e instanceof java.nio.file.NoSuchFileException || e instanceof FileNotFoundException) {
      reason = "No such file or directory";
    } else if (e instanceof java.nio.file.NotDirectoryException) {
      reason = "Not a directory";
    } else {
      reason = e.getMessage();
    }
    return new EvalIOException(what + " '" + path + "': " + reason);
  }

  @Override
  public String readFile(String path) {
    String p = held(path);
    if (p == null) {
      return base.readFile(path);
    }
    FileTree files = store.files();
    try {
      FileInfo st = files.stat(p);
      if (st == null) {
        throw new EvalIOException("opening file '" + path + "': No such file or directory");
      }
      if (st.type() == org.nix4j.io.fs.FileType.DIRECTORY) {
        throw new EvalIOException("reading from file: Is a directory");
      }
      try (InputStream in = files.openFile(p)) {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      }
    } catch (IOException e) {
      throw failure("opening file", path, e);
    }
  }

  @Override
  public List<DirEntry> readDir(String path) {
    String p = held(path);
    if (p == null) {
      if (storeDirOrParent(path)) {
        return readStoreDirOrParent(path);
      }
      return base.readDir(path);
    }
    FileTree files = store.files();
    try {
      FileInfo st = files.stat(p);
      if (st == null) {
        throw new EvalIOException("opening directory '" + path + "': No such file or directory");
      }
      if (st.type() != org.nix4j.io.fs.FileType.DIRECTORY) {
        throw new EvalIOException("opening directory '" + path + "': Not a directory");
      }
      List<String> names = new ArrayList<>(files.readDirectory(p));
      names.sort(null);
      List<DirEntry> out = new ArrayList<>(names.size());
      for (String name : names) {
        FileInfo info = files.lstat(p + "/" + name);
        out.add(new DirEntry(name, info == null ? EvalIO.FileType.UNKNOWN : ioType(info.type())));
      }
      return out;
    } catch (IOException e) {
      throw failure("opening directory", path, e);
    }
  }

  /** The store directory (the real one's entries and nix4j's paths) or one of its parents. */
  private List<DirEntry> readStoreDirOrParent(String path) {
    java.util.TreeMap<String, DirEntry> entries = new java.util.TreeMap<>();
    try {
      for (DirEntry e : base.readDir(path)) {
        entries.put(e.name(), e);
      }
    } catch (EvalIOException e) {
      // not on this machine: only what nix4j has
    }
    String c = NixPath.canonicalise(path);
    String dir = storeDir.path();
    if (c.equals(dir)) {
      try {
        FileTree files = store.files();
        for (String name : files.readDirectory(dir)) {
          FileInfo info = files.lstat(dir + "/" + name);
          entries.putIfAbsent(name, new DirEntry(name,
              info == null ? EvalIO.FileType.UNKNOWN : ioType(info.type())));
        }
      } catch (IOException e) {
        // nothing held
      }
    } else {
      String rest = dir.substring(c.equals("/") ? 1 : c.length() + 1);
      int slash = rest.indexOf('/');
      String child = slash < 0 ? rest : rest.substring(0, slash);
      entries.putIfAbsent(child, new DirEntry(child, EvalIO.FileType.DIRECTORY));
    }
    return new ArrayList<>(entries.values());
  }

  static EvalIO.FileType ioType(org.nix4j.io.fs.FileType t) {
    return switch (t) {
      case REGULAR -> EvalIO.FileType.REGULAR;
      case DIRECTORY -> EvalIO.FileType.DIRECTORY;
      case SYMLINK -> EvalIO.FileType.SYMLINK;
      default -> EvalIO.FileType.UNKNOWN;
    };
  }

  @Override
  public Optional<EvalIO.FileType> fileType(String path) {
    String p = held(path);
    if (p == null) {
      Optional<EvalIO.FileType> t = base.fileType(path);
      if (t.isEmpty() && storeDirOrParent(path)) {
        return Optional.of(EvalIO.FileType.DIRECTORY);
      }
      return t;
    }
    try {
      FileInfo info = store.files().lstat(p);
      return info == null ? Optional.empty() : Optional.of(ioType(info.type()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public boolean pathExists(String path) {
    String p = held(path);
    if (p == null) {
      return base.pathExists(path) || storeDirOrParent(path);
    }
    try {
      return store.files().stat(p) != null;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String readLink(String path) {
    String p = held(path);
    if (p == null) {
      return base.readLink(path);
    }
    try {
      return store.files().readLink(p);
    } catch (IOException e) {
      throw failure("reading link", path, e);
    }
  }

  @Override
  public boolean isExecutable(String path) {
    String p = held(path);
    if (p == null) {
      return base.isExecutable(path);
    }
    try {
      FileInfo info = store.files().stat(p);
      return info != null && info.executable();
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public String canonicalPath(String path) {
    String p = held(path);
    return p == null ? base.canonicalPath(path) : p;
  }

  @Override
  public Optional<String> getEnv(String name) {
    return base.getEnv(name);
  }

  @Override
  public long currentTime() {
    return base.currentTime();
  }

  @Override
  public boolean networkAllowed() {
    return base.networkAllowed();
  }

  @Override
  public boolean mayRead(String path) {
    return held(path) != null || base.mayRead(path);
  }

  /** The overlay as a file tree: store paths nix4j holds from the store, the rest from the base. */
  private final class OverlayTree implements FileTree {
    private FileTree at(String path) {
      return held(path) != null ? store.files() : baseTree;
    }

    @Override
    public FileInfo lstat(String path) throws IOException {
      return at(path).lstat(path);
    }

    @Override
    public FileInfo stat(String path) throws IOException {
      return at(path).stat(path);
    }

    @Override
    public List<String> readDirectory(String path) throws IOException {
      return at(path).readDirectory(path);
    }

    @Override
    public InputStream openFile(String path) throws IOException {
      return at(path).openFile(path);
    }

    @Override
    public String readLink(String path) throws IOException {
      return at(path).readLink(path);
    }
  }

  /** A file tree whose every access is first checked with the I/O's {@link EvalIO#mayRead}. */
  private static final class GuardedTree implements FileTree {
    private final FileTree tree;
    private final EvalIO io;

    GuardedTree(FileTree tree, EvalIO io) {
      this.tree = tree;
      this.io = io;
    }

    private String check(String path) {
      if (!io.mayRead(path)) {
        throw new EvalIOException("access to path '" + path + "' is forbidden in the sandbox of nix4j");
      }
      return path;
    }

    @Override
    public FileInfo lstat(String path) throws IOException {
      return tree.lstat(check(path));
    }

    @Override
    public FileInfo stat(String path) throws IOException {
      return tree.stat(check(path));
    }

    @Override
    public List<String> readDirectory(String path) throws IOException {
      return tree.readDirectory(check(path));
    }

    @Override
    public InputStream openFile(String path) throws IOException {
      return tree.openFile(check(path));
    }

    @Override
    public String readLink(String path) throws IOException {
      return tree.readLink(check(path));
    }
  }

  /** A file tree over any {@link EvalIO} (files are read whole: for I/O without a file system). */
  private static final class IOTree implements FileTree {
    private final EvalIO io;

    IOTree(EvalIO io) {
      this.io = io;
    }

    @Override
    public FileInfo lstat(String path) {
      Optional<EvalIO.FileType> t = io.fileType(path);
      if (t.isEmpty()) {
        return null;
      }
      return switch (t.get()) {
        case REGULAR -> FileInfo.regular(io.readFile(path).length(), io.isExecutable(path));
        case DIRECTORY -> FileInfo.DIRECTORY;
        case SYMLINK -> FileInfo.SYMLINK;
        default -> FileInfo.UNKNOWN;
      };
    }

    @Override
    public List<String> readDirectory(String path) {
      List<String> names = new ArrayList<>();
      for (DirEntry e : io.readDir(path)) {
        names.add(e.name());
      }
      return names;
    }

    @Override
    public InputStream openFile(String path) {
      return new ByteArrayInputStream(io.readFile(path).getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public String readLink(String path) {
      return io.readLink(path);
    }
  }
}
