package org.nix4j.store.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.nix4j.io.fs.MemoryNode;
import org.nix4j.io.fs.MemoryTreeBuilder;

/**
 * Reads the tree descriptions of {@code fixtures/store/trees/*.tree} (format in
 * {@code fixtures/store/regen.sh}) and builds them in memory or on disk, exactly as the oracle
 * script builds them for real Nix.
 */
public final class TreeSpec {
  private TreeSpec() {}

  /** The lines of a spec without comments and blank lines. */
  private static String[][] entries(Path spec) throws IOException {
    return Files.readAllLines(spec, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> {
          String[] kr = l.split(" ", 2);
          String[] na = kr[1].split(" ", 2);
          return new String[] {kr[0], na[0], na.length > 1 ? na[1] : ""};
        })
        .toArray(String[][]::new);
  }

  /** Unescapes {@code \n \t \\ \xNN} in UTF-8 text into bytes. */
  public static byte[] unescape(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < b.length; i++) {
      if (b[i] == '\\' && i + 1 < b.length) {
        char e = (char) b[i + 1];
        if (e == 'n' || e == 't' || e == '\\') {
          out.write(e == 'n' ? 10 : e == 't' ? 9 : '\\');
          i++;
          continue;
        }
        if (e == 'x') {
          out.write(Integer.parseInt(new String(b, i + 2, 2, StandardCharsets.US_ASCII), 16));
          i += 3;
          continue;
        }
      }
      out.write(b[i]);
    }
    return out.toByteArray();
  }

  /** The generated contents: byte i is i*7 mod 251. */
  public static byte[] generated(int size) {
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ((i * 7L) % 251);
    }
    return b;
  }

  private static String bytes(String utf8) {
    return org.nix4j.io.fs.NioFileTree.toBytes(utf8);
  }

  /** The tree in memory (names as byte strings). */
  public static MemoryNode.Directory memory(Path spec) throws IOException {
    MemoryTreeBuilder b = new MemoryTreeBuilder();
    for (String[] e : entries(spec)) {
      String name = bytes(e[1]);
      switch (e[0]) {
        case "d":
          b.directory(name);
          break;
        case "f":
        case "x":
          b.file(name, unescape(e[2]), e[0].equals("x"));
          break;
        case "g":
        case "G":
          b.file(name, generated(Integer.parseInt(e[2])), e[0].equals("G"));
          break;
        case "l":
          b.symlink(name, bytes(e[2]));
          break;
        default:
          throw new IllegalArgumentException(e[0]);
      }
    }
    return b.build();
  }

  /** The tree on disk at {@code root} (created). */
  public static void disk(Path spec, Path root) throws IOException {
    Files.createDirectory(root);
    for (String[] e : entries(spec)) {
      Path p = root.resolve(e[1]);
      switch (e[0]) {
        case "d":
          Files.createDirectory(p);
          break;
        case "f":
        case "x":
        case "g":
        case "G":
          boolean gen = e[0].equalsIgnoreCase("g");
          Files.write(p, gen ? generated(Integer.parseInt(e[2])) : unescape(e[2]));
          boolean exec = e[0].equals("x") || e[0].equals("G");
          Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
          break;
        case "l":
          Files.createSymbolicLink(p, Path.of(e[2]));
          break;
        default:
          throw new IllegalArgumentException(e[0]);
      }
    }
  }
}
