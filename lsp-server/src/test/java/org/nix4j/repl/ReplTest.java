package org.nix4j.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nix4j.eval.EvalOptions;
import org.nix4j.io.RealIO;

/**
 * What the REPL does that {@code nix repl} cannot be the oracle for (the transcripts of
 * fixtures/repl are, in {@link ReplFixturesTest}): when an input needs more lines, completion,
 * help, colours, cancelling an evaluation, printing values nested deeper than the Java stack.
 */
class ReplTest {
  /** What the REPL wrote, stdout and stderr apart. */
  static final class Captured implements Repl.Output {
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();

    @Override
    public synchronized void out(String text) {
      out.append(text);
    }

    @Override
    public synchronized void err(String text) {
      err.append(text);
    }
  }

  static Captured run(Repl repl, String input) {
    Captured c = new Captured();
    assertEquals(Repl.Status.DONE, repl.process(input, c));
    return c;
  }

  static Repl repl() {
    return ReplFixturesTest.newRepl();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{ a = 1;", "[ 1", "\"abc", "''", "(1 +", "let x = 1; in", "# comment",
      "x = {", ":t", ":p {", ":a [", "f (", "if true then 1", "{ a, b", "x:"})
  void incompleteInputs(String input) {
    assertTrue(repl().isIncomplete(input), input);
    assertEquals(Repl.Status.INCOMPLETE, repl().process(input, new Captured()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "1", "1 )", "{ a = ; b", ":q", ":l", ":r", ":zz {", "x = 1",
      "{ a = 1;\n b = 2; }", "/* unclosed comment"})
  void completeInputs(String input) {
    assertFalse(repl().isIncomplete(input), input);
  }

  @Test
  void quit() {
    assertEquals(Repl.Status.QUIT, repl().process(":q", new Captured()));
    assertEquals(Repl.Status.QUIT, repl().process("  :quit  ", new Captured()));
  }

  @Test
  void helpListsEveryCommand() {
    Captured c = run(repl(), ":?");
    assertEquals(Repl.HELP, c.out.toString());
    for (String cmd : Completion.COMMANDS) {
      assertTrue(Repl.HELP.contains(cmd), cmd);
    }
    assertEquals(Repl.HELP, run(repl(), ":help").out.toString());
  }

  @Test
  void unsupportedNixCommandsSaySo() {
    Captured c = run(repl(), ":b 1");
    assertEquals("error: the command ':b' is not supported by nix4j\n", c.err.toString());
  }

  @Test
  void showTraceToggles() {
    Repl r = repl();
    assertEquals("showing error traces is on\n", run(r, ":st").out.toString());
    assertEquals("showing error traces is off\n", run(r, ":st false").out.toString());
    assertEquals("showing error traces is on\n", run(r, ":st true").out.toString());
  }

  @Test
  void completesNamesInScope() {
    Repl r = repl();
    run(r, "fooBar = 1");
    run(r, ":a { fooBaz = 2; other = 3; }");
    assertEquals(new Completion.Result(0, List.of("fooBar", "fooBaz")), Completion.complete(r, "foo", 3));
    assertEquals(new Completion.Result(4, List.of("fooBar", "fooBaz")), Completion.complete(r, "1 + foo", 7));
    assertTrue(Completion.complete(r, "buil", 4).candidates().contains("builtins"));
  }

  @Test
  void completesAttributesAfterADot() {
    Repl r = repl();
    run(r, "s = { ab = 1; \"a b\" = 2; ac = { x = 1; }; zz = 3; }");
    assertEquals(new Completion.Result(0, List.of("s.\"a b\"", "s.ab", "s.ac")), Completion.complete(r, "s.a", 3));
    assertEquals(new Completion.Result(2, List.of("s.ac.x")), Completion.complete(r, "[ s.ac.", 7));
    assertEquals(List.of("builtins.isAttrs"), Completion.complete(r, "builtins.isA", 12).candidates());
    // A prefix that is not a set, or fails, or starts with a digit completes to nothing.
    assertEquals(List.of(), Completion.complete(r, "s.ab.", 5).candidates());
    assertEquals(List.of(), Completion.complete(r, "nothing.x", 9).candidates());
    assertEquals(List.of(), Completion.complete(r, "1.5", 3).candidates());
  }

  @Test
  void completesCommands() {
    Repl r = repl();
    assertEquals(Completion.COMMANDS, Completion.complete(r, ":", 1).candidates());
    assertEquals(List.of(":help"), Completion.complete(r, ":h", 2).candidates());
    assertEquals(0, Completion.wordStart(":h", 2));
    assertEquals(3, Completion.wordStart(":t foo.b", 8));
  }

  @Test
  void colorsAsNixDoes() {
    EvalOptions opts = new EvalOptions();
    opts.io = new RealIO(Map.of());
    Repl r = new Repl(opts, "/", true);
    assertEquals("{ a = \u001b[36;1m1\u001b[0m; b = \u001b[35;1m\"s\"\u001b[0m; }\n",
        run(r, "{ a = 1; b = \"s\"; }").out.toString());
  }

  @Test
  void cancelStopsTheEvaluationAndTheReplGoesOn() throws Exception {
    Repl r = repl();
    run(r, "fib = let fib = n: if n < 2 then n else fib (n - 1) + fib (n - 2); in fib");
    Captured c = new Captured();
    AtomicReference<Repl.Status> status = new AtomicReference<>();
    Thread t = new Thread(() -> status.set(r.process("fib 80", c)));
    t.start();
    Thread.sleep(300);
    assertTrue(t.isAlive(), "fib 80 runs for a long time");
    r.cancel();
    t.join(20_000);
    assertFalse(t.isAlive(), "the evaluation stopped");
    assertEquals(Repl.Status.DONE, status.get());
    assertTrue(c.err.toString().startsWith("error: evaluation cancelled\n"), c.err.toString());
    assertEquals("", c.out.toString());
    assertEquals("55\n", run(r, "fib 10").out.toString());
  }

  @Test
  void printsValuesDeeperThanTheJavaStack() throws Exception {
    Repl r = repl();
    int depth = 100_000;
    run(r, "f = let f = n: if n == 0 then [ ] else [ (f (n - 1)) ]; in f");
    AtomicReference<Captured> out = new AtomicReference<>();
    Thread t = new Thread(null, () -> out.set(run(r, ":p f " + depth)), "small-stack", 512 * 1024);
    t.start();
    t.join(60_000);
    String text = out.get().out.toString();
    assertEquals("", out.get().err.toString());
    assertEquals("[ ".repeat(depth) + "[ ]" + " ]".repeat(depth) + "\n", text);
  }
}
