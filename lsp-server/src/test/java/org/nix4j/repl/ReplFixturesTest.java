package org.nix4j.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nix4j.eval.EvalOptions;
import org.nix4j.io.RealIO;

/**
 * Runs every script of fixtures/repl (NAME.nixrepl: the lines typed) through the REPL core and
 * compares the transcript with what {@code nix repl} of Nix 2.8 wrote for it (NAME.transcript,
 * recorded by fixtures/repl/regen.sh): prompts and echoed lines, values, errors, notices.
 *
 * <p>fixtures/repl/known-failures.txt lists scripts that fail because of what the evaluator
 * does not do yet; they are skipped, and reported when they pass.
 */
class ReplFixturesTest {
  static final Path REPL = Path.of(System.getProperty("nix4j.fixtures", "../fixtures")).resolve("repl");

  /** Nix's line editor scrolls lines this long when it echoes them: keep scripts shorter. */
  static final int MAX_LINE = 68;

  @TestFactory
  Stream<DynamicTest> transcripts() throws IOException {
    Set<String> known = knownFailures();
    List<Path> scripts;
    try (Stream<Path> s = Files.list(REPL)) {
      scripts = s.filter(p -> p.toString().endsWith(".nixrepl")).sorted().toList();
    }
    assertTrue(scripts.size() >= 5, "fixtures/repl has its scripts");
    return scripts.stream().map(p -> {
      String name = p.getFileName().toString().replaceAll("\\.nixrepl$", "");
      return DynamicTest.dynamicTest(name, () -> {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          assertTrue(line.length() <= MAX_LINE, "line longer than " + MAX_LINE + " in " + p + ": " + line);
        }
        String expected = expected(p);
        String actual = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(p));
        if (known.contains(name)) {
          if (expected.equals(actual)) {
            System.err.println("ReplFixturesTest: " + name + " is in known-failures.txt but passes");
          }
          Assumptions.assumeTrue(false, "known failure");
        }
        assertEquals(expected, actual);
      });
    });
  }

  static Set<String> knownFailures() throws IOException {
    Path f = REPL.resolve("known-failures.txt");
    Set<String> out = new HashSet<>();
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f)) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    }
    return out;
  }

  /** The directory of the fixtures, absolute, as Nix prints it (Unicode). */
  static String dir() {
    return REPL.toAbsolutePath().normalize().toString();
  }

  static String expected(Path script) throws IOException {
    Path t = Path.of(script.toString().replaceAll("\\.nixrepl$", ".transcript"));
    return Files.readString(t, StandardCharsets.UTF_8).replace("@DIR@", dir());
  }

  /** The transcript of a script: stdout and stderr of the REPL in the order they were written. */
  static String run(Path script) throws IOException {
    EvalOptions opts = new EvalOptions();
    opts.io = new RealIO(Map.of("HOME", "/homeless-shelter", "NIX_PATH", "", "TZ", "UTC"));
    Repl repl = new Repl(opts, RealIO.fromPath(REPL.toAbsolutePath().normalize()), false);
    StringBuilder sb = new StringBuilder();
    Repl.Output both = new Repl.Output() {
      @Override
      public void out(String text) {
        sb.append(text);
      }

      @Override
      public void err(String text) {
        sb.append(text);
      }
    };
    String text = Files.readString(script, StandardCharsets.UTF_8);
    Transcript.run(repl, new BufferedReader(new StringReader(text)), both);
    return sb.toString();
  }
}
