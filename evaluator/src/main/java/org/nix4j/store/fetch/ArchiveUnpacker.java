package org.nix4j.store.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import org.apache.commons.compress.archivers.ArchiveStreamFactory;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.StoreException;

/**
 * Unpacks archives the way Nix's {@code unpackTarfile} (libarchive) does for
 * {@code fetchTarball}, {@code fetchurl} with {@code unpack} and {@code fetchGit}: tar
 * (optionally gzip-, bzip2- or xz-compressed, recognised by content, not by name) and zip.
 *
 * <p>What survives into the store is what a NAR keeps: regular files with their owner-execute
 * bit, directories and symlinks. Modes are otherwise normalised (0644/0755 files, 0755
 * directories), modification times are irrelevant, hard links become second links to the same
 * file, devices and fifos are skipped. Leading {@code /} and {@code ./} are stripped, entries with
 * a {@code ..} component or that would be written through a symlink are refused, and later
 * entries replace earlier ones of the same name.
 *
 * <p>Anything else fails with Nix's message {@code failed to open archive: Unrecognized archive
 * format}. Not supported (libarchive formats Nix would accept): zstd, lzma, lzip and the exotic
 * archive formats (cpio, 7z, ar, iso).
 */
public final class ArchiveUnpacker {
  private static final Set<PosixFilePermission> FILE = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
  private static final Set<PosixFilePermission> EXEC = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

  private ArchiveUnpacker() {}

  private static StoreException unrecognized() {
    return new StoreException("failed to open archive: Unrecognized archive format");
  }

  /** Unpacks the archive file {@code archive} into the existing directory {@code dest}. */
  public static void unpack(Path archive, Path dest) throws IOException {
    byte[] magic = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(archive)) {
      n = in.readNBytes(magic, 0, 4);
    }
    if (n == 4 && magic[0] == 'P' && magic[1] == 'K'
        && ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6))) {
      unzip(archive, dest);
      return;
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 1 << 16)) {
      unpackTar(in, dest);
    }
  }

  /**
   * Unpacks a tar stream, possibly compressed (gzip, bzip2, xz), into the existing directory
   * {@code dest} (used for {@code git archive} output too).
   */
  public static void unpackTar(InputStream raw, Path dest) throws IOException {
    InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw, 1 << 16);
    InputStream data = in;
    try {
      String kind = CompressorStreamFactory.detect(in);
      switch (kind) {
        case CompressorStreamFactory.GZIP:
        case CompressorStreamFactory.BZIP2:
        case CompressorStreamFactory.XZ:
          data = new BufferedInputStream(
              new CompressorStreamFactory().createCompressorInputStream(kind, in, true), 1 << 16);
          break;
        default:
          throw unrecognized();
      }
    } catch (CompressorException e) {
      // not compressed
    }
    if (startsWithZeroBlock(data)) {
      return; // an empty tar archive: only end-of-archive blocks
    }
    String format;
    try {
      format = ArchiveStreamFactory.detect(data);
    } catch (org.apache.commons.compress.archivers.ArchiveException e) {
      throw unrecognized();
    }
    if (!format.equals(ArchiveStreamFactory.TAR)) {
      throw unrecognized();
    }
    TarArchiveInputStream tar = new TarArchiveInputStream(data);
    Path root = dest.toAbsolutePath().normalize();
    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
      if (e.isGlobalPaxHeader() || e.isPaxHeader()) {
        continue;
      }
      Path target = target(root, e.getName());
      if (target == null) {
        continue;
      }
      if (e.isDirectory()) {
        mkdirs(root, target);
      } else if (e.isSymbolicLink()) {
        prepare(root, target);
        Files.createSymbolicLink(target, Path.of(e.getLinkName()));
      } else if (e.isLink()) {
        Path linked = target(root, e.getLinkName());
        if (linked == null || !Files.isRegularFile(linked, LinkOption.NOFOLLOW_LINKS)) {
          throw new StoreException("failed to extract archive (Hard-link target '"
              + e.getLinkName() + "' does not exist.)");
        }
        prepare(root, target);
        Files.copy(linked, target, StandardCopyOption.COPY_ATTRIBUTES);
      } else if (e.isFile()) {
        prepare(root, target);
        Files.copy(tar, target);
        setExecutable(target, (e.getMode() & 0100) != 0);
      }
      // devices, fifos: skipped
    }
  }

  /** Whether the stream starts with a 512-byte block of zeros (the stream is reset). */
  private static boolean startsWithZeroBlock(InputStream in) throws IOException {
    in.mark(512);
    byte[] block = in.readNBytes(512);
    in.reset();
    if (block.length < 512) {
      return false;
    }
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static void unzip(Path archive, Path dest) throws IOException {
    Path root = dest.toAbsolutePath().normalize();
    try (ZipFile zip = ZipFile.builder().setPath(archive).get()) {
      Enumeration<ZipArchiveEntry> en = zip.getEntriesInPhysicalOrder();
      while (en.hasMoreElements()) {
        ZipArchiveEntry e = en.nextElement();
        Path target = target(root, e.getName());
        if (target == null) {
          continue;
        }
        if (e.isDirectory()) {
          mkdirs(root, target);
        } else if (e.isUnixSymlink()) {
          prepare(root, target);
          String linkTarget;
          try (InputStream in = zip.getInputStream(e)) {
            linkTarget = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
          }
          Files.createSymbolicLink(target, Path.of(linkTarget));
        } else {
          prepare(root, target);
          try (InputStream in = zip.getInputStream(e)) {
            Files.copy(in, target);
          }
          setExecutable(target, (e.getUnixMode() & 0100) != 0);
        }
      }
    }
  }

  /** The file an entry name goes to, or null for the root itself; refuses {@code ..}. */
  private static Path target(Path root, String name) {
    String n = name;
    while (n.startsWith("/") || n.startsWith("./")) {
      n = n.startsWith("/") ? n.substring(1) : n.substring(2);
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.isEmpty() || n.equals(".")) {
      return null;
    }
    for (String c : n.split("/")) {
      if (c.equals("..")) {
        throw new StoreException("failed to extract archive (Path contains '..')");
      }
    }
    return root.resolve(n).normalize();
  }

  /** Creates the parents of {@code target} and removes an earlier entry of the same name. */
  private static void prepare(Path root, Path target) throws IOException {
    mkdirs(root, target.getParent());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      org.nix4j.store.fetch.Fetchers.deleteTree(target);
    } else {
      Files.deleteIfExists(target);
    }
  }

  /** Creates directories from {@code root} down to {@code dir}, never through a symlink. */
  private static void mkdirs(Path root, Path dir) throws IOException {
    Path rel = root.relativize(dir);
    Path cur = root;
    for (Path c : rel) {
      if (c.toString().isEmpty()) {
        continue;
      }
      cur = cur.resolve(c);
      if (Files.isSymbolicLink(cur)) {
        throw new StoreException("failed to extract archive (Cannot extract through symlink "
            + NioFileTree.toBytes(root.relativize(cur).toString()) + ")");
      }
      if (!Files.isDirectory(cur, LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.deleteIfExists(cur);
          Files.createDirectory(cur);
        } catch (FileAlreadyExistsException e) {
          // created meanwhile
        }
      }
    }
  }

  private static void setExecutable(Path file, boolean executable) throws IOException {
    try {
      Files.setPosixFilePermissions(file, executable ? EXEC : FILE);
    } catch (UnsupportedOperationException e) {
      file.toFile().setExecutable(executable);
    }
  }
}
