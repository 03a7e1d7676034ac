package org.nix4j.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real file system and environment. */
public class RealIO implements EvalIO {
  private final Map<String, String> env;

  public RealIO() {
    this(System.getenv());
  }

  public RealIO(Map<String, String> env) {
    this.env = env;
  }

  /** The file system path of a byte-string path. */
  public static Path toPath(String bytes) {
    return Path.of(new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  /** The byte string of a file system path. */
  public static String fromPath(Path p) {
    return new String(p.toString().getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  protected void checkRead(String path) {}

  @Override
  public String readFile(String path) {
    checkRead(path);
    Path p = toPath(path);
    try {
      if (Files.isDirectory(p)) {
        throw new EvalIOException("reading from file: Is a directory");
      }
      return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new EvalIOException(describe("opening file '" + path + "'", e));
    }
  }

  static String describe(String what, IOException e) {
    if (e instanceof NoSuchFileException) {
      return what + ": No such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return what + ": Permission denied";
    }
    if (e instanceof NotDirectoryException) {
      return what + ": Not a directory";
    }
    return what + ": " + e.getMessage();
  }

  @Override
  public List<DirEntry> readDir(String path) {
    checkRead(path);
    Path p = toPath(path);
    List<DirEntry> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
      for (Path child : ds) {
        String name = fromPath(child.getFileName());
        out.add(new DirEntry(name, typeOf(child).orElse(FileType.UNKNOWN)));
      }
    } catch (IOException e) {
      throw new EvalIOException(describe("opening directory '" + path + "'", e));
    }
    out.sort(Comparator.comparing(DirEntry::name));
    return out;
  }

  private static Optional<FileType> typeOf(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isSymbolicLink()) {
        return Optional.of(FileType.SYMLINK);
      }
      if (a.isDirectory()) {
        return Optional.of(FileType.DIRECTORY);
      }
      if (a.isRegularFile()) {
        return Optional.of(FileType.REGULAR);
      }
      return Optional.of(FileType.UNKNOWN);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<FileType> fileType(String path) {
    checkRead(path);
    return typeOf(toPath(path));
  }

  @Override
  public boolean pathExists(String path) {
    if (!mayRead(path)) {
      return false;
    }
    return Files.exists(toPath(path));
  }

  @Override
  public String readLink(String path) {
    checkRead(path);
    try {
      return fromPath(Files.readSymbolicLink(toPath(path)));
    } catch (IOException e) {
      throw new EvalIOException(describe("reading link '" + path + "'", e));
    }
  }

  @Override
  public boolean isExecutable(String path) {
    checkRead(path);
    return Files.isExecutable(toPath(path));
  }

  @Override
  public String canonicalPath(String path) {
    try {
      return fromPath(toPath(path).toRealPath());
    } catch (IOException e) {
      return path;
    }
  }

  @Override
  public Optional<String> getEnv(String name) {
    return Optional.ofNullable(env.get(name));
  }

  @Override
  public long currentTime() {
    return System.currentTimeMillis() / 1000;
  }

  @Override
  public boolean networkAllowed() {
    return true;
  }
}
