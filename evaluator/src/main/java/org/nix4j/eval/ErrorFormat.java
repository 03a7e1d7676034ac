package org.nix4j.eval;

import java.util.List;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Suggestions;

/**
 * The text of an evaluation error as Nix 2.8 prints it. Shared by {@code nix4j eval} and the REPL;
 * {@code fixtures/eval/fail/NAME.stderr} (real Nix's whole stderr) is its specification.
 *
 * <pre>
 * error: MESSAGE                      lines after the first indented by 7 spaces
 *
 *        at FILE:LINE:COL:            when the error has a position
 *
 *            L-1| previous line       the source lines around it, when the file can be read
 *              L| the line
 *               |   ^                 a caret under the column (counted in bytes)
 *            L+1| next line
 *        Did you mean a or b?         when there are suggestions
 *
 *        … while evaluating 'f'       with --show-trace, each trace entry, innermost first,
 *                                     with its position and source lines as above
 * (use '--show-trace' to show detailed location information)
 * </pre>
 *
 * The last line is printed by {@link #command} (nix-instantiate, not the REPL) without
 * --show-trace when the error has a trace that Nix records without that flag. As Nix writes it to
 * the terminal, tabs become spaces up to the next multiple of 8 characters (counted from the
 * start of the text, newlines included) and carriage returns are dropped.
 */
public final class ErrorFormat {
  /** The indentation of every line but the first (the width of "error: "). */
  private static final String INDENT = "       ";

  /** What nix-instantiate adds after an error whose trace it did not show. */
  public static final String SHOW_TRACE_HINT =
      "(use '--show-trace' to show detailed location information)";

  /** What nix-instantiate adds after an error Nix counts as bad usage. */
  public static final String USAGE_HINT = "Try 'nix-instantiate --help' for more information.";

  private ErrorFormat() {}

  /** The error's text as the REPL prints it (Unicode, ends with a newline). */
  public static String format(NixError e, boolean showTrace) {
    String message = NixString.unicodeOf(e.getMessage());
    if (message.isEmpty()) {
      // Nix prints an empty message as an empty line.
      return "\n";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(message).append('\n');
    SourcePos pos = e.pos();
    if (pos != null && e.posShown()) {
      appendPosition(sb, pos);
    }
    String suggestions = Suggestions.text(e.suggestions());
    if (suggestions != null) {
      sb.append("Did you mean ").append(NixString.unicodeOf(suggestions)).append("?\n");
    }
    if (showTrace) {
      for (NixError.TraceEntry t : e.trace()) {
        if (t.recorded() == NixError.Recorded.NIX4J) {
          continue;
        }
        sb.append("\n… ").append(NixString.unicodeOf(t.message())).append('\n');
        if (t.pos() != null) {
          appendPosition(sb, t.pos());
        }
      }
    }
    return terminal(indent(chomp(sb.toString()))) + "\n";
  }

  /**
   * The error's text as {@code nix-instantiate} (and {@code nix4j eval}) prints it: {@link
   * #format}, then the hint about --show-trace when a trace was left out.
   */
  public static String command(NixError e, boolean showTrace) {
    String text = format(e, showTrace);
    if (!showTrace && hasRecordedTrace(e.trace())) {
      text += SHOW_TRACE_HINT + "\n";
    }
    if (e.usage()) {
      text += USAGE_HINT + "\n";
    }
    return text;
  }

  /** Whether Nix would have recorded a trace entry without --show-trace. */
  private static boolean hasRecordedTrace(List<NixError.TraceEntry> trace) {
    for (NixError.TraceEntry t : trace) {
      if (t.recorded() == NixError.Recorded.ALWAYS) {
        return true;
      }
    }
    return false;
  }

  /** "at FILE:L:C:" and the source lines around it. */
  private static void appendPosition(StringBuilder sb, SourcePos pos) {
    LineIndex lines = pos.file().lines();
    int line = lines.lineOf(pos.start());
    int col = pos.start() - lines.lineStart(line);
    sb.append('\n').append("at ").append(pos.file().name()).append(':')
        .append(line + 1).append(':').append(col + 1).append(":\n");
    if (!readable(pos.file())) {
      return;
    }
    // Nix reads a file's lines up to their newline: a last line without one is not shown (and
    // without the error's line, nothing is). An expression's lines are all there, and after a
    // final newline an empty next line.
    boolean isFile = pos.file().path() != null;
    if (isFile && !endsWithNewline(pos.file().text(), lines, line)) {
      return;
    }
    sb.append('\n');
    if (line > 0) {
      appendLine(sb, lines, line - 1);
    }
    appendLine(sb, lines, line);
    sb.append("      |").append(" ".repeat(col + 1)).append("^\n");
    boolean next = line + 1 < lines.lineCount()
        && (!isFile || endsWithNewline(pos.file().text(), lines, line + 1));
    if (next) {
      appendLine(sb, lines, line + 1);
    }
  }

  private static boolean endsWithNewline(String text, LineIndex lines, int line) {
    int end = lines.lineEnd(line);
    return end < text.length() && text.charAt(end) == '\n';
  }

  /** Whether Nix can show the source lines: a file, or an expression it was given. */
  private static boolean readable(SourceFile f) {
    return f.path() != null || f.name().equals(SourceFile.STRING_NAME);
  }

  private static void appendLine(StringBuilder sb, LineIndex lines, int line) {
    String num = Integer.toString(line + 1);
    sb.append(' ').append(" ".repeat(Math.max(0, 5 - num.length()))).append(num).append("| ")
        .append(NixString.unicodeOf(lines.lineText(line))).append('\n');
  }

  /** Without the trailing newlines and spaces. */
  private static String chomp(String s) {
    int end = s.length();
    while (end > 0 && isChompable(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  /** The characters Nix's chomp removes from the end of a text. */
  private static boolean isChompable(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
  }

  /**
   * "error: " before the first line, the others indented under it, each line without the
   * whitespace at its end (as Nix's indent: an empty line stays empty, a message of blanks
   * leaves nothing, not even "error:").
   */
  private static String indent(String s) {
    if (s.isEmpty()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 64);
    int start = 0;
    while (true) {
      int nl = s.indexOf('\n', start);
      String l = nl < 0 ? s.substring(start) : s.substring(start, nl);
      sb.append(chomp((start == 0 ? "error: " : INDENT) + l));
      if (nl < 0) {
        return sb.toString();
      }
      sb.append('\n');
      start = nl + 1;
    }
  }

  /**
   * As Nix's terminal filter: a tab becomes one space and then spaces up to a multiple of 8
   * characters counted from the start of the text; a carriage return is dropped.
   */
  static String terminal(String s) {
    if (s.indexOf('\t') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    long w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\t') {
        sb.append(' ');
        w++;
        while (w % 8 != 0) {
          sb.append(' ');
          w++;
        }
      } else if (cp != '\r') {
        sb.appendCodePoint(cp);
        w++;
      }
    }
    return sb.toString();
  }
}
