package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@link NixShow} needs no JVM stack that grows with the input: expressions nested 10,000 deep
 * print on a thread with a 256 KiB stack. (What it prints is checked against real
 * Nix by {@code NixParseOracleTest} and the {@code assert-message-*} eval fixtures; the expected
 * texts here follow the same rules, repeated.)
 */
class NixShowTest {
  /** Deeper than any recursive printer gets on a 256 KiB stack (26 bytes per level). */
  private static final int N = 10_000;

  @Test
  void deepExpressionsPrintOnASmallStack() throws Exception {
    List<String[]> cases = new ArrayList<>();
    cases.add(new String[] {rep("[ ", N) + "1" + rep(" ]", N), rep("[ (", N) + "1" + rep(") ]", N)});
    cases.add(new String[] {rep("(", N) + "1" + rep(")", N), "1"});
    cases.add(new String[] {rep("!", N) + "true", rep("(! ", N) + "true" + rep(")", N)});
    cases.add(new String[] {rep("-", N) + "x", rep("(__sub 0 ", N) + "x" + rep(")", N)});
    cases.add(new String[] {rep("x: ", N) + "1", rep("(x: ", N) + "1" + rep(")", N)});
    cases.add(new String[] {"1" + rep(" - 1", N), rep("(__sub ", N) + "1" + rep(" 1)", N)});
    cases.add(new String[] {"1" + rep(" ++ 1", N), rep("(1 ++ ", N) + "1" + rep(")", N)});
    cases.add(new String[] {rep("{ a = ", N) + "1" + rep("; }", N),
        rep("{ a = ", N) + "1" + rep("; }", N)});
    cases.add(new String[] {rep("let a = 1; in ", N) + "a", rep("(let a = 1; in ", N) + "a"
        + rep(")", N)});
    cases.add(new String[] {"f" + rep(" 1", N), "(f" + rep(" 1", N) + ")"});
    cases.add(new String[] {"a" + rep(".b", N), "(a)." + String.join(".", rep("b", N).split(""))});
    cases.add(new String[] {rep("\"${", N) + "x" + rep("}\"", N), rep("(", N) + "x" + rep(")", N)});
    cases.add(new String[] {rep("assert true; ", N) + "1", rep("assert true; ", N) + "1"});
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        for (String[] c : cases) {
          Parse p = Parser.parse(c[0]);
          assertEquals(List.of(), p.errors(), c[0].substring(0, 20));
          assertEquals(c[1], NixShow.show(p.expr(), "/d", "/h"), c[0].substring(0, 20));
        }
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
  }

  @Test
  void brokenTreesPrintWithoutFailing() {
    for (String text : new String[] {"assert ; 1", "{ a.b = ; a = 1; }", "f (", "x: ", "[ 1 ",
        "let in", "{ a, b ? }: a", "a.${", "inherit", "{ inherit (x; }", "''${''"}) {
      Parse p = Parser.parse(text);
      if (p.expr() != null) {
        NixShow.show(p.expr(), "/d", "/h");
      }
    }
  }

  private static String rep(String s, int n) {
    return s.repeat(n);
  }
}
