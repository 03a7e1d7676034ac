package org.nix4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nix4j.io.RealIO;
import org.nix4j.vm.NixError;

/**
 * Runs every program of fixtures/eval as {@code nix-instantiate --eval} would (flags from
 * NAME.flags, default {@code --strict}) and compares with what real Nix 2.8 printed: stdout for
 * ok/, the first line of stderr for fail/.
 *
 * <p>fixtures/eval/known-failures.txt lists fixtures nix4j does not pass yet; they are skipped
 * (and reported when they pass, so that the list only shrinks).
 *
 * <p>{@link #stderr()} compares the whole stderr of each fail/ fixture (traces, the error as
 * {@link ErrorFormat} prints it for {@code nix4j eval}) with NAME.stderr, all of real Nix's
 * stderr. fixtures/eval/known-failures-stderr.txt lists those that differ; a listed fixture that
 * matches fails the test, so that the list only shrinks.
 */
class EvalFixturesTest {
  static final Path FIXTURES = Path.of(System.getProperty("nix4j.fixtures", "../fixtures"));
  static final Path EVAL = FIXTURES.resolve("eval");
  private static final AtomicInteger nowPassing = new AtomicInteger();
  private static final List<String> nowPassingNames = new ArrayList<>();

  @TestFactory
  Stream<DynamicTest> ok() throws IOException {
    return fixtures("ok");
  }

  @TestFactory
  Stream<DynamicTest> fail() throws IOException {
    return fixtures("fail");
  }

  /** Whole stderr of each fail/ fixture against NAME.stderr. */
  @TestFactory
  Stream<DynamicTest> stderr() throws IOException {
    Set<String> known = listed(EVAL.resolve("known-failures-stderr.txt"));
    Set<String> firstLineKnown = knownFailures();
    List<Path> files = fixtureFiles(EVAL.resolve("fail"));
    return files.stream().map(p -> {
      String name = "fail/" + p.getFileName().toString().replaceAll("\\.nix$", "");
      return DynamicTest.dynamicTest(name, () -> {
        // A fixture whose first line is a known failure has its whole stderr wrong too.
        Assumptions.assumeFalse(firstLineKnown.contains(name), "known failure (first line)");
        Path stderrFile = Path.of(p.toString().replaceAll("\\.nix$", ".stderr"));
        // No NAME.stderr: Nix's whole text depends on where the fixture lies (see regen.sh).
        Assumptions.assumeTrue(Files.exists(stderrFile), "no NAME.stderr");
        Outcome o = runGuarded(p);
        String expected = substitute(p, stderrFile);
        boolean pass = o.error != null && expected.equals(o.stderr);
        if (!pass) {
          synchronized (stderrFailing) {
            stderrFailing.add(name);
          }
          // nix4j's stderr beside Nix's, to diff: target/eval-stderr/NAME.stderr.
          Path actual = Path.of("target/eval-stderr", p.getFileName().toString() + ".stderr");
          Files.createDirectories(actual.getParent());
          String here = RealIO.fromPath(p.toAbsolutePath().normalize().getParent());
          Files.write(actual, o.stderr.replace(here, "@DIR@").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (known.contains(name)) {
          if (pass) {
            org.junit.jupiter.api.Assertions.fail(
                "matches Nix's stderr now: remove it from known-failures-stderr.txt");
          }
          Assumptions.assumeTrue(false, "known failure");
        }
        if (o.error == null) {
          org.junit.jupiter.api.Assertions.fail("expected an error but got: " + o.stdout);
        }
        assertEquals(expected, o.stderr);
      });
    });
  }

  private static final List<String> stderrFailing = new ArrayList<>();
  private static final List<String> failing = new ArrayList<>();

  @AfterAll
  static void report() throws IOException {
    // The fixtures failing now (not counting known failures), to update known-failures.txt.
    List<String> sorted = new ArrayList<>(failing);
    java.util.Collections.sort(sorted);
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target/eval-fixtures-failing.txt"), sorted);
    List<String> sortedStderr = new ArrayList<>(stderrFailing);
    java.util.Collections.sort(sortedStderr);
    Files.write(Path.of("target/eval-stderr-failing.txt"), sortedStderr);
    if (nowPassing.get() > 0) {
      System.err.println("EvalFixturesTest: " + nowPassing.get()
          + " fixtures in known-failures.txt now pass: " + nowPassingNames);
    }
  }

  static Set<String> knownFailures() throws IOException {
    return listed(EVAL.resolve("known-failures.txt"));
  }

  /** The fixture names a known-failures file lists (one a line, # comments). */
  static Set<String> listed(Path f) throws IOException {
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

  /** The .nix files of a fixture folder whose names contain -Dnix4j.fixture.filter, sorted. */
  private static List<Path> fixtureFiles(Path dir) throws IOException {
    String filter = System.getProperty("nix4j.fixture.filter", "");
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".nix"))
          .filter(p -> p.getFileName().toString().contains(filter))
          .sorted().toList();
    }
  }

