package org.nix4j.syntax;

/**
 * A half-open range {@code [start, end)} of offsets into a source text. Sources are byte strings
 * (see {@link SourceFile}), so the offsets are UTF-8 byte offsets. Every span in nix4j — tokens,
 * nodes, errors, warnings — is one.
 */
public record TextRange(int start, int end) implements Comparable<TextRange> {
  public TextRange {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad range " + start + ".." + end);
    }
  }

  public static TextRange of(int start, int end) {
    return new TextRange(start, end);
  }

  /** The empty range at {@code offset}. */
  public static TextRange empty(int offset) {
    return new TextRange(offset, offset);
  }

  public int length() {
    return end - start;
  }

  public boolean isEmpty() {
    return start == end;
  }

  /** Whether {@code offset} lies in {@code [start, end)}. */
  public boolean contains(int offset) {
    return start <= offset && offset < end;
  }

  /** Whether {@code offset} lies in {@code [start, end]}: a cursor touching either end counts. */
  public boolean containsInclusive(int offset) {
    return start <= offset && offset <= end;
  }

  public boolean contains(TextRange other) {
    return start <= other.start && other.end <= end;
  }

  public boolean intersects(TextRange other) {
    return start < other.end && other.start < end;
  }

  /** The smallest range covering both. */
  public TextRange cover(TextRange other) {
    return new TextRange(Math.min(start, other.start), Math.max(end, other.end));
  }

  public TextRange shift(int delta) {
    return new TextRange(start + delta, end + delta);
  }

  /** The text this range covers in {@code text}. */
  public String slice(CharSequence text) {
    return text.subSequence(start, end).toString();
  }

  @Override
  public int compareTo(TextRange o) {
    return start != o.start ? Integer.compare(start, o.start) : Integer.compare(end, o.end);
  }

  // Written out rather than generated: a record's generated equals and hashCode are bootstrapped
  // through method handles on first use, which costs a short-lived process milliseconds.
  @Override
  public boolean equals(Object o) {
    return o instanceof TextRange r && r.start == start && r.end == end;
  }

  @Override
  public int hashCode() {
    return 31 * start + end;
  }

  @Override
  public String toString() {
    return start + ".." + end;
  }
}
