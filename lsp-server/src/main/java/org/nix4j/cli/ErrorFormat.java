package org.nix4j.cli;

import org.nix4j.syntax.LineIndex;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.vm.NixError;

/**
 * The text of an evaluation error as Nix prints it: {@code error: message}, the position, the
 * source line with a caret under the column, and (when asked) the trace of what was being
 * evaluated. Shared by {@code nix4j eval} and the REPL.
 */
public final class ErrorFormat {
  private ErrorFormat() {}

  /** The error's text (Unicode, ends with a newline). */
  public static String format(NixError e, boolean showTrace) {
    StringBuilder sb = new StringBuilder();
    String message = NixString.unicodeOf(e.getMessage());
    if (message.isEmpty()) {
      // Nix prints an empty message as an empty line.
      return "\n";
    }
    // Lines after the first are indented under the message, as Nix does.
    String[] lines = message.split("\n", -1);
    sb.append("error: ").append(lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      sb.append('\n').append(l.isEmpty() || l.startsWith("       ") ? l : "       " + l);
    }
    sb.append('\n');
    SourcePos pos = e.pos();
    if (pos != null) {
      appendPosition(sb, pos);
    }
    if (showTrace) {
      for (NixError.TraceEntry t : e.trace()) {
        sb.append("\n       … ").append(NixString.unicodeOf(t.message())).append('\n');
        if (t.pos() != null) {
          appendPosition(sb, t.pos());
        }
      }
    }
    return sb.toString();
  }

  private static void appendPosition(StringBuilder sb, SourcePos pos) {
    LineIndex lines = pos.file().lines();
    int line = lines.lineOf(pos.start());
    int col = pos.start() - lines.lineStart(line);
    sb.append('\n').append("       at ").append(pos.file().name()).append(':')
        .append(line + 1).append(':').append(col + 1).append(":\n\n");
    String text = NixString.unicodeOf(lines.lineText(line));
    String num = Integer.toString(line + 1);
    sb.append("          ").append(" ".repeat(Math.max(0, 3 - num.length()))).append(num).append("| ")
        .append(text).append('\n');
    String before = NixString.unicodeOf(lines.lineText(line).substring(0,
        Math.min(col, lines.lineText(line).length())));
    sb.append("             | ").append(" ".repeat(before.length())).append("^\n");
  }
}
