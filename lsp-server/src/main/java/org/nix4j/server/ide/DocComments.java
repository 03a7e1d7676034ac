package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.nix4j.syntax.Bytes;

/**
 * The comment written just before a binding, as its documentation (nixpkgs' {@code lib} is
 * documented so): a block comment {@code /* … *}{@code /} or a run of {@code #} lines, separated
 * from the binding by blanks only. Found by reading the text backwards, so that it works for a
 * position in any file, parsed or not.
 */
public final class DocComments {
  /** The longest documentation kept. */
  static final int MAX_CHARS = 2000;

  private DocComments() {}

  /** The documentation (Unicode, markers removed) of what starts at {@code offset}, or null. */
  public static String before(String text, int offset) {
    if (offset <= 0 || offset > text.length()) {
      return null;
    }
    int i = offset;
    // The binding's own line may start with blanks.
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i > 0 && text.charAt(i - 1) != '\n') {
      return null; // something else on the line before the name
    }
    // Skip the line break before the binding (one, not a blank line).
    i--;
    if (i > 0 && text.charAt(i - 1) == '\r') {
      i--;
    }
    int lineEnd = i;
    while (lineEnd > 0 && (text.charAt(lineEnd - 1) == ' ' || text.charAt(lineEnd - 1) == '\t')) {
      lineEnd--;
    }
    if (lineEnd >= 2 && text.startsWith("*/", lineEnd - 2)) {
      int open = text.lastIndexOf("/*", lineEnd - 2);
      if (open < 0) {
        return null;
      }
      return clean(block(text.substring(open + 2, lineEnd - 2)));
    }
    List<String> lines = new ArrayList<>();
    int at = lineEnd;
    while (at > 0) {
      int start = text.lastIndexOf('\n', at - 1) + 1;
      String line = text.substring(start, at).strip();
      if (!line.startsWith("#")) {
        break;
      }
      lines.add(line.substring(1).startsWith(" ") ? line.substring(2) : line.substring(1));
      at = start - 1;
      if (at > 0 && text.charAt(at - 1) == '\r') {
        at--;
      }
      if (at <= 0) {
        break;
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    Collections.reverse(lines);
    return clean(String.join("\n", lines));
  }

  /** The lines of a block comment without the {@code *} that often starts them. */
  private static String block(String body) {
    StringBuilder sb = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      String l = line.strip();
      if (l.startsWith("*")) {
        l = l.substring(1).strip();
      }
      sb.append(l).append('\n');
    }
    return sb.toString();
  }

  private static String clean(String s) {
    String u = Bytes.toUnicode(s).strip();
    if (u.isEmpty()) {
      return null;
    }
    return u.length() > MAX_CHARS ? u.substring(0, MAX_CHARS - 1) + "…" : u;
  }
}
