package org.nix4j.syntax;

import java.nio.charset.StandardCharsets;

/**
 * Conversions between byte strings (a {@link String} whose every char is one byte, 0..255: the
 * UTF-8 bytes of a text decoded as ISO-8859-1), real Unicode strings and byte arrays. Source texts
 * and Nix strings are byte strings; Unicode appears only at the edges (terminal, LSP, JSON).
 */
public final class Bytes {
  private Bytes() {}

  /** The bytes of a byte string. */
  public static byte[] of(String byteString) {
    return byteString.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** The byte string of some bytes. */
  public static String toByteString(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** The byte string of a Unicode text: its UTF-8 encoding, one char per byte. */
  public static String fromUnicode(String unicode) {
    return toByteString(unicode.getBytes(StandardCharsets.UTF_8));
  }

  /** The Unicode text of a byte string read as UTF-8 (malformed bytes become U+FFFD). */
  public static String toUnicode(String byteString) {
    return new String(of(byteString), StandardCharsets.UTF_8);
  }

  /** Whether every char of {@code s} is a byte (at most 0xFF). */
  public static boolean isByteString(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }

  /**
   * The Levenshtein distance of two byte strings (insertions, deletions and substitutions of
   * bytes, each costing 1), or some number above {@code max} when it is above {@code max} (the
   * strings' lengths alone can tell).
   */
  public static int editDistance(String a, String b, int max) {
    if (Math.abs(a.length() - b.length()) > max) {
      return max + 1;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
