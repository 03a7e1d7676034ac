package org.nix4j.value;

import java.nio.charset.StandardCharsets;

/**
 * A Nix string: a sequence of bytes with a {@linkplain NixContext context}.
 *
 * <p>The bytes are held in a {@link String} whose every {@code char} is one byte (0–255): the
 * UTF-8 text decoded as ISO-8859-1. Java then stores it compactly, and {@code length},
 * {@code substring} and {@code compareTo} work on bytes exactly as Nix's do. {@link #fromUnicode}
 * and {@link #toUnicode} convert at the edges (terminal, JSON, LSP).
 */
public final class NixString extends Value {
  public static final NixString EMPTY = new NixString("", NixContext.EMPTY);

  public final String bytes;
  public final NixContext context;

  private NixString(String bytes, NixContext context) {
    this.bytes = bytes;
    this.context = context;
  }

  /** The strings of one byte, made on first use and shared. */
  private static final NixString[] BYTES = new NixString[256];

  /** A string without context from a byte string. */
  public static NixString of(String bytes) {
    int n = bytes.length();
    if (n <= 1) {
      return n == 0 ? EMPTY : ofByte(bytes.charAt(0));
    }
    return new NixString(bytes, NixContext.EMPTY);
  }

  /** The one-byte string {@code b} (0..255) without context; shared. */
  public static NixString ofByte(char b) {
    NixString s = BYTES[b];
    if (s == null) {
      s = new NixString(String.valueOf(b), NixContext.EMPTY);
      BYTES[b] = s;
    }
    return s;
  }

  public static NixString of(String bytes, NixContext context) {
    if (context == null) {
      context = NixContext.EMPTY;
    }
    if (context.isEmpty()) {
      return of(bytes);
    }
    return new NixString(bytes, context);
  }

  /** A string without context from Unicode text (encoded as UTF-8). */
  public static NixString fromUnicode(String text) {
    return of(bytesOf(text));
  }

  /** The byte string of a Unicode text. */
  public static String bytesOf(String unicode) {
    boolean ascii = true;
    for (int i = 0; i < unicode.length(); i++) {
      if (unicode.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return unicode;
    }
    return new String(unicode.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }

  /** The Unicode text of a byte string (invalid UTF-8 becomes U+FFFD). */
  public static String unicodeOf(String bytes) {
    for (int i = 0; i < bytes.length(); i++) {
      if (bytes.charAt(i) >= 0x80) {
        return new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      }
    }
    return bytes;
  }

  public String toUnicode() {
    return unicodeOf(bytes);
  }

  public boolean hasContext() {
    return !context.isEmpty();
  }

  @Override
  public String typeOf() {
    return "string";
  }

  @Override
  public String describe() {
    return hasContext() ? "a string with context" : "a string";
  }

  @Override
  public String toString() {
    return Printer.quoteString(bytes);
  }
}
