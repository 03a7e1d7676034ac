package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
