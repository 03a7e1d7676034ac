package org.nix4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nix4j.syntax.LineIndex;

/** The line index of an edited text, made from the index before, is the index of the new text. */
class LineIndexEditedTest {
  private static final String ALPHABET = "ab\n\r\t é";

  private static String random(Random r, int max) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(max);
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    return org.nix4j.syntax.Bytes.fromUnicode(sb.toString());
  }

  @Test
  void editedIndexEqualsAFreshOne() {
    Random r = new Random(11);
    for (int round = 0; round < 20_000; round++) {
      String text = random(r, 40);
      int a = r.nextInt(text.length() + 1);
      int b = a + r.nextInt(text.length() - a + 1);
      String ins = random(r, 6);
      String next = text.substring(0, a) + ins + text.substring(b);
      LineIndex fresh = LineIndex.ofBytes(next);
      LineIndex edited = LineIndex.ofBytes(text).edited(a, b, ins.length(), next);
      assertEquals(fresh.lineCount(), edited.lineCount(), () -> "lines of " + next);
      for (int l = 0; l < fresh.lineCount(); l++) {
        assertEquals(fresh.lineStart(l), edited.lineStart(l), "line " + l);
      }
      for (int o = 0; o <= next.length(); o++) {
        assertEquals(fresh.lineCol(o, LineIndex.Encoding.UTF16), edited.lineCol(o, LineIndex.Encoding.UTF16));
      }
    }
  }
}
