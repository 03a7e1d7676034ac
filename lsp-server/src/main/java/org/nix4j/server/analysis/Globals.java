package org.nix4j.server.analysis;

import java.util.List;
import java.util.Map;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.io.SandboxIO;
import org.nix4j.value.Value;

/**
 * The global scope of Nix as the analysis sees it: every name visible everywhere
 * ({@code builtins}, {@code map}, {@code __head} …) with its value, and the names of the
 * {@code builtins} set. Taken once from an evaluator that can read nothing; the values are
 * only used to compile for diagnostics, never run.
 */
public final class Globals {
  private static final class Holder {
    static final Evaluator EVALUATOR = newEvaluator();
  }

  private Globals() {}

  private static Evaluator newEvaluator() {
    EvalOptions o = new EvalOptions();
    o.io = new SandboxIO(List.of());
    return new Evaluator(o);
  }

  /** Every global name with its value. */
  public static Map<String, Value> values() {
    return Holder.EVALUATOR.builtins().globals();
  }

  /** Whether {@code name} is bound in the global scope. */
  public static boolean isGlobal(String name) {
    return values().containsKey(name);
  }

  /** The names of the {@code builtins} set, sorted. */
  public static List<String> builtinNames() {
    return Holder.EVALUATOR.builtins().names();
  }
}