  private Stream<DynamicTest> fixtures(String kind) throws IOException {
    Set<String> known = knownFailures();
    List<Path> files = fixtureFiles(EVAL.resolve(kind));
    return files.stream().map(p -> {
      String name = kind + "/" + p.getFileName().toString().replaceAll("\\.nix$", "");
      return DynamicTest.dynamicTest(name, () -> {
        Outcome o = runGuarded(p);
        String expected = expected(p, kind);
        boolean pass = kind.equals("ok") ? (o.error == null && o.stdout.equals(expected))
            : (o.error != null && o.error.equals(expected));
        if (known.contains(name)) {
          if (pass) {
            synchronized (nowPassingNames) {
              nowPassing.incrementAndGet();
              nowPassingNames.add(name);
            }
          }
          Assumptions.assumeTrue(false, "known failure");
        }
        if (!pass) {
          synchronized (failing) {
            failing.add(name);
          }
        }
        if (kind.equals("ok")) {
          if (o.error != null) {
            org.junit.jupiter.api.Assertions.fail("expected success but got: " + o.error);
          }
          assertEquals(expected, o.stdout);
        } else {
          if (o.error == null) {
            org.junit.jupiter.api.Assertions.fail("expected an error but got: " + o.stdout);
          }
          assertEquals(expected, o.error);
          Path stdoutFile = Path.of(p.toString().replaceAll("\\.nix$", ".stdout"));
          String expectedStdout = Files.exists(stdoutFile) ? substitute(p, stdoutFile) : "";
          assertEquals(expectedStdout, partialStdout.getOrDefault(p, ""), "stdout before the error");
        }
      });
    });
  }

  static String expected(Path nix, String kind) throws IOException {
    String base = nix.toString().replaceAll("\\.nix$", "");
    String text = substitute(nix, Path.of(base + (kind.equals("ok") ? ".exp" : ".err")));
    if (kind.equals("fail")) {
      int nl = text.indexOf('\n');
      return nl < 0 ? text : text.substring(0, nl);
    }
    return text;
  }

  /** An expected output's bytes with @DIR@ and @FIXTURES@ replaced by the real directories. */
  static String substitute(Path nix, Path f) throws IOException {
    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    String dir = RealIO.fromPath(nix.toAbsolutePath().normalize().getParent());
    return text.replace("@DIR@", dir)
        .replace("@FIXTURES@", RealIO.fromPath(FIXTURES.toAbsolutePath().normalize()));
  }

  /**
   * What running the fixture gave: stdout, or the first line of the error; and the whole stderr
   * (byte string) as {@code nix4j eval} prints it.
   */
  record Outcome(String stdout, String error, String stderr) {
    Outcome(String stdout, String error) {
      this(stdout, error, error == null ? "" : error);
    }
  }

