package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nix4j.syntax.LineIndex.Encoding;
import org.nix4j.syntax.LineIndex.LineCol;

class LineIndexTest {
  @Test
  void asciiLinesAndColumns() {
    LineIndex idx = new LineIndex("let\n  a = 1;\nin a");
    assertEquals(3, idx.lineCount());
    assertEquals(new LineCol(0, 0), idx.lineCol(0));
    assertEquals(new LineCol(1, 2), idx.lineCol(6));
    assertEquals(new LineCol(2, 3), idx.lineCol(16));
    assertEquals(6, idx.offset(1, 2));
    assertEquals("  a = 1;", idx.lineText(1));
    assertEquals(1, idx.lineOf(4));
  }

  @Test
  void trailingNewlineMakesAnEmptyLastLine() {
    LineIndex idx = new LineIndex("a\n");
    assertEquals(2, idx.lineCount());
    assertEquals(new LineCol(1, 0), idx.lineCol(2));
    assertEquals("", idx.lineText(1));
  }

  @Test
  void crlfAndLoneCrEndLines() {
    String text = "a = 1;\r\nb = 2;\rc\n";
    LineIndex idx = new LineIndex(text);
    assertEquals(4, idx.lineCount());
    assertEquals(8, idx.lineStart(1));
    assertEquals(15, idx.lineStart(2));
    assertEquals("a = 1;", idx.lineText(0));
    assertEquals("b = 2;", idx.lineText(1));
    assertEquals("c", idx.lineText(2));
    // An offset on the \r or \n of a CRLF belongs to the end of its line.
    assertEquals(new LineCol(0, 6), idx.lineCol(6));
    assertEquals(new LineCol(0, 6), idx.lineCol(7));
    assertEquals(new LineCol(1, 0), idx.lineCol(8));
    // A column past the end of a line stops before the break.
    assertEquals(6, idx.offset(0, 99));
  }

  @Test
  void nonAsciiColumnsInEveryEncoding() {
    // "é" is 1 UTF-16 unit and 2 UTF-8 bytes; "😀" is 2 UTF-16 units, 4 bytes, 1 code point.
    String text = "x = \"é😀\"; y";
    LineIndex idx = new LineIndex(text);
    int y = text.indexOf('y');
    assertEquals(new LineCol(0, 11), idx.lineCol(y, Encoding.UTF16));
    assertEquals(new LineCol(0, 14), idx.lineCol(y, Encoding.UTF8));
    assertEquals(new LineCol(0, 10), idx.lineCol(y, Encoding.UTF32));
    assertEquals(y, idx.offset(0, 14, Encoding.UTF8));
    assertEquals(y, idx.offset(0, 10, Encoding.UTF32));
    assertEquals(y, idx.offset(0, 11, Encoding.UTF16));
    assertEquals(14, idx.convertColumn(0, 11, Encoding.UTF16, Encoding.UTF8));
  }

  @Test
  void columnsInsideACharacterClampToItsStart() {
    String text = "\"😀\"";
    LineIndex idx = new LineIndex(text);
    // UTF-16 column 2 is between the surrogates; UTF-8 columns 2..4 are inside the emoji.
    assertEquals(1, idx.offset(0, 2, Encoding.UTF16));
    assertEquals(1, idx.offset(0, 3, Encoding.UTF8));
    assertEquals(3, idx.offset(0, 5, Encoding.UTF8));
    assertEquals(new LineCol(0, 1), idx.lineCol(2, Encoding.UTF8));
  }

  @Test
  void outOfRangeIsClamped() {
    LineIndex idx = new LineIndex("ab\ncd");
    assertEquals(5, idx.offset(7, 0));
    assertEquals(0, idx.offset(-1, 3));
    assertEquals(new LineCol(1, 2), idx.lineCol(99));
    assertEquals(new LineCol(0, 0), idx.lineCol(-4));
    assertEquals(new LineCol(0, 0), new LineIndex("").lineCol(0));
  }

  @Test
  void multiByteTextOnLaterLinesWithCrlf() {
    String text = "a\r\nñ = \"日本\";\r\nb";
    LineIndex idx = new LineIndex(text);
    int b = text.lastIndexOf('b');
    assertEquals(new LineCol(2, 0), idx.lineCol(b, Encoding.UTF8));
    int semi = text.indexOf(';');
    assertEquals(new LineCol(1, 8), idx.lineCol(semi, Encoding.UTF16));
    assertEquals(new LineCol(1, 13), idx.lineCol(semi, Encoding.UTF8));
    assertEquals(semi, idx.offset(1, 13, Encoding.UTF8));
  }

  @Test
  void sourceFileLocationIsOneBased() {
    SourceFile f = SourceFile.ofString("1 +\n  x");
    assertEquals("\u00abstring\u00bb:2:3", f.location(6));
  }

  // ---- byte strings: offsets are UTF-8 byte offsets, one char per byte ----

