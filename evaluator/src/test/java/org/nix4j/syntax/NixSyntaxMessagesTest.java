package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Nix's own words for syntax errors: on every {@code fixtures/parse/fail} file whose Nix error
 * ({@code NAME.nixerr}) is a syntax error, the grammar run of {@link NixSyntaxMessages} gives
 * exactly Nix's message at Nix's position.
 */
class NixSyntaxMessagesTest {
  @Test
  void grammarHasTheConflictsOfNixsGlrParser() {
    LalrTables t = NixGrammar.tables();
    // `{` then an identifier or `}`: formals or bindings (Nix's %expect 1, %expect-rr 1).
    assertEquals(1, t.srConflicts, "shift/reduce conflicts");
    assertEquals(1, t.rrConflicts, "reduce/reduce conflicts");
  }

  @TestFactory
  Stream<DynamicTest> failFixturesGetNixsMessage() {
    return Fixtures.nixFiles("parse/fail").stream()
        .filter(f -> nixerr(f).contains(": syntax error"))
        .map(f -> DynamicTest.dynamicTest(Fixtures.name(f), () -> {
          String text = Fixtures.read(f);
          String expected = nixerr(f);
          NixSyntaxMessages.Result r = NixSyntaxMessages.firstError(Lexer.lex(text));
          assertNotNull(r, "no error; Nix: " + expected);
          String got = SourceFile.ofString(text).lineColumn(r.offset()) + ": " + r.message();
          assertEquals(expected, got);
        }));
  }

  static String nixerr(Path f) {
    try {
      return Files.readString(f.resolveSibling(Fixtures.name(f) + ".nixerr"),
          StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
