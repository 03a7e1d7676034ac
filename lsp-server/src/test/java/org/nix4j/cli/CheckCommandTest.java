package org.nix4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** {@code nix4j check} on each file of {@code fixtures/lsp/check}: the lines and exit code of NAME.out. */
class CheckCommandTest {
  static Path dir() {
    String p = System.getProperty("nix4j.fixtures");
    Path root = p != null ? Path.of(p) : Path.of("../fixtures").toAbsolutePath().normalize();
    return root.resolve("lsp/check");
  }

  @TestFactory
  Stream<DynamicTest> checks() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir())) {
      files = s.filter(f -> f.toString().endsWith(".nix")).sorted().toList();
    }
    return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
  }

  private static void check(Path nix) throws IOException {
    String name = nix.getFileName().toString();
    String expected = Files.readString(nix.resolveSibling(name.replace(".nix", ".out")));
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    // Run from the fixture's directory, as the file names in the output are given.
    String cwd = System.getProperty("user.dir");
    int code = Main.run(new String[] {"check", nix.toString()}, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    String got = o.toString(StandardCharsets.UTF_8).replace(nix.getParent() + "/", "") + "exit " + code + "\n";
    assertEquals(expected, got, "stderr: " + e.toString(StandardCharsets.UTF_8) + " (cwd " + cwd + ")");
  }
}
