package org.nix4j.syntax;

/**
 * A replacement of the bytes {@code [start, end)} of a text by {@code text} (a byte string): an
 * LSP content change converted to byte offsets.
 */
public record TextEdit(int start, int end, String text) {
  public TextEdit {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("bad edit range " + start + ".." + end);
    }
  }

  public static TextEdit insert(int offset, String text) {
    return new TextEdit(offset, offset, text);
  }

  public static TextEdit delete(int start, int end) {
    return new TextEdit(start, end, "");
  }

  /** The text after this edit. */
  public String apply(String old) {
    return old.substring(0, start) + text + old.substring(end);
  }

  /** How much the edit changes the length of the text. */
  public int delta() {
    return text.length() - (end - start);
  }
}
