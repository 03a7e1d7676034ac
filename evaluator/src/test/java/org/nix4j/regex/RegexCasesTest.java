package org.nix4j.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code regex/cases.txt} (pattern, input, and what real Nix 2.8 prints for {@code
 * builtins.match} or {@code builtins.split} of them, from {@code regen-cases.py}) against {@link
 * Regex}.
 */
class RegexCasesTest {
  record Case(int line, String kind, String pattern, String input, String expected) {}

  static List<Case> cases() throws IOException {
    String text;
    try (InputStream in = RegexCasesTest.class.getResourceAsStream("/regex/cases.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
    List<Case> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int sp = line.indexOf(' ');
      String kind = line.substring(0, sp);
      int pEnd = NixText.literalEnd(line, sp + 1);
      int sEnd = NixText.literalEnd(line, pEnd + 1);
      String rest = line.substring(sEnd);
      assertTrue(rest.startsWith(" => "), "line " + (i + 1) + " has no expected result");
      out.add(
          new Case(
              i + 1,
              kind,
              NixText.unquote(line.substring(sp + 1, pEnd)),
              NixText.unquote(line.substring(pEnd + 1, sEnd)),
              rest.substring(4)));
    }
    return out;
  }

  @TestFactory
  List<DynamicTest> casesAgreeWithNix() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Case> all = cases();
    assertTrue(all.size() > 3000, "cases.txt should hold the whole table: " + all.size());
    for (Case c : all) {
      String name = "line " + c.line() + ": " + c.kind() + " " + NixText.quote(c.pattern());
      tests.add(
          DynamicTest.dynamicTest(
              name,
              () -> {
                String expected =
                    c.expected().startsWith("error: ")
                        ? c.expected() + " '" + c.pattern() + "'"
                        : c.expected();
                assertEquals(
                    expected,
                    NixText.evaluate(c.kind(), c.pattern(), c.input()),
                    () -> c.kind() + " " + NixText.quote(c.pattern()) + " " + NixText.quote(c.input()));
              }));
    }
    return tests;
  }
}
