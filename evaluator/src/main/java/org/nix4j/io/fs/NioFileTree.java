package org.nix4j.io.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * The real file system through {@code java.nio}, optionally below a base directory (then the
 * tree path {@code /a} is {@code base/a}; the default base is {@code /}). Byte-string paths are
 * converted to the platform's names through UTF-8, so non-UTF-8 file names are not reachable;
 * the JVM must run with a UTF-8 {@code sun.jnu.encoding} (a UTF-8 locale) for non-ASCII names.
 */
public final class NioFileTree implements FileTree {
  private static final NioFileTree ROOT = new NioFileTree(Path.of("/"));

  private final Path base;

  /** The tree whose root is {@code base}. */
  public NioFileTree(Path base) {
    this.base = base.toAbsolutePath();
  }

  /** The whole file system. */
  public static NioFileTree root() {
    return ROOT;
  }

  /** The java path of a tree path. */
  public Path toPath(String path) {
    if (path.equals("/")) {
      return base;
    }
    String rel = path.startsWith("/") ? path.substring(1) : path;
    return base.resolve(fromBytes(rel));
  }

  /** A byte-string name of a platform name (its UTF-8 bytes, one char each). */
  public static String toBytes(String unicode) {
    return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The platform name of a byte-string name (its bytes decoded as UTF-8). */
  public static String fromBytes(String bytes) {
    return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  @Override
  public FileInfo lstat(String path) throws IOException {
    Path p = toPath(path);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    }
    if (attrs.isSymbolicLink()) {
      return FileInfo.SYMLINK;
    }
    if (attrs.isDirectory()) {
      return FileInfo.DIRECTORY;
    }
    if (attrs.isRegularFile()) {
      return FileInfo.regular(attrs.size(), isExecutable(p, attrs));
    }
    return FileInfo.UNKNOWN;
  }

  private static boolean isExecutable(Path p, BasicFileAttributes attrs) throws IOException {
    if (attrs instanceof PosixFileAttributes) {
      return ((PosixFileAttributes) attrs).permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }
    try {
      PosixFileAttributes posix =
          Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(p);
    }
  }

  /** {@code stat} as the operating system follows symlinks. */
  @Override
  public FileInfo stat(String path) throws IOException {
    Path p = toPath(path);
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, BasicFileAttributes.class);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    } catch (java.nio.file.FileSystemException e) {
      if (e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links")) {
        throw e;
      }
      return null;
    }
    if (attrs.isDirectory()) {
      return FileInfo.DIRECTORY;
    }
    if (attrs.isRegularFile()) {
      return FileInfo.regular(attrs.size(), isExecutable(p, attrs));
    }
    return FileInfo.UNKNOWN;
  }

  @Override
  public List<String> readDirectory(String path) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(toPath(path))) {
      for (Path child : ds) {
        names.add(toBytes(child.getFileName().toString()));
      }
    }
    return names;
  }

  @Override
  public InputStream openFile(String path) throws IOException {
    return Files.newInputStream(toPath(path));
  }

  @Override
  public String readLink(String path) throws IOException {
    return toBytes(Files.readSymbolicLink(toPath(path)).toString());
  }
}
