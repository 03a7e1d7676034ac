package org.nix4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.Parse;

/**
 * Documents follow the editor's changes: however many edits come between two snapshots, the
 * snapshot's parse (made incrementally from the one before, through the edits merged into one)
 * is the parse of the text, and the edit it records leads from the text before to it.
 */
class DocumentsTest {
  @Test
  void mergedEditsLeadToTheText() {
    Random r = new Random(5);
    String[] pieces = {"a", " ", "\n", "1", "{ x = 1; }", "(", ")", "\"s\"", "let y = 2; in y", "é", "[ ]"};
    for (int round = 0; round < 300; round++) {
      Documents docs = new Documents();
      Convert convert = new Convert(LineIndex.Encoding.UTF16);
      String uri = "file:///tmp/doc" + round + ".nix";
      StringBuilder text = new StringBuilder("{ a = 1; b = [ 1 2 ]; c = \"x\"; }\n");
      docs.open(uri, 1, text.toString());
      FileAnalysis before = docs.snapshot(uri);
      int version = 1;
      int edits = 1 + r.nextInt(5);
      for (int i = 0; i < edits; i++) {
        int a = r.nextInt(text.length() + 1);
        int b = Math.min(text.length(), a + r.nextInt(4));
        String ins = r.nextBoolean() ? pieces[r.nextInt(pieces.length)] : "";
        LineIndex li = new LineIndex(text.toString());
        LineIndex.LineCol from = li.lineCol(a);
        LineIndex.LineCol to = li.lineCol(b);
        docs.change(uri, ++version, List.of(new TextDocumentContentChangeEvent(
            new Range(new Position(from.line(), from.column()), new Position(to.line(), to.column())), ins)), convert);
        text.replace(a, b, ins);
      }
      FileAnalysis after = docs.snapshot(uri);
      String bytes = org.nix4j.syntax.Bytes.fromUnicode(text.toString());
      assertEquals(bytes, after.text());
      assertEquals(Parse.of(bytes).root().dump(), after.parse().root().dump(), "round " + round);
      FileAnalysis.Origin o = after.takeOrigin();
      assertEquals(before, o.previous());
      assertEquals(bytes, o.edit().apply(before.text()), "round " + round);
    }
  }
}
