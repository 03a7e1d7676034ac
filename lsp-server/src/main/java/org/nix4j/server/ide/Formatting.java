package org.nix4j.server.ide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Formatting through an external formatter (the setting {@code nix4j.formatter.command}, such
 * as {@code ["nixfmt"]}): the document goes to its standard input, the formatted text comes
 * from its standard output. Without a formatter configured, or when it fails, the answer says
 * so clearly.
 */
public final class Formatting {
  /** A failure to report to the user. */
  public static final class Failure extends Exception {
    public Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** How long the formatter may run. */
  static final long TIMEOUT_SECONDS = 20;

  private Formatting() {}

  /**
   * The formatted text (Unicode) of {@code text}, run in {@code dir}.
   *
   * @throws Failure when no formatter is configured, or it cannot start, fails or times out
   */
  public static String format(List<String> command, String text, Path dir) throws Failure {
    if (command == null || command.isEmpty()) {
      throw new Failure("no formatter is configured: set nix4j.formatter.command, for example to [\"nixfmt\"]");
    }
    ProcessBuilder pb = new ProcessBuilder(command);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new Failure("the formatter " + command.get(0) + " cannot be started: " + e.getMessage());
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread o = pump(p.getInputStream(), out);
      Thread e = pump(p.getErrorStream(), err);
      try (OutputStream in = p.getOutputStream()) {
        in.write(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException ignored) {
        // the formatter may stop reading early; its exit status tells
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new Failure("the formatter " + command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
      }
      o.join(1000);
      e.join(1000);
      if (p.exitValue() != 0) {
        String msg = err.toString(StandardCharsets.UTF_8).strip();
        throw new Failure("the formatter " + command.get(0) + " failed (exit " + p.exitValue() + ")"
            + (msg.isEmpty() ? "" : ": " + msg.lines().findFirst().orElse("")));
      }
      return out.toString(StandardCharsets.UTF_8);
    } catch (InterruptedException ex) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new Failure("formatting was cancelled");
    }
  }

  private static Thread pump(InputStream in, ByteArrayOutputStream out) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(out);
      } catch (IOException e) {
        // the process ended
      }
    }, "nix4j-formatter-io");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
