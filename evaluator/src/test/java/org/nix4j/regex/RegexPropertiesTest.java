package org.nix4j.regex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Regex} against {@link ReferenceMatcher}, a direct transcription of libstdc++'s executor, on
 * random patterns and inputs: the memo, the one-byte star loop, dead-branch pruning, the search
 * shortcuts and the literal fast path must not change any result. (Agreement with real Nix itself
 * is what {@link RegexCasesTest} checks.)
 */
class RegexPropertiesTest {
  private static final long BUDGET = 20_000;

  @Provide
  Arbitrary<String> patterns() {
    return alternation(3);
  }

  private Arbitrary<String> alternation(int depth) {
    return sequence(depth).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("|", l));
  }

  private Arbitrary<String> sequence(int depth) {
    return Combinators.combine(atom(depth), quantifier())
        .as((a, q) -> a + q)
        .list()
        .ofMaxSize(4)
        .map(l -> String.join("", l));
  }

  private Arbitrary<String> atom(int depth) {
    Arbitrary<String> simple =
        Arbitraries.of(
            "a", "b", "c", "a", "b", ".", "[ab]", "[^a]", "[a-c]", "[[:alpha:]]", "^", "$", "()",
            "(|a)", "(a|)", "\\.", "x");
    if (depth == 0) {
      return simple;
    }
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, simple),
        net.jqwik.api.Tuple.of(1, Arbitraries.lazy(() -> alternation(depth - 1)).map(a -> "(" + a + ")")));
  }

  private Arbitrary<String> quantifier() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, Arbitraries.just("")),
        net.jqwik.api.Tuple.of(
            4, Arbitraries.of("*", "+", "?", "{2}", "{0,1}", "{1,2}", "{0,}", "**", "+?", "*?")));
  }

  @Provide
  Arbitrary<String> inputs() {
    return Arbitraries.strings().withChars("abcx.").ofMaxLength(7);
  }

  private static Program compile(String pattern) {
    try {
      return new Program(Compiler.compile(pattern));
    } catch (RegexSyntaxException e) {
      Assume.that(false);
      throw e;
    }
  }

  @Property(tries = 300)
  void matchAgreesWithReference(
      @ForAll("patterns") String pattern, @ForAll("inputs") String input) {
    Program p = compile(pattern);
    Object expected = new ReferenceMatcher(p, input, BUDGET).match();
    Assume.that(expected != ReferenceMatcher.GAVE_UP);
    String[] actual = Regex.compile(pattern).matchWhole(input);
    if (expected == null) {
      assertEquals(null, actual);
    } else {
      assertArrayEquals((String[]) expected, actual);
    }
  }

  @Property(tries = 300)
  void splitAgreesWithReference(
      @ForAll("patterns") String pattern, @ForAll("inputs") String input) {
    Program p = compile(pattern);
    Object expected = new ReferenceMatcher(p, input, BUDGET).split();
    Assume.that(expected != ReferenceMatcher.GAVE_UP);
    assertEquals(NixText.print(expected), NixText.print(Regex.compile(pattern).split(input)));
  }

  @Property(tries = 200)
  void findAgreesWithReference(
      @ForAll("patterns") String pattern, @ForAll("inputs") String input) {
    Program p = compile(pattern);
    for (int from = 0; from <= input.length(); from++) {
      Object expected = new ReferenceMatcher(p, input, BUDGET).find(from);
      Assume.that(expected != ReferenceMatcher.GAVE_UP);
      RegexMatch actual = Regex.compile(pattern).find(input, from);
      if (expected == null) {
        assertEquals(null, actual);
      } else {
        int[] caps = (int[]) expected;
        assertEquals(caps[0], actual.start());
        assertEquals(caps[1], actual.end());
        assertEquals(
            NixText.print(new RegexMatch(input, caps).groups()), NixText.print(actual.groups()));
      }
    }
  }

  @Property(tries = 200)
  void literalPatternsSplitLikeIndexOf(
      @ForAll("inputs") String input,
      @ForAll("literals") String literal) {
    List<Object> parts = Regex.compile(literal).split(input);
    StringBuilder joined = new StringBuilder();
    for (Object part : parts) {
      joined.append(part instanceof String ? (String) part : literal);
    }
    assertEquals(input, joined.toString());
    assertEquals(input.split(java.util.regex.Pattern.quote(literal), -1).length, (parts.size() + 1) / 2);
  }

  @Provide
  Arbitrary<String> literals() {
    return Arbitraries.strings().withChars("abc").ofMinLength(1).ofMaxLength(3);
  }
}