  /**
   * What `nix4j eval` writes to stdout before failing (the partial output of --json): compared
   * with NAME.stdout, or with nothing when the fixture has none.
   */
  private static final Map<Path, String> partialStdout = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Runs a fixture on its own thread (with a large stack for the compiler's recursion on deep
   * syntax), cancelling it if it runs for more than a minute.
   */
  static Outcome runGuarded(Path nix) throws Exception {
    Outcome[] result = new Outcome[1];
    Throwable[] thrown = new Throwable[1];
    org.nix4j.vm.Budget budget = new org.nix4j.vm.Budget(Long.MAX_VALUE, 60_000_000_000L, 256L << 20);
    Thread t = new Thread(null, () -> {
      try {
        result[0] = run(nix, budget);
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "fixture", 256L << 20);
    t.start();
    t.join(70_000);
    if (t.isAlive()) {
      budget.cancel();
      t.join(5_000);
      return new Outcome(null, "timeout (nix4j ran for more than 70 s)");
    }
    if (thrown[0] != null) {
      return new Outcome(null, "exception: " + thrown[0]);
    }
    return result[0];
  }

  static Outcome run(Path nix, org.nix4j.vm.Budget budget) throws IOException {
    Path dir = nix.toAbsolutePath().normalize().getParent();
    String dirBytes = RealIO.fromPath(dir);
    List<String> flags = flags(nix, dirBytes);
    Set<String> features = new HashSet<>();
    boolean allowIfd = true;
    Instantiate.Request req = new Instantiate.Request();
    req.cwd = dirBytes;
    req.file = RealIO.fromPath(nix.toAbsolutePath().normalize());
    for (int i = 0; i < flags.size(); i++) {
      String f = flags.get(i);
      switch (f) {
        case "--strict" -> req.strict = true;
        case "--json" -> req.json = true;
        case "--xml" -> req.xml = true;
        case "-A", "--attr" -> req.attrPaths.add(flags.get(++i));
        case "--arg" -> req.args.put(flags.get(++i), new String[] {"expr", flags.get(++i)});
        case "--argstr" -> req.args.put(flags.get(++i), new String[] {"str", flags.get(++i)});
        case "-I" -> req.includes.add(flags.get(++i));
        case "--read-write-mode" -> req.readOnly = false;
        case "--readonly-mode" -> req.readOnly = true;
        case "--option" -> {
          String name = flags.get(++i);
          String value = flags.get(++i);
          if (name.equals("allow-import-from-derivation")) {
            allowIfd = value.equals("true");
          } else if (name.equals("extra-experimental-features")) {
            features.addAll(List.of(value.split(" ")));
          }
        }
        case "--extra-experimental-features" -> features.addAll(List.of(flags.get(++i).split(" ")));
        default -> { }
      }
    }
    EvalOptions opts = new EvalOptions();
    opts.io = new RealIO(Map.of("HOME", "/homeless-shelter", "NIX_PATH", "", "TZ", "UTC"));
    List<String> includes = new ArrayList<>();
    for (String inc : req.includes) {
      int eq = inc.indexOf('=');
      String prefix = eq < 0 ? "" : inc.substring(0, eq + 1);
      String path = eq < 0 ? inc : inc.substring(eq + 1);
      includes.add(prefix + (path.startsWith("/") || path.contains("://") ? path : dirBytes + "/" + path));
    }
    opts.searchPath = SearchPath.parse(includes, null);
    opts.readOnly = req.readOnly;
    opts.allowImportFromDerivation = allowIfd;
    opts.experimentalFeatures = features;
    // stderr as nix4j eval writes it: traces and warnings as they come, then the error.
    StringBuilder stderr = new StringBuilder();
    opts.traceSink = s -> stderr.append("trace: ").append(s).append('\n');
    opts.warningSink = s -> stderr.append("warning: ").append(s).append('\n');
    boolean showTrace = flags.contains("--show-trace");
    Evaluator ev = new Evaluator(opts, budget);
    Instantiate inst = new Instantiate(ev, Formats.DEFAULT);
    try {
      return new Outcome(inst.run(req), null, stderr.toString());
    } catch (NixError e) {
      // Nix prints an empty message as an empty line.
      // Nix prints a message of blanks as an empty line.
      String first = chomp(e.getMessage()).isEmpty() ? ""
          : terminal(chomp("error: " + firstLine(e.getMessage())));
      stderr.append(org.nix4j.value.NixString.bytesOf(ErrorFormat.command(e, showTrace)));
      partialStdout.put(nix, e.partialOutput() == null ? "" : e.partialOutput());
      return new Outcome(null, first, stderr.toString());
    }
  }

  /** Without the blanks at the end, as Nix prints each line of an error. */
  private static String chomp(String s) {
    int end = s.length();
    while (end > 0 && " \n\r\t".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /** A line of bytes as Nix writes it to stderr: tabs expanded, carriage returns dropped. */
  private static String terminal(String line) {
    if (line.indexOf('\t') < 0 && line.indexOf('\r') < 0) {
      return line;
    }
    return org.nix4j.value.NixString.bytesOf(
        ErrorFormat.terminal(org.nix4j.value.NixString.unicodeOf(line)));
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static List<String> flags(Path nix, String dir) throws IOException {
    Path f = Path.of(nix.toString().replaceAll("\\.nix$", ".flags"));
    if (!Files.exists(f)) {
      return List.of("--strict");
    }
    String line = Files.readAllLines(f).get(0).replace("@DIR@", dir);
    return shellSplit(line);
  }

  static List<String> shellSplit(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < s.length()) {
          cur.append(s.charAt(++i));
        } else {
          cur.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
      } else {
        cur.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }
}
