package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser never throws, always terminates and always gives back the source text: on deep
 * nesting (no recursion on the JVM stack), on random bytes and on random mutations of the
 * fixtures. Every typed accessor works on the broken trees too.
 */
class ParserRobustnessTest {
  /** The depth of the inputs the issue names: {@code [[[[...}, {@code ((((...}, ... */
  private static final int DEEP = 100_000;
  /** The depth of the other shapes (enough to overflow any recursive parser's stack). */
  private static final int NESTED = 10_000;

  private static Parse check(String text) {
    Parse p = Parser.parse(text);
    assertEquals(text, p.green().text());
    AstWalker.exercise(p);
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "[ | ]", "( | 1 )", "{ a = | 1; }", "- | x", "! | x", "a: | a", "x.a or | 1",
    "1 + | 1", "\"${ | 1 }\"", "let a = 1; in | a", "with a; | a", "assert a; | a",
    "if a then 1 else | 2", "1 ++ | 1", "1 -> | 1", "{ a = 1; } // | {}", "f | 1",
    "''${ | 1 }''", "./a/${ | x }"
  })
  void deepNestingParsesWithoutStackOverflow(String shape) {
    int bar = shape.indexOf('|');
    String open = shape.substring(0, bar).trim() + " ";
    String close = " " + shape.substring(bar + 1).trim();
    int depth = open.startsWith("f") ? 1 : NESTED;
    StringBuilder sb = new StringBuilder();
    sb.append(open.repeat(depth));
    sb.append("x");
    String closing = close.trim().equals("x") || close.trim().isEmpty() ? "" : close;
    if (closing.startsWith(" x")) {
      closing = "";
    }
    sb.append(closing.replace(" x", "").repeat(depth));
    String text = sb.toString();
    Parse p = check(text);
    // Deep trees are walkable and printable too.
    assertTrue(p.root().dump().length() > depth);
  }

  @Test
  void deepValidInputsParseCleanly() {
    for (String text : List.of(
        "[".repeat(DEEP) + "]".repeat(DEEP),
        "(".repeat(DEEP) + "1" + ")".repeat(DEEP),
        "a" + ".b".repeat(DEEP),
        "-".repeat(DEEP) + "x",
        "!".repeat(DEEP) + "x",
        "1" + " + 1".repeat(DEEP),
        "1" + " ++ 1".repeat(DEEP),
        "a: ".repeat(NESTED) + "a",
        "f" + " x".repeat(DEEP),
        "x.a or ".repeat(NESTED) + "1",
        "{ a = ".repeat(NESTED) + "1" + "; }".repeat(NESTED),
        "\"${".repeat(NESTED) + "x" + "}\"".repeat(NESTED))) {
      Parse p = check(text);
      assertTrue(p.ok(), () -> text.substring(0, 20) + ": " + p.errors().subList(0, 1));
      assertTrue(p.root().descendants().size() > NESTED);
    }
  }

  @Test
  void unclosedDeepNestingReportsOneUsefulError() {
    Parse p = check("[".repeat(DEEP));
    assertEquals(1, p.errors().size());
    assertTrue(p.errors().get(0).message().contains("unclosed `[`"));
  }

  @Property(tries = 3000)
  void randomBytesNeverBreakTheParser(@ForAll @Size(max = 64) byte[] bytes) {
    check(Bytes.toByteString(bytes));
  }

  @Property(tries = 3000)
  void randomTokenSoupNeverBreaksTheParser(@ForAll @Size(max = 40) List<
      @net.jqwik.api.constraints.IntRange(min = 0, max = 63) Integer> picks) {
    String[] pieces = {
      "{", "}", "[", "]", "(", ")", "${", "\"", "''", ";", ":", "=", ".", ",", "?", "@", "...",
      "let", "in", "rec", "inherit", "with", "assert", "if", "then", "else", "or", "a", "b",
      "1", "2.5", "./p", "~/h", "<n>", "x:y", "+", "-", "*", "/", "//", "++", "==", "!=", "<",
      ">", "<=", ">=", "&&", "||", "->", "!", "#c\n", "/*c*/", " ", "\n", "''$", "'''", "''\\n",
      "\\", "$", "a/${", "\0"
    };
    StringBuilder sb = new StringBuilder();
    for (int k : picks) {
      sb.append(pieces[k % pieces.length]);
    }
    check(sb.toString());
  }

  @Test
  void randomMutationsOfFixturesNeverBreakTheParser() {
    List<Path> files = new java.util.ArrayList<>(Fixtures.nixFiles("parse/ok"));
    files.addAll(Fixtures.nixFiles("parse/fail"));
    Random rnd = new Random(20240601);
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      long deadline = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      int done = 0;
      while (System.nanoTime() < deadline || done < 200) {
        String text = Fixtures.read(files.get(rnd.nextInt(files.size())));
        check(Mutations.mutate(text, rnd, 1 + rnd.nextInt(4)));
        done++;
      }
    });
  }
}
