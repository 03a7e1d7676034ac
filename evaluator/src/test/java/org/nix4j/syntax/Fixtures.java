package org.nix4j.syntax;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the fixtures are, and reading them as byte strings. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    String p = System.getProperty("nix4j.fixtures");
    if (p != null) {
      return Path.of(p);
    }
    Path here = Path.of("").toAbsolutePath();
    while (here != null && !Files.isDirectory(here.resolve("fixtures/parse"))) {
      here = here.getParent();
    }
    if (here == null) {
      throw new IllegalStateException("fixtures/ not found");
    }
    return here.resolve("fixtures");
  }

  /** The {@code .nix} files of {@code parse/ok} or {@code parse/fail}, sorted. */
  static List<Path> nixFiles(String dir) {
    try (Stream<Path> s = Files.list(root().resolve(dir))) {
      return s.filter(f -> f.toString().endsWith(".nix")).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file's contents as a byte string. */
  static String read(Path f) {
    try {
      return Bytes.toByteString(Files.readAllBytes(f));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String name(Path f) {
    String n = f.getFileName().toString();
    return n.endsWith(".nix") ? n.substring(0, n.length() - 4) : n;
  }
}
