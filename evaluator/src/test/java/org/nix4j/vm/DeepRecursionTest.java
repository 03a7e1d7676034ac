package org.nix4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/**
 * The depth of a Nix program is bounded by the heap, not the Java stack: these run on a thread
 * with a 512 KiB stack, far too small for a million nested Java calls.
 */
class DeepRecursionTest {
  private static <T> T onSmallStack(Supplier<T> work) throws Exception {
    Object[] box = new Object[1];
    Throwable[] failed = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        box[0] = work.get();
      } catch (Throwable e) {
        failed[0] = e;
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (failed[0] != null) {
      throw new AssertionError(failed[0]);
    }
    @SuppressWarnings("unchecked")
    T result = (T) box[0];
    return result;
  }

  private static String eval(String text, boolean deep) {
    return eval(text, deep, Vm.DEFAULT_MAX_DEPTH);
  }

  private static String eval(String text, boolean deep, int maxDepth) {
    Evaluator ev = new Evaluator(new EvalOptions());
    ev.vm().setMaxDepth(maxDepth);
    Value v = ev.evalString(NixString.bytesOf(text), "/");
    if (deep) {
      v = ev.vm().runGenerator(new DeepForce(v));
    }
    return Printer.print(v);
  }

  @Test
  void millionDeepNonTailRecursion() throws Exception {
    Path bench = Path.of("../../shared/bench/deep-recursion.nix");
    String text = Files.exists(bench) ? Files.readString(bench)
        : "let count = n: if n == 0 then 0 else 1 + count (n - 1);\nin count 1000000\n";
    assertEquals("1000000", onSmallStack(() -> eval(text, false)));
  }

  @Test
  void deepForcingAListNestedAMillionDeep() throws Exception {
    String out = onSmallStack(() -> eval(
        "let nest = n: if n == 0 then [ ] else [ (nest (n - 1)) ]; in nest 1000000", true));
    assertEquals(1000000 * 4 + 3, out.length());
    assertTrue(out.startsWith("[ [ [ ") && out.endsWith(" ] ] ]"));
  }

  @Test
  void runawayRecursionIsAStackOverflowError() throws Exception {
    String msg = onSmallStack(() -> {
      try {
        return eval("let f = x: f x + 1; in f 0", false, 2_000_000);
      } catch (NixError e) {
        return e.getMessage();
      }
    });
    assertEquals("stack overflow (possible infinite recursion)", msg);
  }
}
