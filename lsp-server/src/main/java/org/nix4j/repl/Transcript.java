package org.nix4j.repl;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;

/**
 * Runs a REPL over lines of text, as {@code nix repl} behaves when its input is not a terminal:
 * each line is echoed after the prompt ({@code nix-repl> }, or ten spaces while an input goes
 * on over several lines); after each input its output, then an empty line. At the end of the
 * input the last prompt stays on its line. {@code nix4j repl} does this with stdin, and the
 * tests with fixtures/repl scripts, so the output can be compared with real Nix's.
 */
public final class Transcript {
  /** The prompt of a new input. */
  public static final String PROMPT = "nix-repl> ";
  /** The prompt of a line that continues an input. */
  public static final String CONTINUATION = "          ";

  private Transcript() {}

  /**
   * Loads {@code files} first (as {@code nix repl FILE...} does), then reads lines until the end
   * of {@code in} or {@code :q}. Returns false, without reading, when a file fails to load.
   */
  public static boolean run(Repl repl, List<String> files, BufferedReader in, Repl.Output out)
      throws IOException {
    for (String f : files) {
      if (!repl.loadAtStart(f, out)) {
        return false;
      }
    }
    run(repl, in, out);
    return true;
  }

  /** Reads lines until the end of {@code in} or {@code :q}. */
  public static void run(Repl repl, BufferedReader in, Repl.Output out) throws IOException {
    String pending = null;
    while (true) {
      out.out(pending == null ? PROMPT : CONTINUATION);
      String line = in.readLine();
      if (line == null) {
        return;
      }
      out.out(line + "\n");
      String input = pending == null ? line : pending + "\n" + line;
      Repl.Status s = repl.process(input, out);
      if (s == Repl.Status.INCOMPLETE) {
        pending = input;
        continue;
      }
      pending = null;
      if (s == Repl.Status.QUIT) {
        return;
      }
      out.out("\n");
    }
  }
}
