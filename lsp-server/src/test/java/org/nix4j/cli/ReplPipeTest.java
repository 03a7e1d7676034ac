package org.nix4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.nix4j.repl.ReplFixtures;

/**
 * Drives {@code nix4j repl} as a separate process through pipes, as a script would: the script
 * of each fixtures/repl case on stdin, stdout and stderr read together, compared with the
 * transcript real {@code nix repl} wrote for the same script (and the exit code: 1 when a file
 * named on the command line fails to load, else 0).
 */
class ReplPipeTest {
  static final Path REPL = ReplFixtures.DIR;

  /** The result of a run: stdout and stderr as they were interleaved, and the exit code. */
  record Run(String output, int exitCode) {}

  /** Runs {@code nix4j ARGS} in {@code dir} with {@code input} on stdin. */
  static Run nix4j(Path dir, String input, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("org.nix4j.cli.Main");
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> !k.equals("PATH") && !k.equals("JAVA_HOME"));
    env.put("HOME", "/homeless-shelter");
    env.put("NIX_PATH", "");
    env.put("TZ", "UTC");
    Process p = pb.start();
    try (OutputStream stdin = p.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out;
    try (InputStream stdout = p.getInputStream()) {
      out = stdout.readAllBytes();
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nix4j repl ends");
    return new Run(new String(out, StandardCharsets.UTF_8), p.exitValue());
  }

  @TestFactory
  Stream<DynamicTest> scriptsThroughAPipe() throws IOException {
    Set<String> known = ReplFixtures.knownFailures();
    return ReplFixtures.scripts().stream()
        .filter(p -> !known.contains(ReplFixtures.name(p)))
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
          List<String> args = new ArrayList<>();
          args.add("repl");
          args.addAll(ReplFixtures.args(p));
          Run r = nix4j(REPL, Files.readString(p, StandardCharsets.UTF_8), args);
          assertEquals(ReplFixtures.expected(p), r.output());
          boolean failsToLoad = p.getFileName().toString().startsWith("startup-fail");
          assertEquals(failsToLoad ? Main.INPUT_ERROR : Main.OK, r.exitCode());
        }));
  }

  @Test
  void emptyInputPrintsOnlyThePrompt() throws Exception {
    Run r = nix4j(REPL, "", List.of("repl"));
    assertEquals("nix-repl> ", r.output());
    assertEquals(Main.OK, r.exitCode());
  }

  @Test
  void badOptionIsUsageError() throws Exception {
    Run r = nix4j(REPL, "", List.of("repl", "--frobnicate"));
    assertTrue(r.output().contains("unknown option '--frobnicate'"), r.output());
    assertEquals(Main.USAGE, r.exitCode());
  }
}
