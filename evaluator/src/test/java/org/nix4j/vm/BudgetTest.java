package org.nix4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/** Evaluations stop by themselves, with a clear error, when their budget runs out. */
class BudgetTest {
  private static final String FOREVER = "let f = n: if n < 0 then 0 else f (n + 1); in f 0";

  private static NixError run(String text, Budget budget) {
    Evaluator ev = new Evaluator(new EvalOptions(), budget);
    return assertThrows(NixError.class, () -> ev.evalString(text, "/"));
  }

  @Test
  void stepBudget() {
    NixError e = run(FOREVER, new Budget(100_000, Long.MAX_VALUE, 0));
    assertEquals(NixError.Kind.INTERRUPTED, e.kind());
    assertEquals("evaluation stopped: step budget exhausted", e.getMessage());
  }

  @Test
  void deadline() {
    long t0 = System.nanoTime();
    NixError e = run(FOREVER, new Budget(Long.MAX_VALUE, TimeUnit.MILLISECONDS.toNanos(200), 0));
    assertEquals("evaluation stopped: time budget exhausted", e.getMessage());
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20));
  }

  @Test
  void memoryFloor() {
    // A floor above the heap's size: the first check stops the evaluation.
    NixError e = run(FOREVER, new Budget(Long.MAX_VALUE, Long.MAX_VALUE, Runtime.getRuntime().maxMemory()));
    assertEquals("evaluation stopped: memory budget exhausted", e.getMessage());
  }

  @Test
  void cancelledFromAnotherThread() throws Exception {
    Budget budget = new Budget(Long.MAX_VALUE, Long.MAX_VALUE, 0);
    Evaluator ev = new Evaluator(new EvalOptions(), budget);
    CompletableFuture<NixError> result = CompletableFuture.supplyAsync(() -> {
      try {
        ev.evalString(FOREVER, "/");
        return null;
      } catch (NixError e) {
        return e;
      }
    });
    Thread.sleep(100);
    budget.cancel();
    NixError e = result.get(30, TimeUnit.SECONDS);
    assertEquals("evaluation cancelled", e.getMessage());
  }

  @Test
  void anInterruptedEvaluationLeavesNoThunkBlackHoled() {
    Budget budget = new Budget(50_000, Long.MAX_VALUE, 0);
    Evaluator ev = new Evaluator(new EvalOptions(), budget);
    Value set = ev.evalString("let slow = n: if n == 0 then 0 else slow (n - 1); in { a = slow 1000000; b = 2; }", "/");
    var attrs = (org.nix4j.value.NixAttrs) set;
    assertThrows(NixError.class, () -> ev.vm().forceValue(attrs.get("a")));
    // The thunk is not left as a black hole: forcing it again fails the same way, not with
    // "infinite recursion".
    NixError again = assertThrows(NixError.class, () -> ev.vm().forceValue(attrs.get("a")));
    assertEquals(NixError.Kind.INTERRUPTED, again.kind());
    assertEquals("2", Printer.print(ev.vm().forceValue(attrs.get("b"))));
  }
}
