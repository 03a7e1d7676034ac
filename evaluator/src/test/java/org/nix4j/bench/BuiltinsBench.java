package org.nix4j.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.io.RealIO;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.Vm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Builtins on large inputs, in process. Each workload is a Nix expression (the same text can be
 * given to {@code nix-instantiate --eval --strict -E} for comparison); inputs that the workload
 * only reads are built once in {@link #setUp} and bound as {@code input}, so that the time is
 * the builtin's.
 *
 * <p>{@code bench/run.sh jmh BuiltinsBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuiltinsBench {
  /** Workloads: name → { input expression, workload over `input` }. */
  static final Map<String, String[]> WORKLOADS = Map.of(
      "sortLessThan", new String[] {
        "builtins.genList (i: builtins.bitAnd (i * 2654435761) 1048575) 100000",
        "builtins.length (builtins.sort builtins.lessThan input)"},
      "sortLambda", new String[] {
        "builtins.genList (i: builtins.bitAnd (i * 2654435761) 1048575) 100000",
        "builtins.length (builtins.sort (a: b: a < b) input)"},
      "sortAttrsByKey", new String[] {
        "builtins.genList (i: { k = builtins.bitAnd (i * 2654435761) 1023; v = i; }) 100000",
        "builtins.length (builtins.sort (a: b: a.k < b.k) input)"},
      "replaceStrings", new String[] {
        "builtins.concatStringsSep \"\" (builtins.genList (i: \"<a href='x&y'>${toString i}</a>\\n\") 50000)",
        "builtins.stringLength (builtins.replaceStrings [ \"&\" \"<\" \">\" \"'\" ] [ \"&amp;\" \"&lt;\" \"&gt;\" \"&apos;\" ] input)"},
      "toJSON", new String[] {
        "builtins.genList (i: { name = \"pkg-${toString i}\"; version = \"1.${toString i}\"; deps = [ i (i + 1) ]; meta = { broken = false; weight = i * 1.5; }; }) 20000",
        "builtins.stringLength (builtins.toJSON input)"},
      "fromJSON", new String[] {
        "builtins.toJSON (builtins.genList (i: { name = \"pkg-${toString i}\"; version = \"1.${toString i}\"; deps = [ i (i + 1) ]; meta = { broken = false; weight = i * 1.5; }; }) 20000)",
        "builtins.length (builtins.fromJSON input)"},
      "updateFold", new String[] {
        "builtins.genList (i: \"k${toString i}\") 3000",
        "builtins.length (builtins.attrNames (builtins.foldl' (acc: n: acc // { ${n} = 1; }) { } input))"},
      "updateLayers", new String[] {
        "builtins.listToAttrs (builtins.genList (i: { name = \"p${toString i}\"; value = i; }) 20000)",
        "builtins.length (builtins.attrNames (builtins.foldl' (acc: i: acc // { \"p${toString i}\" = i; x = i; }) input (builtins.genList (i: i * 37) 2000)))"},
      "match", new String[] {
        "builtins.genList (i: if i - i / 3 * 3 == 0 then \"lib-${toString i}.${toString (i * 7)}-dev\" else \"pkg${toString i}\") 50000",
        "builtins.length (builtins.filter (s: builtins.match \"([a-z]+)-([0-9]+)\\\\.([0-9]+)(-[a-z]+)?\" s != null) input)"},
      "split", new String[] {
        "builtins.concatStringsSep \"\" (builtins.genList (i: \"<a href='x&y'>${toString i}</a>\\n\") 50000)",
        "builtins.length (builtins.split \"[[:space:]>]+\" input)"});

  @Param({"sortLessThan", "sortLambda", "sortAttrsByKey", "replaceStrings", "toJSON", "fromJSON",
      "updateFold", "updateLayers", "match", "split"})
  public String workload;

  private Evaluator ev;
  private Value function;
  private Value input;

  @Setup(Level.Trial)
  public void setUp() {
    EvalOptions o = new EvalOptions();
    o.io = new RealIO(Map.of());
    ev = new Evaluator(o);
    String[] w = WORKLOADS.get(workload);
    input = deep(ev.vm(), ev.evalString(w[0], "/"));
    function = ev.evalString("input: " + w[1], "/");
  }

  @Benchmark
  public Value run() {
    return ev.vm().apply(function, input);
  }

  /** The whole text of a workload, for nix-instantiate. */
  public static String expression(String name) {
    String[] w = WORKLOADS.get(name);
    return "let input = " + w[0] + "; in builtins.seq (builtins.deepSeq input null) (" + w[1] + ")";
  }

  private static Value deep(Vm vm, Value v) {
    return vm.runGenerator(new Generator() {
      private boolean started;

      @Override
      public Value resume(Vm vm, Value in) {
        if (!started) {
          started = true;
          return vm.deepForce(v);
        }
        return in;
      }
    });
  }

  /**
   * Without arguments: prints each workload's answer and expression (for timing real Nix).
   * With {@code cpu [RUNS]}: the CPU time of the evaluating thread per run (after 3 warm-up
   * runs), which a busy machine disturbs less than wall time.
   */
  public static void main(String[] args) {
    boolean cpu = args.length > 0 && args[0].equals("cpu");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    for (String name : new java.util.TreeMap<>(WORKLOADS).keySet()) {
      BuiltinsBench b = new BuiltinsBench();
      b.workload = name;
      b.setUp();
      Value r = b.run();
      if (!cpu) {
        System.out.println(name + "\t" + NixString.unicodeOf(org.nix4j.value.Printer.print(r)) + "\t" + expression(name));
        continue;
      }
      for (int i = 0; i < 3; i++) {
        b.run();
      }
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < runs; i++) {
        b.run();
      }
      System.out.printf("%s\t%.1f ms%n", name, (mx.getCurrentThreadCpuTime() - t0) / 1e6 / runs);
    }
  }
}
