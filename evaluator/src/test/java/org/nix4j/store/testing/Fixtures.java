package org.nix4j.store.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Access to the repository's {@code fixtures/} directory and its expected outputs. */
public final class Fixtures {
  private Fixtures() {}

  /** {@code fixtures/} (system property {@code nix4j.fixtures}, else {@code ../fixtures}). */
  public static Path root() {
    String p = System.getProperty("nix4j.fixtures");
    Path dir = p != null ? Path.of(p) : Path.of("..", "fixtures");
    return dir.toAbsolutePath().normalize();
  }

  /** {@code fixtures/eval/data}. */
  public static Path data() {
    return root().resolve("eval/data");
  }

  /** The absolute path of a file under {@code fixtures/eval/data} as a byte string. */
  public static String dataPath(String rel) {
    return org.nix4j.io.fs.NioFileTree.toBytes(data().resolve(rel).toString());
  }

  /** A file's bytes as a byte string. */
  public static String read(Path p) {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The parsed {@code fixtures/eval/ok/NAME.exp}. */
  public static Object okExp(String name) {
    return NixValues.parse(read(root().resolve("eval/ok/" + name + ".exp")).strip());
  }

  /** The message of {@code fixtures/eval/fail/NAME.err} without {@code error: }. */
  public static String failMessage(String name) {
    String s = read(root().resolve("eval/fail/" + name + ".err")).strip();
    return s.startsWith("error: ") ? s.substring(7) : s;
  }
}
