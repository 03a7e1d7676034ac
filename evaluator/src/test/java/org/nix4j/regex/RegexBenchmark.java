package org.nix4j.regex;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code builtins.match} and {@code builtins.split} workloads: a version-parsing pattern over
 * 100,000 short strings, and splitting a 1 MB text. Run with {@code bench/run.sh jmh Regex}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RegexBenchmark {
  /** The kind of pattern nixpkgs uses to take versions apart. */
  static final String VERSION = "([0-9]+)\\.([0-9]+)(\\.([0-9]+))?(-?[a-z][a-z0-9]*)?";

  private String[] versions;
  private String text;

  /** The patterns split1MB runs with. */
  @State(Scope.Benchmark)
  public static class SplitPattern {
    @Param({"[[:space:]]+", ",", "([a-z]+)=([0-9]+)", "(,)|(;)"})
    public String pattern;
  }

  @Setup
  public void setup() {
    Random r = new Random(42);
    versions = new String[100_000];
    for (int i = 0; i < versions.length; i++) {
      switch (r.nextInt(5)) {
        case 0:
          versions[i] = r.nextInt(30) + "." + r.nextInt(100);
          break;
        case 1:
          versions[i] = r.nextInt(30) + "." + r.nextInt(100) + "." + r.nextInt(1000);
          break;
        case 2:
          versions[i] = r.nextInt(30) + "." + r.nextInt(100) + "-rc" + r.nextInt(9);
          break;
        case 3:
          versions[i] = r.nextInt(3) + "." + r.nextInt(10) + "." + r.nextInt(10) + "pre" + r.nextInt(99999);
          break;
        default:
          versions[i] = "unstable-20" + (10 + r.nextInt(15)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9);
          break;
      }
    }
    StringBuilder b = new StringBuilder();
    while (b.length() < 1_000_000) {
      for (int w = 1 + r.nextInt(12); w > 0; w--) {
        for (int k = 1 + r.nextInt(8); k > 0; k--) {
          b.append((char) ('a' + r.nextInt(26)));
        }
        b.append(r.nextInt(4) == 0 ? "=" + r.nextInt(1000) : "").append(r.nextInt(6) == 0 ? ", " : " ");
      }
      b.append(r.nextInt(3) == 0 ? ";\n" : "\n");
    }
    text = b.toString();
  }

  @Benchmark
  public int matchVersions100k() {
    Regex re = Regex.compile(VERSION);
    int matched = 0;
    for (String v : versions) {
      if (re.matchWhole(v) != null) {
        matched++;
      }
    }
    return matched;
  }

  @Benchmark
  public List<Object> split1MB(SplitPattern p) {
    return Regex.compile(p.pattern).split(text);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Program compileVersionPattern() {
    return new Program(Compiler.compile(VERSION));
  }
}
