package org.nix4j.regex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The API of {@link Regex} beyond what the Nix-generated cases show, and inputs too big for Nix. */
class RegexTest {
  @Test
  void compiledPatternsAreCached() {
    assertSame(Regex.compile("([0-9]+)\\.([0-9]+)"), Regex.compile("([0-9]+)\\.([0-9]+)"));
    assertEquals(2, Regex.compile("([0-9]+)\\.([0-9]+)").groupCount());
    assertEquals("a(b)", Regex.compile("a(b)").pattern());
  }

  @Test
  void cacheIsBounded() {
    RegexCache cache = new RegexCache(8);
    for (int i = 0; i < 100; i++) {
      cache.get("a{" + i + "}");
      assertTrue(cache.size() <= 8);
    }
  }

  @Test
  void invalidPatternsThrowNixsMessage() {
    RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile("(a"));
    assertEquals("invalid regular expression '(a'", e.getMessage());
    assertEquals(RegexSyntaxException.Kind.INVALID, e.kind());
    assertEquals("(a", e.pattern());
    assertNotNull(e.detail());
    // A second time, from the cache: the same message.
    e = assertThrows(RegexSyntaxException.class, () -> Regex.compile("(a"));
    assertEquals("invalid regular expression '(a'", e.getMessage());
  }

  @Test
  void tooManyStatesThrowsNixsMemoryLimitMessage() {
    RegexSyntaxException e = assertThrows(RegexSyntaxException.class, () -> Regex.compile("a{99994}"));
    assertEquals("memory limit exceeded by regular expression 'a{99994}'", e.getMessage());
    assertEquals(RegexSyntaxException.Kind.TOO_LARGE, e.kind());
    assertNotNull(Regex.compile("a{99993}"));
  }

  @Test
  void findReportsOffsetsAndGroups() {
    Regex r = Regex.compile("([a-z]+)=([0-9]+)?");
    RegexMatch m = r.find("x: key=12, k=", 0);
    assertEquals(3, m.start());
    assertEquals(9, m.end());
    assertEquals("key=12", m.group(0));
    assertEquals("key", m.group(1));
    assertEquals(3, m.start(1));
    assertEquals(6, m.end(1));
    assertEquals("12", m.group(2));
    m = r.find("x: key=12, k=", 9);
    assertEquals(11, m.start());
    assertNull(m.group(2));
    assertEquals(-1, m.start(2));
    assertEquals(-1, m.end(2));
    assertArrayEquals(new String[] {"k", null}, m.groups());
    assertNull(r.find("x: key=12, k=", 13));
    assertThrows(IndexOutOfBoundsException.class, () -> r.find("abc", 4));
  }

  @Test
  void caretOnlyMatchesAtOffsetZero() {
    Regex r = Regex.compile("^a");
    assertEquals(0, r.find("aaa", 0).start());
    assertNull(r.find("aaa", 1));
    assertEquals(2, Regex.compile("a$").find("aaa", 1).start());
  }

  @Test
  void literalFastPathKeepsTheSemantics() {
    Regex r = Regex.compile("ab");
    assertArrayEquals(new String[0], r.matchWhole("ab"));
    assertNull(r.matchWhole("abab"));
    assertEquals(2, r.find("xxabab", 1).start());
    assertEquals(List.of(0, 2), r.findAll("abab").stream().map(RegexMatch::start).toList());
  }

  @Test
  void findAllIncludesEmptyMatchesWithoutOverlap() {
    List<RegexMatch> all = Regex.compile("a*").findAll("baaac");
    assertEquals(List.of(0, 1, 4, 5), all.stream().map(RegexMatch::start).toList());
    assertEquals(List.of(0, 4, 4, 5), all.stream().map(RegexMatch::end).toList());
  }

  @Test
  void splitAlternatesStringsAndGroups() {
    List<Object> parts = Regex.compile("(,)|(;)").split("a,b;c");
    assertEquals(5, parts.size());
    assertEquals("a", parts.get(0));
    assertArrayEquals(new String[] {",", null}, (String[]) parts.get(1));
    assertEquals("b", parts.get(2));
    assertArrayEquals(new String[] {null, ";"}, (String[]) parts.get(3));
    assertEquals("c", parts.get(4));
    assertEquals(List.of("abc"), Regex.compile("x").split("abc"));
  }

  // Inputs far beyond what Nix's own std::regex survives (it overflows its stack on a few MB).

  private static final String MB = "word ".repeat(200_000);
  private static final String KB200 = "word ".repeat(40_000);

  @Test
  void megabyteInputsWork() {
    assertArrayEquals(new String[0], Regex.compile(".*").matchWhole(MB));
    assertNull(Regex.compile("(.*)x").matchWhole(MB));
    assertEquals(400_001, Regex.compile("[[:space:]]+").split(MB).size());
    assertEquals(3, Regex.compile("d $").split(MB).size());
  }

  @Test
  void longInputsWork() {
    assertArrayEquals(new String[] {" "}, Regex.compile("(w|o|r|d| )*").matchWhole(KB200));
    assertArrayEquals(
        new String[] {"word ", "d"}, Regex.compile("(([a-z])+ )*").matchWhole(KB200));
    assertEquals(2 * (KB200.length() + 1) + 1, Regex.compile("").split(KB200).size());
    assertEquals(2 * (KB200.length() + 1) + 1, Regex.compile("x*").split(KB200).size());
    assertEquals(80_001, Regex.compile("w[^x]*x|w").split(KB200).size());
  }

  @Test
  void deeplyNestedPatternsCompileAndRun() {
    int depth = 5_000;
    String nested = "(".repeat(depth) + "a" + ")".repeat(depth);
    String[] groups = Regex.compile(nested).matchWhole("a");
    assertEquals(depth, groups.length);
    assertEquals("a", groups[depth - 1]);
    String alternatives = "b|".repeat(20_000) + "a";
    assertArrayEquals(new String[0], Regex.compile(alternatives).matchWhole("a"));
    String starred = "(a*)*".repeat(500);
    assertNotNull(Regex.compile(starred).matchWhole("aaaa"));
  }

  /** States entered by one run, to check that the work grows linearly with the input. */
  private static long steps(String pattern, String input, boolean whole) {
    Executor ex = new Executor(new Program(Compiler.compile(pattern)), input);
    if (whole) {
      ex.match();
    } else {
      int from = 0;
      int[] m;
      while (from <= input.length() && (m = ex.search(from, from > 0, false, false)) != null) {
        from = Math.max(m[1], m[0] + 1);
      }
    }
    ex.release();
    return ex.steps;
  }

  @Test
  void catastrophicPatternsStayLinear() {
    for (String pattern :
        List.of("(a*)*b", "(a|aa)*c", "(a|aa)*", "(a|a)*b", "(a+a+)+b", "((a|b)*)*c", "(a?){20}a{20}b", "(x+x+)+y")) {
      long small = steps(pattern, "a".repeat(1_000), true);
      long large = steps(pattern, "a".repeat(10_000), true);
      assertTrue(
          large < 20 * small + 10_000,
          () -> pattern + ": " + small + " steps on 1,000 bytes, " + large + " on 10,000");
      long searchSmall = steps(pattern, "a".repeat(1_000), false);
      long searchLarge = steps(pattern, "a".repeat(10_000), false);
      assertTrue(
          searchLarge < 20 * searchSmall + 10_000,
          () -> pattern + ": " + searchSmall + " search steps on 1,000 bytes, " + searchLarge + " on 10,000");
    }
  }
}
