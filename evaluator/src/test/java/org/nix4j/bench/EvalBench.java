package org.nix4j.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.eval.Instantiate;
import org.nix4j.io.RealIO;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The workloads of ../shared/bench evaluated in process, warm: what `nix4j eval --strict FILE`
 * does minus the JVM start. Run with `bench/run.sh jmh EvalBench`, or as a plain program
 * (`EvalBench FILE [RUNS]`) for quick measurements while optimising.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EvalBench {
  @Param({"attrs", "deep", "fib", "fixpoint", "json", "lists", "strings"})
  public String workload;

  static Path shared() {
    Path p = Path.of(System.getProperty("nix4j.shared.bench", "../../shared/bench"));
    return Files.isDirectory(p) ? p : Path.of("../shared/bench");
  }

  static String run(Path file) {
    EvalOptions opts = new EvalOptions();
    Evaluator ev = new Evaluator(opts);
    Instantiate.Request req = new Instantiate.Request();
    req.strict = true;
    req.file = RealIO.fromPath(file.toAbsolutePath());
    req.cwd = RealIO.fromPath(file.toAbsolutePath().getParent());
    return new Instantiate(ev, org.nix4j.eval.Formats.DEFAULT).run(req);
  }

  @Benchmark
  public String eval() {
    return run(shared().resolve(workload + ".nix"));
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Thread t = new Thread(null, () -> {
      var mx = java.lang.management.ManagementFactory.getThreadMXBean();
      for (int i = 0; i < runs; i++) {
        long t0 = System.nanoTime();
        long c0 = mx.getCurrentThreadCpuTime();
        String out = run(file);
        long c1 = mx.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        System.out.printf("run %d: %d ms wall, %d ms cpu  %s", i, (t1 - t0) / 1_000_000,
            (c1 - c0) / 1_000_000, out.length() > 60 ? out.substring(0, 60) + "…\n" : out);
      }
    }, "bench", 1L << 28);
    t.start();
    t.join();
  }
}
