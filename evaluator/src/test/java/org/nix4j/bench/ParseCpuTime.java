package org.nix4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.Lexer;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.Reparser;
import org.nix4j.syntax.TextEdit;

/**
 * The parser benchmarks of {@link ParseBenchmark} measured in CPU time instead of wall time: on a
 * machine shared with other work, wall time measures the load as much as the code. Each figure is
 * the CPU time of the whole process (so garbage collection counts) over a batch of operations,
 * divided by the batch size; the median and the minimum over the batches are reported, after a
 * warm-up. The incremental edit is also reported in CPU time of the benchmarking thread, per
 * operation (its median), since it is too short for the process clock.
 *
 * <p>{@code bench/run.sh parse-cpu} runs it.
 */
public final class ParseCpuTime {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private ParseCpuTime() {}

  private interface Op {
    Object run(int i);
  }

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  /** Per-operation process CPU time of {@code batches} batches of {@code size} operations. */
  private static long[] measure(Op op, int warmup, int batches, int size) {
    for (int i = 0; i < warmup; i++) {
      op.run(i);
    }
    long[] t = new long[batches];
    int k = 0;
    for (int b = 0; b < batches; b++) {
      long t0 = OS.getProcessCpuTime();
      for (int i = 0; i < size; i++) {
        op.run(k++);
      }
      t[b] = (OS.getProcessCpuTime() - t0) / size;
    }
    Arrays.sort(t);
    return t;
  }

  /** Per-operation CPU time of this thread, operation by operation. */
  private static long[] measureThread(Op op, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      op.run(i);
    }
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = MX.getCurrentThreadCpuTime();
      op.run(i);
      t[i] = MX.getCurrentThreadCpuTime() - t0;
    }
    Arrays.sort(t);
    return t;
  }

  private static void report(String name, long[] t, long bytes) {
    double med = t[t.length / 2] / 1e6;
    double min = t[0] / 1e6;
    String rate = bytes > 0
        ? String.format(" | %.0f MB/s | %.0f MB/s", bytes / 1e6 / (med / 1e3),
            bytes / 1e6 / (min / 1e3))
        : " | | ";
    System.out.printf("| %s | %.3f ms | %.3f ms%s |%n", name, med, min, rate);
  }

  public static void main(String[] args) {
    String large = Bytes.fromUnicode(PackageSetGenerator.generate(40_000, 42));
    byte[] largeBytes = Bytes.of(large);
    String medium = Bytes.fromUnicode(PackageSetGenerator.generate(20_000, 42));
    Parse base = Parser.parse(medium);
    TextEdit[] edits = ParseBenchmark.oneCharacterEdits(medium, 64);
    System.out.println("| benchmark (CPU time) | median | min | median rate | best rate |");
    System.out.println("| --- | --- | --- | --- | --- |");
    report("fullParse (2 MB)", measure(i -> Parser.parse(large), 30, 10, 8), large.length());
    report("lex (2 MB)", measure(i -> Lexer.lex(largeBytes), 30, 10, 8), large.length());
    report("check: lex + parse, no tree (2 MB)", measure(i -> Parser.check(large), 30, 10, 8),
        large.length());
    long[] full20k = measure(i -> Parser.parse(medium), 30, 10, 16);
    report("fullParse20k", full20k, medium.length());
    report("incrementalEdit20k",
        measure(i -> Reparser.reparse(base, edits[i % edits.length]), 20_000, 10, 5_000), 0);
    long[] inc =
        measureThread(i -> Reparser.reparse(base, edits[i % edits.length]), 20_000, 20_000);
    report("incrementalEdit20k (thread CPU, per edit)", inc, 0);
    System.out.printf("%nincremental edit vs full parse of the 20,000-line file (medians): %.0f times"
        + " faster%n", (double) full20k[full20k.length / 2] / inc[inc.length / 2]);
  }
}
