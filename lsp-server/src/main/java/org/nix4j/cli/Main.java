package org.nix4j.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

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

  private static final Map<String, Supplier<Command>> COMMANDS = new TreeMap<>();

  static {
    // Subcommands are registered here as they are built: parse, eval, check, lsp, repl.
    COMMANDS.put("parse", ParseCommand::new);
    COMMANDS.put("eval", EvalCommand::new);
    COMMANDS.put(TrainCommand.NAME, TrainCommand::new);
    COMMANDS.put("check", CheckCommand::new);
    COMMANDS.put("lsp", LspCommand::new);
    COMMANDS.put("repl", ReplCommand::new);
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
    Supplier<Command> factory = COMMANDS.get(args[0]);
    if (factory == null) {
      err.println("nix4j: unknown command '" + args[0] + "'");
      usage(err);
      return USAGE;
    }
    String[] rest = new String[args.length - 1];
    System.arraycopy(args, 1, rest, 0, rest.length);
    try {
      return factory.get().run(rest, out, err);
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
    for (Map.Entry<String, Supplier<Command>> e : COMMANDS.entrySet()) {
      if (e.getKey().startsWith("__")) {
        continue;
      }
      s.printf("  %-8s %s%n", e.getKey(), e.getValue().get().summary());
    }
    s.println();
    s.println("exit codes: 0 ok, 1 errors in the input, 2 bad usage, 3 internal error");
  }
}
