package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.nix4j.bench.PackageSetGenerator;

/**
 * Incremental reparsing gives exactly the tree and errors of a full parse, over thousands of
 * random edits (insertions, deletions, replacements; edits that break the text and edits that
 * repair it), and it really reuses the old tree for the common small edits.
 */
class ReparserTest {
  private static final List<Path> FIXTURES = Fixtures.nixFiles("parse/ok");
  private static final List<Path> BROKEN = Fixtures.nixFiles("parse/fail");
  private static final String[] SNIPPETS = {
    "a", "x", "1", "2.5", " ", "\n", "  ", "# c\n", "/* c */", "\"s\"", "${a}", "(", ")", "[",
    "]", "{", "}", ";", "=", ".", ":", ",", "?", "@", "'", "''", "\"", "\\", "$", "let ", " in ",
    "rec ", "or", "++", "-", "!", "./p", "~/h", "<n>", "http://x", "a.b", "{ a = 1; }",
    "[ 1 2 ]", "(f x)", "\0", "\r\n", "\u00e9"
  };

  private static void assertSameAsFullParse(Parse incremental) {
    Parse full = Parser.parse(incremental.text());
    assertEquals(full.text(), incremental.green().text());
    assertTrue(GreenNode.sameStructure(full.green(), incremental.green()),
        () -> "trees differ for:\n" + incremental.text());
    assertEquals(full.errors(), incremental.errors());
  }

  /** A random edit of {@code text}: mostly small and local, sometimes larger or breaking. */
  static TextEdit randomEdit(String text, Random rnd) {
    int n = text.length();
    int at = rnd.nextInt(n + 1);
    switch (rnd.nextInt(6)) {
      case 0: // insert one identifier char or digit (stays valid inside names and numbers)
        return TextEdit.insert(at, String.valueOf("abcxyz019_"
            .charAt(rnd.nextInt(10))));
      case 1: // delete one byte
        return at < n ? TextEdit.delete(at, at + 1) : TextEdit.insert(at, " ");
      case 2: // insert a snippet
        return TextEdit.insert(at, Bytes.fromUnicode(SNIPPETS[rnd.nextInt(SNIPPETS.length)]));
      case 3: { // replace a slice with a snippet
        int end = Math.min(n, at + rnd.nextInt(6));
        return new TextEdit(at, end, Bytes.fromUnicode(SNIPPETS[rnd.nextInt(SNIPPETS.length)]));
      }
      case 4: { // delete a slice
        int end = Math.min(n, at + rnd.nextInt(12));
        return TextEdit.delete(at, end);
      }
      default: // whitespace
        return TextEdit.insert(at, rnd.nextBoolean() ? " " : "\n  ");
    }
  }

  @Property(tries = 150)
  void randomEditsGiveTheFullParse(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random rnd = new Random(seed);
    Parse p = Parser.parse(Fixtures.read(FIXTURES.get(rnd.nextInt(FIXTURES.size()))));
    for (int i = 0; i < 20; i++) {
      TextEdit edit = randomEdit(p.text(), rnd);
      Parse next = Reparser.reparse(p, edit);
      assertEquals(edit.apply(p.text()), next.text());
      assertSameAsFullParse(next);
      if (rnd.nextInt(3) == 0) {
        // Undo it: a break is followed by its repair.
        String removed = p.text().substring(edit.start(), edit.end());
        next = Reparser.reparse(next,
            new TextEdit(edit.start(), edit.start() + edit.text().length(), removed));
        assertEquals(p.text(), next.text());
        assertSameAsFullParse(next);
      }
      p = next;
    }
  }

  @Property(tries = 150)
  void randomEditsOfBrokenFilesGiveTheFullParse(
      @ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random rnd = new Random(seed);
    Parse p = Parser.parse(Fixtures.read(BROKEN.get(rnd.nextInt(BROKEN.size()))));
    for (int i = 0; i < 20; i++) {
      TextEdit edit = randomEdit(p.text(), rnd);
      Parse next = Reparser.reparse(p, edit);
      assertSameAsFullParse(next);
      p = next;
    }
  }

  @Test
  void editsAwayFromAnErrorReuseTheTree() {
    String text = PackageSetGenerator.generate(2000, 7);
    // A missing `;` near the start: every later edit keeps that error (moved) and its message.
    int semi = text.indexOf(';', text.indexOf("pkg3 ="));
    String broken = text.substring(0, semi) + text.substring(semi + 1);
    Parse p = Parser.parse(broken);
    assertTrue(!p.ok());
    Random rnd = new Random(5);
    Map<String, Integer> strategies = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      int at = semi + 200 + rnd.nextInt(broken.length() - semi - 200);
      TextEdit edit = TextEdit.insert(at, rnd.nextBoolean() ? "\n " : "x");
      Parse next = Reparser.reparse(p, edit);
      assertSameAsFullParse(next);
      strategies.merge(Reparser.strategy(p, edit), 1, Integer::sum);
    }
    assertTrue(strategies.getOrDefault("full", 0) < 100, strategies::toString);
  }

  @Test
  void smallEditsOfAValidFileReuseTheTree() {
    String text = PackageSetGenerator.generate(2000, 7);
    Parse p = Parser.parse(text);
    assertTrue(p.ok());
    Random rnd = new Random(11);
    Map<String, Integer> strategies = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      int at = rnd.nextInt(text.length());
      TextEdit edit = TextEdit.insert(at, rnd.nextBoolean() ? " " : "x");
      Parse next = Reparser.reparse(p, edit);
      assertSameAsFullParse(next);
      if (next.ok()) {
        strategies.merge(Reparser.strategy(p, edit), 1, Integer::sum);
      }
    }
    // Almost every one-character edit of a valid file that leaves it valid is handled without
    // a full parse.
    assertTrue(strategies.getOrDefault("full", 0) < 15, strategies::toString);
    assertTrue(strategies.getOrDefault("token", 0) > 50, strategies::toString);
    assertTrue(strategies.getOrDefault("node", 0) > 20, strategies::toString);
  }

  @Test
  void reusedNodesAreShared() {
    String text = "{ a = [ 1 2 ]; b = { c = \"x\"; }; d = 3; }";
    Parse p = Parser.parse(text);
    Parse q = Reparser.reparse(p, TextEdit.insert(text.indexOf('3'), "4"));
    assertEquals("{ a = [ 1 2 ]; b = { c = \"x\"; }; d = 43; }", q.text());
    // The binding of `b` (untouched) is the same green node in both trees.
    GreenElement before = p.green().child(0);
    GreenElement after = q.green().child(0);
    GreenElement bBefore = ((GreenNode) before).child(4);
    GreenElement bAfter = ((GreenNode) after).child(4);
    assertEquals(SyntaxKind.BINDING, bBefore.kind());
    assertTrue(bBefore == bAfter);
  }
}
