package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture under {@code fixtures/parse}: the tree spells the source back; the ok ones parse
 * without errors; on the fail ones whose Nix error is a syntax error, our first error is where
 * Nix reports its first one (line and byte column) and its {@link SyntaxError#nixMessage()} is
 * Nix's message word for word, except for the fixtures listed with a reason in
 * {@code parse-error-exceptions.txt}.
 */
class ParseFixturesTest {
  @TestFactory
  Stream<DynamicTest> okFixturesParseWithoutErrors() {
    return Fixtures.nixFiles("parse/ok").stream().map(f -> DynamicTest.dynamicTest(
        Fixtures.name(f), () -> {
          String text = Fixtures.read(f);
          Parse parse = Parser.parse(text);
          assertEquals(text, parse.green().text(), "round trip");
          assertTrue(parse.errors().isEmpty(), () -> "errors: " + parse.errors());
        }));
  }

  @TestFactory
  Stream<DynamicTest> failFixturesReportNixsFirstSyntaxError() throws IOException {
    Map<String, String> exceptions = exceptions();
    return Fixtures.nixFiles("parse/fail").stream().map(f -> DynamicTest.dynamicTest(
        Fixtures.name(f), () -> {
          String text = Fixtures.read(f);
          Parse parse = Parser.parse(text);
          assertEquals(text, parse.green().text(), "round trip");
          assertEquals(parse.errors(), Parser.check(text), "check gives the errors of parse");
          String expected = Files.readString(
              f.resolveSibling(Fixtures.name(f) + ".nixerr"), StandardCharsets.UTF_8).trim();
          if (!isSyntaxError(expected) || exceptions.containsKey(Fixtures.name(f))) {
            return;
          }
          assertFalse(parse.errors().isEmpty(), "no error reported; Nix: " + expected);
          SyntaxError first = parse.errors().get(0);
          String where = SourceFile.ofString(text).lineColumn(first.start());
          String nixWhere = expected.substring(0, expected.indexOf(": "));
          assertEquals(nixWhere, where, () -> "Nix: " + expected + "\nours: " + parse.errors());
          assertEquals(expected, where + ": " + first.nixMessage(), "Nix's message");
        }));
  }

  /** Whether a Nix error (as in a .nixerr) is one the parser must find. */
  static boolean isSyntaxError(String nixerr) {
    return nixerr.contains(": syntax error") || nixerr.contains("path has a trailing slash")
        || nixerr.contains("invalid integer") || nixerr.contains("invalid float");
  }

  /** NAME -> reason, from parse-error-exceptions.txt ({@code NAME: reason} lines, # comments). */
  static Map<String, String> exceptions() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = ParseFixturesTest.class.getResourceAsStream(
        "/parse-error-exceptions.txt")) {
      if (in == null) {
        return out;
      }
      List<String> lines = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .split("\n"));
      for (String l : lines) {
        l = l.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        int c = l.indexOf(':');
        out.put(c < 0 ? l : l.substring(0, c).strip(), c < 0 ? "" : l.substring(c + 1).strip());
      }
    }
    return out;
  }

  static Path fixture(String dir, String name) {
    return Fixtures.root().resolve(dir).resolve(name + ".nix");
  }
}
