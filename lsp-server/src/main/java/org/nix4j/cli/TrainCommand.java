package org.nix4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code nix4j __cds-training}: not for users. bin/nix4j runs it once with
 * {@code -XX:DumpLoadedClassList} so that the class-data-sharing archive holds the classes a
 * typical run loads; later starts map them instead of loading them. It runs the real commands
 * ({@code parse}, {@code check}, {@code eval --strict}, {@code eval --json}) on a file, so that
 * reading the file and the command's own code are recorded too, not only the evaluator.
 */
final class TrainCommand implements Main.Command {
  static final String NAME = "__cds-training";

  @Override
  public String summary() {
    return "(internal) load the classes of a typical run, for the start-up archive";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Path dir = Files.createTempDirectory("nix4j-cds");
    Path file = dir.resolve("training.nix");
    try {
      try (InputStream in = TrainCommand.class.getResourceAsStream("cds-training.nix")) {
        Files.write(file, in.readAllBytes());
      }
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
      String f = file.toString();
      int code = new ParseCommand().run(new String[] {f}, sink, sink);
      code |= new CheckCommand().run(new String[] {f}, sink, sink);
      code |= new EvalCommand().run(new String[] {"--strict", f}, sink, sink);
      code |= new EvalCommand().run(new String[] {"--strict", "--json", "-A", "j", f}, sink, sink);
      // An error, as a mistyped expression gives: its message and source excerpt.
      new EvalCommand().run(new String[] {"-E", "1 + \"x\""}, sink, sink);
      if (code != 0) {
        err.println("nix4j: the training run failed (exit " + code + ")");
      }
      return code == 0 ? Main.OK : Main.INTERNAL;
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
