package org.nix4j.syntax;

import java.util.Arrays;

/**
 * Maps offsets of a text to zero-based lines and columns and back. The text is either a Unicode
 * string (offsets are UTF-16 code units, as in {@link String}; {@link #LineIndex(String)}) or a
 * byte string (offsets are UTF-8 byte offsets, each char one byte, as nix4j stores sources;
 * {@link #ofBytes(String)}). Columns can be counted in UTF-16 code units (LSP's default), UTF-8 bytes or
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
  /** Whether {@link #text} is a byte string (UTF-8 bytes, one per char). */
  private final boolean bytes;
  /** Offset of the first character of each line; {@code lineStarts[0] == 0}. */
  private final int[] lineStarts;
  /** Whether the text is all ASCII, when every encoding counts columns alike. */
  private final boolean ascii;

  /** The index of a Unicode text: offsets are UTF-16 code units. */
  public LineIndex(String text) {
    this(text, false);
  }

  /** The index of a byte string (see {@link SourceFile}): offsets are UTF-8 byte offsets. */
  public static LineIndex ofBytes(String byteString) {
    return new LineIndex(byteString, true);
  }

  private LineIndex(String text, boolean bytes) {
    this.text = text;
    this.bytes = bytes;
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

  private LineIndex(String text, boolean bytes, int[] lineStarts, boolean ascii) {
    this.text = text;
    this.bytes = bytes;
    this.lineStarts = lineStarts;
    this.ascii = ascii;
  }

  /**
   * The index of {@code newText}, which is this index's text with {@code [start, end)} replaced
   * by {@code insertedLength} characters: the lines before the edit are kept and those after it
   * moved, only the text around the edit is scanned. For an editor's document, where each
   * keystroke would otherwise scan the whole text again.
   */
  public LineIndex edited(int start, int end, int insertedLength, String newText) {
    int delta = insertedLength - (end - start);
    if (start < 0 || end < start || end > text.length() || newText.length() != text.length() + delta) {
      throw new IllegalArgumentException("edit " + start + ".." + end + " does not fit the text");
    }
    // A line start s depends on the characters at s - 1 and s only.
    int keep = Arrays.binarySearch(lineStarts, start);
    keep = Math.max(1, keep >= 0 ? keep : -keep - 1); // the starts before `start`; 0 always
    int scanTo = Math.min(newText.length(), start + insertedLength + 1);
    int[] starts = Arrays.copyOf(lineStarts, Math.max(16, lineStarts.length + insertedLength + 2));
    int n = keep;
    for (int i = Math.max(0, start - 1); i < scanTo; i++) {
      char c = newText.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= newText.length() || newText.charAt(i + 1) != '\n'))) {
        if (i + 1 >= start && i + 1 <= scanTo) {
          starts[n++] = i + 1;
        }
      }
    }
    int from = Arrays.binarySearch(lineStarts, end + 2);
    from = from >= 0 ? from : -from - 1;
    for (int i = from; i < lineStarts.length; i++) {
      int s = lineStarts[i] + delta;
      if (s > scanTo) {
        starts[n++] = s;
      }
    }
    boolean allAscii = ascii;
    for (int i = start; allAscii && i < start + insertedLength; i++) {
      allAscii = newText.charAt(i) < 0x80;
    }
    return new LineIndex(newText, bytes, Arrays.copyOf(starts, n), allAscii);
  }

  public String text() {
    return text;
  }

  /** Whether offsets are UTF-8 byte offsets of a byte string. */
  public boolean isBytes() {
    return bytes;
  }

  /** The encoding offsets of the text are counted in (columns in it need no decoding). */
  private Encoding nativeEncoding() {
    return bytes ? Encoding.UTF8 : Encoding.UTF16;
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

  /** The line and column of {@code offset}, the column in the text's own units. */
  public LineCol lineCol(int offset) {
    return lineCol(offset, nativeEncoding());
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
    if (ascii || encoding == nativeEncoding()) {
      return new LineCol(line, offset - start);
    }
    return new LineCol(line, width(start, offset, encoding));
  }

  /** The offset at {@code line} and {@code column}, the column in the text's own units. */
  public int offset(int line, int column) {
    return offset(line, column, nativeEncoding());
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
    if (ascii || encoding == nativeEncoding()) {
      int off = Math.min(start + column, end);
      // Never split a character.
      while (off > start && off < end && !startsChar(off)) {
        off--;
      }
      return off;
    }
    int units = 0;
    int i = start;
    while (i < end) {
      int n = charLength(i);
      int w = unitWidth(codePoint(i, n), encoding);
      if (units + w > column) {
        return i;
      }
      units += w;
      i += n;
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
      int n = charLength(i);
      if (i + n > to) {
        break; // `to` splits a character: count up to its start
      }
      units += unitWidth(codePoint(i, n), encoding);
      i += n;
    }
    return units;
  }

  /** Whether {@code i} is where a character starts (not inside a surrogate pair or sequence). */
  private boolean startsChar(int i) {
    if (bytes) {
      if ((text.charAt(i) & 0xc0) != 0x80) {
        return true;
      }
      // A continuation byte: inside a character only if a lead byte covering it precedes.
      int j = i - 1;
      while (j >= 0 && i - j < 4 && (text.charAt(j) & 0xc0) == 0x80) {
        j--;
      }
      return j < 0 || j + charLength(j) <= i;
    }
    return !(Character.isLowSurrogate(text.charAt(i))
        && Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /** The length, in the text's units, of the character starting at {@code i}. */
  private int charLength(int i) {
    char c = text.charAt(i);
    if (!bytes) {
      return Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }
    int n = c >= 0xf0 && c < 0xf8 ? 4 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xc2 && c < 0xe0 ? 2 : 1;
    int k = 1;
    while (k < n && i + k < text.length() && (text.charAt(i + k) & 0xc0) == 0x80) {
      k++;
    }
    // A truncated sequence counts as one malformed byte (decoded as U+FFFD).
    return k == n ? n : 1;
  }

  /** The code point of the character of {@code n} units at {@code i} (U+FFFD if malformed). */
  private int codePoint(int i, int n) {
    if (!bytes) {
      return text.codePointAt(i);
    }
    char c = text.charAt(i);
    if (n == 1) {
      return c < 0x80 ? c : 0xfffd;
    }
    int cp = n == 2 ? c & 0x1f : n == 3 ? c & 0x0f : c & 0x07;
    for (int k = 1; k < n; k++) {
      cp = (cp << 6) | (text.charAt(i + k) & 0x3f);
    }
    return cp;
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
