package org.nix4j.cli;

import java.io.PrintStream;

/**
 * Entry point of {@code bin/nix4j}. Dispatches on the first argument to one subcommand; each
 * subcommand parses its own options, so that a short-lived {@code nix4j parse} loads only what it
 * needs.
 *
 * <p>Exit codes, shared by every subcommand: 0 success, 1 the input has errors (parse, compile or
 * evaluation), 2 bad usage (unknown subcommand or option), 3 an internal error of nix4j.
 */
public final class Main {
  public static final int OK = 0;
  public static final int INPUT_ERROR = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 3;

  /** A subcommand: runs with the remaining arguments and returns the exit code. */
  public interface Command {
    int run(String[] args, PrintStream out, PrintStream err) throws Exception;

    String summary();
  }

  /** The subcommands, sorted by name (as usage lists them). */
  private static final String[] NAMES = {TrainCommand.NAME, "check", "eval", "lsp", "parse", "repl"};

  /**
   * The subcommand called {@code name}, or null. A switch rather than a map of constructor
   * references: each reference would be linked through method handles at start-up.
   */
  private static Command command(String name) {
    return switch (name) {
      case "parse" -> new ParseCommand();
      case "eval" -> new EvalCommand();
      case TrainCommand.NAME -> new TrainCommand();
      case "check" -> new CheckCommand();
      case "lsp" -> new LspCommand();
      case "repl" -> new ReplCommand();
      default -> null;
    };
  }

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs nix4j with {@code args} and returns the exit code; never throws. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      usage(args.length == 0 ? err : out);
      return args.length == 0 ? USAGE : OK;
    }
    if (args[0].equals("--version")) {
      out.println("nix4j " + version());
      return OK;
    }
    Command command = command(args[0]);
    if (command == null) {
      err.println("nix4j: unknown command '" + args[0] + "'");
      usage(err);
      return USAGE;
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    try {
      return command.run(rest, out, err);
    } catch (Throwable t) {
      err.println("nix4j: internal error: " + t);
      return INTERNAL;
    }
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }

  private static void usage(PrintStream s) {
    s.println("usage: nix4j <command> [options]");
    s.println();
    s.println("commands:");
    for (String name : NAMES) {
      if (name.startsWith("__")) {
        continue;
      }
      s.printf("  %-8s %s%n", name, command(name).summary());
    }
    s.println();
    s.println("exit codes: 0 ok, 1 errors in the input, 2 bad usage, 3 internal error");
  }
}
