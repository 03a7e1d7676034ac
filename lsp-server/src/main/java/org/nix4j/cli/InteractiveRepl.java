package org.nix4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.nix4j.eval.EvalOptions;
import org.nix4j.repl.Completion;
import org.nix4j.repl.Repl;
import org.nix4j.repl.Transcript;

/**
 * {@code nix4j repl} on a terminal, with JLine: line editing, history in
 * {@code $XDG_DATA_HOME/nix4j/repl-history} (default {@code ~/.local/share/nix4j/repl-history}),
 * inputs over several lines (the parser tells JLine an input is not finished, so the whole input
 * is edited and remembered as one), tab completion, Ctrl-C to drop the line being typed or to
 * stop the running evaluation, Ctrl-D to leave.
 *
 * <p>Kept apart from {@link ReplCommand} so that JLine is loaded only on a terminal.
 */
final class InteractiveRepl {
  private final EvalOptions options;
  private final String cwd;
  private final List<String> files;

  InteractiveRepl(EvalOptions options, String cwd, List<String> files) {
    this.options = options;
    this.cwd = cwd;
    this.files = files;
  }

  int run() throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      boolean color = !Terminal.TYPE_DUMB.equals(terminal.getType())
          && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())
          && System.getenv("NO_COLOR") == null;
      Repl repl = new Repl(options, cwd, color);
      PrintWriter w = terminal.writer();
      Repl.Output sink = new Repl.Output() {
        @Override
        public void out(String text) {
          w.print(text);
          w.flush();
        }

        @Override
        public void err(String text) {
          w.print(text);
          w.flush();
        }
      };
      // Between inputs the terminal is in its normal mode: Ctrl-C is a signal, and stops the
      // evaluation (the reader handles it itself while a line is being typed).
      terminal.handle(Terminal.Signal.INT, s -> repl.cancel());
      LineReader reader = LineReaderBuilder.builder()
          .terminal(terminal)
          .appName("nix4j")
          .parser(new InputParser(repl))
          .completer((r, line, candidates) -> {
            Completion.Result res = Completion.complete(repl, line.line(), line.cursor());
            for (String c : res.candidates()) {
              int dot = c.lastIndexOf('.');
              String shown = c.startsWith(":") || dot < 0 ? c : c.substring(dot + 1);
              candidates.add(new Candidate(c, shown, null, null, null, null, false));
            }
          })
          .variable(LineReader.HISTORY_FILE, historyFile())
          .variable(LineReader.SECONDARY_PROMPT_PATTERN, Transcript.CONTINUATION)
          .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
          .option(LineReader.Option.INSERT_TAB, false)
          .build();

      w.println("Welcome to nix4j " + Main.version() + " (the Nix 2.8 language). Type :? for help.");
      w.println();
      w.flush();
      for (String f : files) {
        if (!repl.loadAtStart(f, sink)) {
          return Main.INPUT_ERROR;
        }
      }
      while (true) {
        String input;
        try {
          input = reader.readLine(Transcript.PROMPT);
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          w.println();
          w.flush();
          return Main.OK;
        }
        Repl.Status s = repl.process(input, sink);
        if (s == Repl.Status.QUIT) {
          return Main.OK;
        }
        if (s == Repl.Status.INCOMPLETE) {
          w.println("error: the input is incomplete");
        }
        w.println();
        w.flush();
      }
    }
  }

  /** {@code $XDG_DATA_HOME/nix4j/repl-history}, or {@code ~/.local/share/nix4j/repl-history}. */
  static Path historyFile() {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".local", "share");
    Path dir = base.resolve("nix4j");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      // No history then: JLine reports nothing when it cannot write the file.
    }
    return dir.resolve("repl-history");
  }

  /**
   * Tells JLine when an input is not finished (Enter then starts a new line of the same input)
   * and which word completion replaces: the name or path of names before the cursor.
   */
  private static final class InputParser implements Parser {
    private final Repl repl;

    InputParser(Repl repl) {
      this.repl = repl;
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && repl.isIncomplete(line)) {
        throw new EOFError(-1, -1, "the input is not finished", "");
      }
      return new Line(line, cursor, Completion.wordStart(line, cursor));
    }

    @Override
    public boolean isEscapeChar(char ch) {
      return false;
    }
  }

  /** A line with one word: from {@code start} to the cursor. */
  private record Line(String line, int cursor, int start) implements CompletingParsedLine {
    @Override
    public String word() {
      return line.substring(start, cursor);
    }

    @Override
    public int wordCursor() {
      return cursor - start;
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word());
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return cursor - start;
    }
  }
}