  @Test
  void byteStringColumnsInEveryEncoding() {
    // "é" is 2 bytes, 1 UTF-16 unit, 1 code point; "😀" is 4 bytes, 2 UTF-16 units, 1 code point.
    String text = Bytes.fromUnicode("x = \"é😀\"; y");
    LineIndex idx = LineIndex.ofBytes(text);
    assertTrue(idx.isBytes());
    int y = text.indexOf('y');
    assertEquals(14, y);
    assertEquals(new LineCol(0, 14), idx.lineCol(y));
    assertEquals(new LineCol(0, 14), idx.lineCol(y, Encoding.UTF8));
    assertEquals(new LineCol(0, 11), idx.lineCol(y, Encoding.UTF16));
    assertEquals(new LineCol(0, 10), idx.lineCol(y, Encoding.UTF32));
    assertEquals(y, idx.offset(0, 11, Encoding.UTF16));
    assertEquals(y, idx.offset(0, 10, Encoding.UTF32));
    assertEquals(y, idx.offset(0, 14, Encoding.UTF8));
    assertEquals(y, idx.offset(0, 14));
    assertEquals(11, idx.convertColumn(0, 14, Encoding.UTF8, Encoding.UTF16));
  }

  @Test
  void byteStringColumnsInsideACharacterClampToItsStart() {
    String text = Bytes.fromUnicode("\"😀é\"");
    LineIndex idx = LineIndex.ofBytes(text);
    // Byte offsets 2..4 are inside the emoji, 6 inside "é".
    assertEquals(new LineCol(0, 1), idx.lineCol(3, Encoding.UTF16));
    assertEquals(1, idx.offset(0, 3, Encoding.UTF8));
    assertEquals(5, idx.offset(0, 6, Encoding.UTF8));
    // UTF-16 column 2 is between the surrogates of the emoji.
    assertEquals(1, idx.offset(0, 2, Encoding.UTF16));
    assertEquals(5, idx.offset(0, 3, Encoding.UTF16));
  }

  @Test
  void byteStringsWithCrlfAndLoneCr() {
    String text = Bytes.fromUnicode("a\r\nñ = \"日本\";\r\nb\rc");
    LineIndex idx = LineIndex.ofBytes(text);
    assertEquals(4, idx.lineCount());
    assertEquals(Bytes.fromUnicode("ñ = \"日本\";"), idx.lineText(1));
    int semi = text.indexOf(';');
    assertEquals(new LineCol(1, 13), idx.lineCol(semi));
    assertEquals(new LineCol(1, 8), idx.lineCol(semi, Encoding.UTF16));
    assertEquals(new LineCol(1, 8), idx.lineCol(semi, Encoding.UTF32));
    assertEquals(semi, idx.offset(1, 8, Encoding.UTF16));
    assertEquals(new LineCol(2, 0), idx.lineCol(text.indexOf('b')));
    assertEquals(new LineCol(3, 0), idx.lineCol(text.indexOf('c')));
    // On the CR or LF of a CRLF: the end of the line.
    assertEquals(new LineCol(0, 1), idx.lineCol(1));
    assertEquals(new LineCol(0, 1), idx.lineCol(2));
  }

  @Test
  void malformedUtf8CountsOneUnitPerBadByte() {
    // A lone continuation byte and a truncated 3-byte sequence, then "x".
    String text = "\u0080\u00e6\u0097x";
    LineIndex idx = LineIndex.ofBytes(text);
    assertEquals(new LineCol(0, 3), idx.lineCol(3, Encoding.UTF16));
    assertEquals(new LineCol(0, 3), idx.lineCol(3, Encoding.UTF32));
    assertEquals(3, idx.offset(0, 3, Encoding.UTF16));
  }

  @Test
  void everyOffsetRoundTripsThroughEveryEncoding() {
    String text = Bytes.fromUnicode("ä\n\tß😀 = ''\r\n  ✓ ${x}'';\r\n\rz");
    LineIndex idx = LineIndex.ofBytes(text);
    for (int off = 0; off <= text.length(); off++) {
      boolean charStart = off == text.length() || (text.charAt(off) & 0xc0) != 0x80;
      boolean inBreak = off > 0 && off < text.length() && text.charAt(off) == '\n'
          && text.charAt(off - 1) == '\r';
      if (!charStart || inBreak) {
        continue;
      }
      for (Encoding enc : Encoding.values()) {
        LineCol lc = idx.lineCol(off, enc);
        assertEquals(off, idx.offset(lc.line(), lc.column(), enc), off + " " + enc);
      }
    }
  }

  @Test
  void sourceFilesUseNixsByteColumns() {
    SourceFile f = SourceFile.ofString(Bytes.fromUnicode("\"é\" +\n  x"));
    assertEquals("1:6", f.lineColumn(5));
    assertEquals("2:3", f.lineColumn(9));
  }
}
