package org.nix4j.server;

import java.nio.charset.StandardCharsets;

/** Texts at the protocol's edge. */
public final class Text {
  private Text() {}

  /**
   * The Unicode text of a message that may mix byte-string parts (names, values: UTF-8 bytes,
   * one per char) with Unicode text (the words of a message, such as {@code …}): runs of chars
   * that are bytes are decoded as UTF-8, other chars kept.
   */
  public static String unicode(String s) {
    boolean bytesOnly = true;
    boolean ascii = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > 0xff) {
        bytesOnly = false;
      } else if (c >= 0x80) {
        ascii = false;
      }
    }
    if (ascii) {
      return s;
    }
    if (bytesOnly) {
      return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
    StringBuilder sb = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int j = i;
      while (j < s.length() && s.charAt(j) <= 0xff) {
        j++;
      }
      if (j > i) {
        sb.append(new String(s.substring(i, j).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
      }
      while (j < s.length() && s.charAt(j) > 0xff) {
        sb.append(s.charAt(j++));
      }
      i = j;
    }
    return sb.toString();
  }
}
