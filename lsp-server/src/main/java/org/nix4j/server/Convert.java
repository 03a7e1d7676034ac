package org.nix4j.server;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.TextRange;

/**
 * Positions between the protocol and the analysis: LSP positions (zero-based line, column in
 * the negotiated encoding: UTF-16 code units by default, UTF-8 bytes when the client offers
 * them) and byte offsets into a byte-string text. Conversions never fail: positions out of
 * range are clamped to the text (see {@link LineIndex}).
 */
public final class Convert {
  private final LineIndex.Encoding encoding;

  public Convert(LineIndex.Encoding encoding) {
    this.encoding = encoding;
  }

  public LineIndex.Encoding encoding() {
    return encoding;
  }

  /** The byte offset of a position; null positions (malformed requests) give 0. */
  public int offset(LineIndex lines, Position p) {
    if (p == null) {
      return 0;
    }
    return lines.offset(p.getLine(), p.getCharacter(), encoding);
  }

  public TextRange range(LineIndex lines, Range r) {
    int start = offset(lines, r == null ? null : r.getStart());
    int end = r == null ? start : offset(lines, r.getEnd());
    return end < start ? TextRange.of(end, start) : TextRange.of(start, end);
  }

  public Position position(LineIndex lines, int offset) {
    LineIndex.LineCol lc = lines.lineCol(offset, encoding);
    return new Position(lc.line(), lc.column());
  }

  public Range range(LineIndex lines, TextRange r) {
    return new Range(position(lines, r.start()), position(lines, r.end()));
  }
}
