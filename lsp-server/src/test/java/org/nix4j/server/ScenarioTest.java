package org.nix4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario of {@code fixtures/lsp} against a server in this process, over the real
 * protocol ({@link LspHarness}). What each kind of step sends and how it renders the answer is
 * in {@link ScenarioRunner}.
 */
class ScenarioTest {
  static Path fixtures() {
    String p = System.getProperty("nix4j.fixtures");
    Path root = p != null ? Path.of(p) : Path.of("../fixtures").toAbsolutePath().normalize();
    return root.resolve("lsp");
  }

  static List<Path> scenarioFiles() throws IOException {
    try (Stream<Path> s = Files.walk(fixtures())) {
      return s.filter(f -> f.toString().endsWith(".scenario")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> scenarios() throws IOException {
    List<Path> all = scenarioFiles();
    assertTrue(!all.isEmpty(), "no scenarios in " + fixtures());
    return all.stream().map(f -> DynamicTest.dynamicTest(fixtures().relativize(f).toString(), f.toUri(),
        () -> run(f)));
  }

  static void run(Path file) throws Exception {
    Scenario s = Scenario.read(file);
    Path workspace = Files.createTempDirectory("nix4j-scenario");
    try (LspHarness h = new LspHarness()) {
      for (Scenario.File f : s.files.values()) {
        Path p = workspace.resolve(f.name());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.text(), StandardCharsets.UTF_8);
      }
      String settings = s.settings == null ? "{}" : s.settings.replace("@WORKSPACE@", workspace.toString())
          .replace("@FIXTURES@", fixtures().getParent().toString());
      h.initialize(workspace, JsonParser.parseString(settings), s.encodings);
      ScenarioRunner runner = new ScenarioRunner(s, h, workspace);
      for (Scenario.File f : s.files.values()) {
        if (f.open()) {
          h.open(runner.uri(f.name()), f.text());
        }
      }
      for (Scenario.Step step : s.steps) {
        try {
          runner.run(step);
        } catch (AssertionError e) {
          throw new AssertionError(file.getFileName() + ":" + step.line() + ": -- " + step.kind() + " "
              + String.join(" ", step.args()) + "\n" + e.getMessage() + "\nserver log:\n" + h.log(), e);
        }
      }
    } finally {
      deleteTree(workspace);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  static void assertLines(List<String> expected, List<String> actual) {
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }
}
