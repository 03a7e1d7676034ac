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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.SearchPath;
import org.nix4j.io.RealIO;

/**
 * Runs every script of fixtures/repl through the REPL core ({@link Transcript} over a
 * {@link Repl}) and compares the transcript with what {@code nix repl} of Nix 2.8 wrote for it:
 * prompts and echoed lines, values, errors, notices. Scripts in known-failures.txt are skipped
 * (and reported when they pass).
 */
class ReplFixturesTest {
  /** Nix's line editor scrolls lines this long when it echoes them: keep scripts shorter. */
  static final int MAX_LINE = 68;

  @TestFactory
  Stream<DynamicTest> transcripts() throws IOException {
    Set<String> known = ReplFixtures.knownFailures();
    List<Path> scripts = ReplFixtures.scripts();
    assertTrue(scripts.size() >= 5, "fixtures/repl has its scripts");
    return scripts.stream().map(p -> {
      String name = ReplFixtures.name(p);
      return DynamicTest.dynamicTest(name, () -> {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          assertTrue(line.length() <= MAX_LINE, "line longer than " + MAX_LINE + " in " + p + ": " + line);
        }
        String expected = ReplFixtures.expected(p);
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

  /** A REPL in the fixtures' directory, with the environment regen.sh gives Nix. */
  static Repl newRepl() {
    return newRepl(List.of());
  }

  static Repl newRepl(List<String> includes) {
    EvalOptions opts = new EvalOptions();
    opts.io = new RealIO(Map.of("HOME", "/homeless-shelter", "NIX_PATH", "", "TZ", "UTC"));
    opts.searchPath = SearchPath.parse(includes, null);
    return new Repl(opts, RealIO.fromPath(ReplFixtures.DIR.toAbsolutePath().normalize()), false);
  }

  /** The transcript of a script: stdout and stderr of the REPL in the order they were written. */
  static String run(Path script) throws IOException {
    Repl repl = newRepl(ReplFixtures.includes(script));
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
    Transcript.run(repl, ReplFixtures.files(script), new BufferedReader(new StringReader(text)), both);
    return sb.toString();
  }
}
