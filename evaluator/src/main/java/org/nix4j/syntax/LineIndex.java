package org.nix4j.syntax;

import java.util.Arrays;

/**
 * Maps offsets of a text (UTF-16 code units, as in {@link String}) to zero-based lines and
 * columns and back. Columns can be counted in UTF-16 code units (LSP's default), UTF-8 bytes or
 * Unicode code points. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, as the LSP
 * specification and Nix's lexer both count them.
 *
 * <p>Conversions never fail: an offset past the end is clamped to the end, a line past the last
 * is clamped to the end of the text, a column past the end of its line to the end of the line, and
 * a column that falls inside a character (the middle of a surrogate pair or of a UTF-8 sequence)
 * to the start of that character.
 */
public final class LineIndex {
  /** How columns are counted. */
  public enum Encoding {
    UTF8,
    UTF16,
    UTF32
  }

  /** A zero-based line and column. */
  public record LineCol(int line, int column) {
    @Override
    public String toString() {
      return line + ":" + column;
    }
  }

  private final String text;
  /** Offset of the first character of each line; {@code lineStarts[0] == 0}. */
  private final int[] lineStarts;
  /** Whether the text is all ASCII, when every encoding counts columns alike. */
  private final boolean ascii;

  public LineIndex(String text) {
    this.text = text;
    int[] starts = new int[16];
    int n = 1;
    boolean allAscii = true;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c == '\n' || (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n'))) {
          if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
          }
          starts[n++] = i + 1;
        }
      } else {
        allAscii = false;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, n);
    this.ascii = allAscii;
  }

  public String text() {
    return text;
  }

  /** The number of lines; a text ending with a line break has an empty last line. */
  public int lineCount() {
    return lineStarts.length;
  }

  /** The offset where {@code line} starts (clamped to the valid lines). */
  public int lineStart(int line) {
    if (line < 0) {
      return 0;
    }
    return line >= lineStarts.length ? text.length() : lineStarts[line];
  }

  /** The offset where {@code line} ends, before its line break. */
  public int lineEnd(int line) {
    if (line < 0) {
      line = 0;
    }
    if (line >= lineStarts.length - 1) {
      return text.length();
    }
    int end = lineStarts[line + 1] - 1; // the last character of the break
    if (text.charAt(end) == '\n' && end > lineStarts[line] && text.charAt(end - 1) == '\r') {
      end--;
    }
    return end;
  }

  /** The text of {@code line} without its line break. */
  public String lineText(int line) {
    return text.substring(lineStart(line), lineEnd(line));
  }

  /** The zero-based line that holds {@code offset}. */
  public int lineOf(int offset) {
    offset = clamp(offset);
    int i = Arrays.binarySearch(lineStarts, offset);
    return i >= 0 ? i : -i - 2;
  }

  /** The line and UTF-16 column of {@code offset}. */
  public LineCol lineCol(int offset) {
    return lineCol(offset, Encoding.UTF16);
  }

  /** The line and column of {@code offset}, the column counted in {@code encoding}. */
  public LineCol lineCol(int offset, Encoding encoding) {
    offset = clamp(offset);
    int line = lineOf(offset);
    int start = lineStarts[line];
    // An offset inside a line break belongs to the end of its line.
    int end = lineEnd(line);
    if (offset > end) {
      offset = end;
    }
    if (ascii || encoding == Encoding.UTF16) {
      return new LineCol(line, offset - start);
    }
    return new LineCol(line, width(start, offset, encoding));
  }

  /** The offset at {@code line} and UTF-16 {@code column}. */
  public int offset(int line, int column) {
    return offset(line, column, Encoding.UTF16);
  }

  /** The offset at {@code line} and {@code column}, the column counted in {@code encoding}. */
  public int offset(int line, int column, Encoding encoding) {
    if (line < 0) {
      return 0;
    }
    if (line >= lineStarts.length) {
      return text.length();
    }
    int start = lineStarts[line];
    int end = lineEnd(line);
    if (column <= 0) {
      return start;
    }
    if (ascii || encoding == Encoding.UTF16) {
      int off = Math.min(start + column, end);
      // Never split a surrogate pair.
      if (off > start && off < end && Character.isLowSurrogate(text.charAt(off))
          && Character.isHighSurrogate(text.charAt(off - 1))) {
        off--;
      }
      return off;
    }
    int units = 0;
    int i = start;
    while (i < end) {
      int cp = text.codePointAt(i);
      int w = unitWidth(cp, encoding);
      if (units + w > column) {
        return i;
      }
      units += w;
      i += Character.charCount(cp);
      if (units == column) {
        return i;
      }
    }
    return end;
  }

  /** Converts a column of {@code line} from one encoding to another. */
  public int convertColumn(int line, int column, Encoding from, Encoding to) {
    return lineCol(offset(line, column, from), to).column();
  }

  private int width(int from, int to, Encoding encoding) {
    int units = 0;
    int i = from;
    while (i < to) {
      int cp = text.codePointAt(i);
      int n = Character.charCount(cp);
      if (i + n > to) {
        break; // `to` splits a surrogate pair: count up to its start
      }
      units += unitWidth(cp, encoding);
      i += n;
    }
    return units;
  }

  private static int unitWidth(int cp, Encoding encoding) {
    switch (encoding) {
      case UTF32:
        return 1;
      case UTF16:
        return Character.charCount(cp);
      default:
        if (cp < 0x80) {
          return 1;
        } else if (cp < 0x800) {
          return 2;
        } else if (cp < 0x10000) {
          return 3;
        }
        return 4;
    }
  }

  private int clamp(int offset) {
    return Math.max(0, Math.min(offset, text.length()));
  }
}
