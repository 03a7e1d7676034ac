package org.nix4j.syntax.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.TextRange;

/**
 * The typed view on the constructs the Nix printer oracle (NixParseOracleTest) cannot see:
 * which side an @-name is on, ranges, and the null/empty answers of broken code.
 */
class AstTest {
  private static Expr parse(String text) {
    return Parser.parse(Bytes.fromUnicode(text)).expr();
  }

  @Test
  void patternsKnowTheirBindingSide() {
    Pattern before = (Pattern) ((Lambda) parse("args @ { a, b ? 1, ... }: a")).param();
    assertTrue(before.isBindBefore());
    assertEquals("args", before.bindName());
    assertTrue(before.hasEllipsis());
    List<PatEntry> entries = before.entries();
    assertEquals(List.of("a", "b"), entries.stream().map(PatEntry::name).toList());
    assertNull(entries.get(0).defaultExpr());
    assertEquals(1L, ((IntLiteral) entries.get(1).defaultExpr()).value());

    Pattern after = (Pattern) ((Lambda) parse("{ a }@args: a")).param();
    assertFalse(after.isBindBefore());
    assertEquals("args", after.bindName());
    assertFalse(after.hasEllipsis());

    Pattern none = (Pattern) ((Lambda) parse("{ }: 1")).param();
    assertNull(none.bindName());
    assertTrue(none.entries().isEmpty());
  }

  @Test
  void rangesAreByteRanges() {
    Expr e = parse("\"é\" + x");
    BinaryOp op = (BinaryOp) e;
    assertEquals(BinaryOperator.ADD, op.operator());
    assertEquals(TextRange.of(0, 4), op.lhs().range());
    assertEquals(TextRange.of(7, 8), op.rhs().range());
    assertEquals(TextRange.of(0, 8), op.range());
  }

  @Test
  void literalsAreDecoded() {
    assertNull(((IntLiteral) ((ListExpr) parse("[ 99999999999999999999 ]")).elements().get(0))
        .value());
    assertEquals(9223372036854775807L, ((IntLiteral) parse("9223372036854775807")).value());
    assertEquals(1e20, ((FloatLiteral) parse("1.0e20")).value());
    assertEquals(0.5, ((FloatLiteral) parse(".5")).value());
    assertEquals("https://nixos.org", ((UriLiteral) parse("https://nixos.org")).value());
    assertEquals("nixpkgs/lib", ((SearchPath) parse("<nixpkgs/lib>")).path());
    PathExpr home = (PathExpr) parse("~/a/${x}.nix");
    assertTrue(home.isHome());
    assertNull(home.staticText());
    assertEquals("/h/a/", home.resolvedFirstPiece("/d", "/h"));
    assertEquals("/d/b/c", ((PathExpr) parse("./a/../b/./c")).resolvedFirstPiece("/d", "/h"));
  }

  @Test
  void stringPartsAreDecodedAndMerged() {
    Str s = (Str) parse("\"a\\n${x}\\$\"");
    List<StrPart> parts = s.parts();
    assertEquals(3, parts.size());
    assertEquals("a\n", ((StrPart.Literal) parts.get(0)).value());
    assertEquals("x", ((Ident) ((StrPart.Interpolation) parts.get(1)).expr()).name());
    assertEquals("$", ((StrPart.Literal) parts.get(2)).value());

    IndentedStr ind = (IndentedStr) parse("''\n    a''$\n      b\n  ''");
    // As nix-instantiate --eval prints it: "a$\n  b\n".
    assertEquals(List.of(new StrPart.Literal("a$\n  b\n", ind.parts().get(0).range())),
        ind.parts());
    assertEquals("a$\n  b\n", ind.staticValue());
    assertTrue(ind.tokenParts().size() > 1);
  }

  @Test
  void staticAttributeNamesFollowNix() {
    AttrSet set = (AttrSet) parse("{ a = 1; \"b c\" = 2; ${\"d\"} = 3; \"${e}\" = 4; ${f} = 5; "
        + "${(\"g\")} = 6; \"${\"h\"}\" = 7; }");
    List<String> names = set.bindings().stream()
        .map(b -> ((AttrpathValue) b).attrpath().attrs().get(0).staticName()).toList();
    assertEquals(java.util.Arrays.asList("a", "b c", "d", null, null, "g", null), names);
  }

  @Test
  void inheritAndSelect() {
    LetIn let = (LetIn) parse("let inherit (s) a \"b\"; inherit c; in x.y.z or w");
    Inherit from = (Inherit) let.bindings().get(0);
    assertTrue(from.hasSource());
    assertEquals("s", ((Ident) from.source()).name());
    assertEquals(List.of("a", "b"), from.attrs().stream().map(Attr::staticName).toList());
    assertNull(((Inherit) let.bindings().get(1)).source());
    Select sel = (Select) let.body();
    assertEquals(List.of("y", "z"), sel.attrpath().attrs().stream().map(Attr::staticName).toList());
    assertTrue(sel.hasDefault());
    assertEquals("w", ((Ident) sel.defaultExpr()).name());
  }

  @Test
  void orIsAnIdentifierOutsideSelect() {
    Apply app = (Apply) parse("f or");
    assertEquals("or", ((Ident) app.argument()).name());
    Select sel = (Select) parse("a.or");
    assertEquals("or", sel.attrpath().attrs().get(0).staticName());
    assertFalse(sel.hasDefault());
  }

  @Test
  void missingPartsOfBrokenCodeAreNull() {
    IfElse i = (IfElse) parse("if a then b");
    assertEquals("b", ((Ident) i.thenBranch()).name());
    assertNull(i.elseBranch());
    assertNull(((Lambda) parse("x:")).body());
    assertNull(((Select) parse("a.")).attrpath());
    AttrSet set = (AttrSet) parse("{ a = ; b = 2; }");
    assertNull(((AttrpathValue) set.bindings().get(0)).value());
    assertEquals(2, set.bindings().size());
    assertNull(((BinaryOp) parse("1 +")).rhs());
    assertNull(((Paren) parse("(")).expr());
    assertNull(Parser.parse("").expr());
    assertInstanceOf(ErrorExpr.class, ((BinaryOp) parse("1 + = 2")).rhs() instanceof Apply a
        ? a.function() : null);
  }

  @Test
  void unaryAndParens() {
    UnaryOp neg = (UnaryOp) parse("-(-x)");
    assertEquals(UnaryOperator.NEGATE, neg.operator());
    UnaryOp inner = (UnaryOp) neg.operand().unparenthesized();
    assertEquals("x", ((Ident) inner.operand()).name());
    assertEquals(UnaryOperator.NOT, ((UnaryOp) parse("!a")).operator());
  }

  @Test
  void visitorDispatches() {
    String kind = parse("with a; b").accept(new ExprVisitor<String>() {
      @Override
      public String visitWith(With e) {
        return "with " + ((Ident) e.namespace()).name() + " " + ((Ident) e.body()).name();
      }
    });
    assertEquals("with a b", kind);
  }
}
