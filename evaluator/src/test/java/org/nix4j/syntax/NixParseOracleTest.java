package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The strongest check of the parser, of the typed AST and of {@link NixShow}: for every
 * {@code parse/ok} fixture, our tree printed by {@link NixShow} is exactly what
 * {@code nix-instantiate --parse} printed ({@code NAME.parsed}, recorded by
 * {@code fixtures/regen.sh}). This validates precedence and associativity, string decoding and
 * indentation stripping, path resolution, the merging of nested attribute paths and Nix's
 * flattening of calls. Only the order of let bindings and of formals is not compared (Nix orders
 * them by memory addresses; see {@link ParsedOrder#canonicalOrder}).
 */
class NixParseOracleTest {
  /** HOME when regen.sh runs Nix. */
  private static final String HOME = "/homeless-shelter";

  @TestFactory
  Stream<DynamicTest> printedLikeNixInstantiateParse() {
    return Fixtures.nixFiles("parse/ok").stream()
        .filter(f -> Files.exists(f.resolveSibling(Fixtures.name(f) + ".parsed")))
        .map(f -> DynamicTest.dynamicTest(Fixtures.name(f), () -> check(f)));
  }

  private static void check(Path f) throws IOException {
    String root = Bytes.fromUnicode(f.toAbsolutePath().normalize().getParent().getParent().getParent().toString());
    String expected = Bytes.toByteString(
        Files.readAllBytes(f.resolveSibling(Fixtures.name(f) + ".parsed"))).replace("@FIXTURES@", root);
    Parse parse = Parser.parse(Fixtures.read(f));
    String dir = Bytes.fromUnicode(f.toAbsolutePath().normalize().getParent().toString());
    String printed = NixShow.show(parse.expr(), dir, HOME).replace(dir, "@DIR@") + "\n";
    assertEquals(Bytes.toUnicode(ParsedOrder.canonicalOrder(expected)),
        Bytes.toUnicode(ParsedOrder.canonicalOrder(printed)));
  }

  @Test
  void floatsPrintLikeCppStreams() {
    assertEquals("1e+20", NixShow.formatG(1.0e20));
    assertEquals("0.0005", NixShow.formatG(0.0005));
    assertEquals("1.5e-07", NixShow.formatG(1.5e-7));
    assertEquals("123457", NixShow.formatG(123456.7));
    assertEquals("1.23457e+06", NixShow.formatG(1234567.0));
    assertEquals("3", NixShow.formatG(3.0));
    assertEquals("0.1", NixShow.formatG(0.1));
  }
}
