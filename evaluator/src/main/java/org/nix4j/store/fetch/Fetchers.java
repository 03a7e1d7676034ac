package org.nix4j.store.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.PathInfo;
import org.nix4j.store.Store;
import org.nix4j.store.StoreException;
import org.nix4j.store.StorePath;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.hash.HashFormat;

/**
 * The store side of {@code builtins.fetchurl} and {@code fetchTarball} (Nix 2.8) for local
 * files; the evaluator parses the arguments ({@code url}, {@code name}, {@code sha256} through
 * {@link Hash#parseAllowEmpty} with sha256) and decides whether network access is allowed.
 *
 * <ul>
 *   <li>{@code fetchurl} stores the downloaded bytes as a flat sha256 fixed-output path named
 *       after the URL's last component ({@link #defaultName}); with an expected hash, the sha256
 *       of the file must match.
 *   <li>{@code fetchTarball} unpacks the archive ({@link ArchiveUnpacker}), requires exactly one
 *       top-level entry ({@code tarball 'URL' contains an unexpected number of top-level files})
 *       and adds that entry recursively with sha256 under the name {@code source} by default, so
 *       its path is a {@code source} path of its NAR hash; an expected hash is compared with the
 *       NAR hash.
 *   <li>A mismatch is {@code hash mismatch in file downloaded from 'URL':\n  specified:
 *       sha256:…\n  got:       sha256:…} (base 32).
 *   <li>When an expected sha256 is given and its path is already valid, nothing is read
 *       ({@link #expectedPath}).
 * </ul>
 */
public final class Fetchers {
  private Fetchers() {}

  /**
   * The local file of a {@code file://} URL (percent-decoded), or empty for other URLs.
   */
  public static Optional<Path> localFile(String url) {
    if (!url.startsWith("file://")) {
      return Optional.empty();
    }
    String p = url.substring("file://".length());
    if (p.contains("%")) {
      p = URLDecoder.decode(p.replace("+", "%2B"), StandardCharsets.UTF_8);
    } else {
      p = NioFileTree.fromBytes(p);
    }
    return Optional.of(Path.of(p));
  }

  /** Nix's {@code baseNameOf} of the URL: its last non-empty component. */
  public static String defaultName(String url) {
    String u = url;
    if (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u.substring(u.lastIndexOf('/') + 1);
  }

  /**
   * The path a fetch with this expected sha256 gets, for the early exit: flat for
   * {@code fetchurl}, recursive for {@code fetchTarball}; empty for other algorithms.
   */
  public static Optional<StorePath> expectedPath(Store store, Hash expected, String name, boolean unpack) {
    if (expected == null || expected.algorithm() != HashAlgorithm.SHA256) {
      return Optional.empty();
    }
    return Optional.of(store.storeDir().makeFixedOutputPath(
        unpack ? FileIngestionMethod.RECURSIVE : FileIngestionMethod.FLAT, expected, name));
  }

  /** The message for a hash mismatch. */
  public static StoreException hashMismatch(String url, Hash specified, Hash got) {
    return new StoreException("hash mismatch in file downloaded from '" + url + "':\n  specified: "
        + specified.toString(HashFormat.BASE32, true) + "\n  got:       "
        + got.toString(HashFormat.BASE32, true));
  }

  private static Path requireFile(String url, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StoreException("unable to download '" + url + "': Couldn't read a file:// file (37)");
    }
    return file;
  }

  /**
   * {@code fetchurl} of a local file: adds it as a flat sha256 path named {@code name}.
   *
   * @param expected the expected sha256, or null
   */
  public static PathInfo fetchurl(Store store, String url, Path file, String name, Hash expected)
      throws IOException {
    requireFile(url, file);
    String path = NioFileTree.toBytes(file.toAbsolutePath().toString());
    PathInfo info = store.addPath(NioFileTree.root(), path, name, FileIngestionMethod.FLAT,
        HashAlgorithm.SHA256, null);
    if (expected != null) {
      Hash got = org.nix4j.store.nar.Nar.hashFile(NioFileTree.root(), path, expected.algorithm());
      if (!got.equals(expected)) {
        throw hashMismatch(url, expected, got);
      }
    }
    return info;
  }

  /**
   * {@code fetchTarball} (or {@code fetchurl} with {@code unpack}) of a local archive: unpacks it
   * below {@code tmpDir}, adds the single top-level entry as {@code name} and checks the NAR hash.
   */
  public static PathInfo fetchTarball(Store store, String url, Path archive, String name, Hash expected,
      Path tmpDir) throws IOException {
    requireFile(url, archive);
    Path dir = Files.createTempDirectory(tmpDir, "unpack-");
    try {
      ArchiveUnpacker.unpack(archive, dir);
      List<Path> members = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        s.forEach(members::add);
      }
      if (members.size() != 1) {
        throw new StoreException("tarball '" + url + "' contains an unexpected number of top-level files");
      }
      String top = NioFileTree.toBytes(members.get(0).toAbsolutePath().toString());
      PathInfo info = store.addPath(NioFileTree.root(), top, name, FileIngestionMethod.RECURSIVE,
          HashAlgorithm.SHA256, null);
      if (expected != null) {
        Hash got = expected.algorithm() == HashAlgorithm.SHA256
            ? info.narHash()
            : org.nix4j.store.nar.Nar.hash(NioFileTree.root(), top, null, expected.algorithm()).hash();
        if (!got.equals(expected)) {
          throw hashMismatch(url, expected, got);
        }
      }
      return info;
    } finally {
      deleteTree(dir);
    }
  }

  /** Deletes a directory tree (symlinks are not followed), best effort. */
  public static void deleteTree(Path dir) {
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
