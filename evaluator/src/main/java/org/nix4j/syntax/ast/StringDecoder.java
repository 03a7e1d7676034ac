package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoding of string literal text exactly as Nix 2.8 does it: escapes of {@code "} strings and
 * of indented strings, and the stripping of indentation of indented strings.
 */
public final class StringDecoder {
  private StringDecoder() {}

  /**
   * Decodes the text of a {@code "} string piece (Nix's {@code unescapeStr}): {@code \n},
   * {@code \r}, {@code \t} and {@code \x} for any other x; a CR or CRLF becomes LF; a NUL byte
   * ends the piece (Nix reads it as a C string).
   */
  public static String unescape(String raw) {
    StringBuilder sb = null;
    int n = raw.length();
    for (int i = 0; i < n; i++) {
      char c = raw.charAt(i);
      if (c == '\\' || c == '\r' || c == 0) {
        sb = new StringBuilder(n);
        sb.append(raw, 0, i);
        unescapeInto(raw, i, sb);
        return sb.toString();
      }
    }
    return raw;
  }

  private static void unescapeInto(String raw, int i, StringBuilder sb) {
    int n = raw.length();
    while (i < n) {
      char c = raw.charAt(i++);
      if (c == 0) {
        return;
      }
      if (c == '\\') {
        if (i >= n) {
          return;
        }
        c = raw.charAt(i++);
        if (c == 0) {
          return;
        }
        sb.append(c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c);
      } else if (c == '\r') {
        sb.append('\n');
        if (i < n && raw.charAt(i) == '\n') {
          i++;
        }
      } else {
        sb.append(c);
      }
    }
  }

  /** The value of an indented-string escape token: {@code ''$}, {@code '''}, {@code ''\x}, {@code $}, {@code '}. */
  public static String indentedEscape(String raw) {
    if (raw.startsWith("''\\")) {
      return unescape(raw.substring(2));
    }
    if (raw.equals("'''")) {
      return "''";
    }
    if (raw.equals("''$")) {
      return "$";
    }
    return raw;
  }

  /** A piece of an indented string before stripping: text, or an interpolation. */
  public record Piece(String text, boolean hasIndentation, Object interpolation) {
    public boolean isText() {
      return interpolation == null && text != null;
    }
  }

  /**
   * Nix's {@code stripIndentation}: removes the smallest indentation of the non-empty lines from
   * every line, ignoring whitespace-only last lines, and drops a last line of spaces only. Text
   * pieces without indentation (escapes) and interpolations end a line's leading whitespace.
   * Returns one entry per piece: the stripped text, or the piece's interpolation object.
   */
  public static List<Object> stripIndentation(List<Piece> pieces) {
    boolean atStartOfLine = true;
    int minIndent = 1000000;
    int curIndent = 0;
    for (Piece pc : pieces) {
      if (!pc.isText() || !pc.hasIndentation()) {
        if (atStartOfLine) {
          atStartOfLine = false;
          if (curIndent < minIndent) {
            minIndent = curIndent;
          }
        }
        continue;
      }
      String s = pc.text();
      for (int j = 0; j < s.length(); j++) {
        char c = s.charAt(j);
        if (atStartOfLine) {
          if (c == ' ') {
            curIndent++;
          } else if (c == '\n') {
            curIndent = 0;
          } else {
            atStartOfLine = false;
            if (curIndent < minIndent) {
              minIndent = curIndent;
            }
          }
        } else if (c == '\n') {
          atStartOfLine = true;
          curIndent = 0;
        }
      }
    }

    List<Object> out = new ArrayList<>(pieces.size());
    atStartOfLine = true;
    int curDropped = 0;
    int n = pieces.size();
    for (Piece pc : pieces) {
      if (!pc.isText()) {
        atStartOfLine = false;
        curDropped = 0;
        out.add(pc.interpolation());
        n--;
        continue;
      }
      String t = pc.text();
      StringBuilder s2 = new StringBuilder(t.length());
      for (int j = 0; j < t.length(); j++) {
        char c = t.charAt(j);
        if (atStartOfLine) {
          if (c == ' ') {
            if (curDropped++ >= minIndent) {
              s2.append(c);
            }
          } else if (c == '\n') {
            curDropped = 0;
            s2.append(c);
          } else {
            atStartOfLine = false;
            curDropped = 0;
            s2.append(c);
          }
        } else {
          s2.append(c);
          if (c == '\n') {
            atStartOfLine = true;
          }
        }
      }
      if (n == 1) {
        // Remove the last line if it is empty and consists only of spaces.
        int p = s2.lastIndexOf("\n");
        if (p >= 0) {
          boolean spaces = true;
          for (int j = p + 1; j < s2.length(); j++) {
            if (s2.charAt(j) != ' ') {
              spaces = false;
              break;
            }
          }
          if (spaces) {
            s2.setLength(p + 1);
          }
        }
      }
      out.add(s2.toString());
      n--;
    }
    return out;
  }
}
