package org.nix4j.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.SearchPath;
import org.nix4j.io.RealIO;
import org.nix4j.repl.Repl;
import org.nix4j.repl.Transcript;
import org.nix4j.value.NixString;

/**
 * {@code nix4j repl}: the read-eval-print loop of {@link Repl}.
 *
 * <pre>
 * nix4j repl [-I PATH]... [FILE]...
 * </pre>
 *
 * On a terminal it reads with JLine ({@link InteractiveRepl}: line editing, history, completion,
 * Ctrl-C to stop an evaluation). When stdin is not a terminal it reads lines from stdin and
 * writes what {@code nix repl} writes then (the prompt and the echoed line, the output, an empty
 * line), without colours, so that it can be scripted and compared with Nix. The FILEs are loaded
 * first, as with {@code :l}. Exit 0, or 1 when a FILE fails to load.
 */
final class ReplCommand implements Main.Command {
  static final String USAGE = "usage: nix4j repl [-I PATH]... [FILE]...";

  @Override
  public String summary() {
    return "interactive read-eval-print loop (reads lines from stdin when it is not a terminal)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    String cwd = RealIO.fromPath(Path.of("").toAbsolutePath());
    List<String> includes = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-I", "--include" -> {
          if (i + 1 == args.length) {
            err.println("nix4j repl: option '" + a + "' needs an argument");
            return Main.USAGE;
          }
          includes.add(NixString.bytesOf(args[++i]));
        }
        case "-h", "--help" -> {
          out.println(USAGE);
          return Main.OK;
        }
        default -> {
          if (a.startsWith("-")) {
            err.println("nix4j repl: unknown option '" + a + "'");
            err.println(USAGE);
            return Main.USAGE;
          }
          files.add(a);
        }
      }
    }
    EvalOptions opts = new EvalOptions();
    RealIO io = new RealIO();
    opts.io = io;
    List<String> resolved = new ArrayList<>();
    for (String inc : includes) {
      int eq = inc.indexOf('=');
      String prefix = eq < 0 ? "" : inc.substring(0, eq + 1);
      String path = eq < 0 ? inc : inc.substring(eq + 1);
      boolean abs = path.startsWith("/") || path.contains("://");
      resolved.add(prefix + (abs ? path : cwd + "/" + path));
    }
    opts.searchPath = SearchPath.parse(resolved, io.getEnv("NIX_PATH").orElse(null));
    opts.traceSink = s -> {
      out.flush();
      err.println("trace: " + NixString.unicodeOf(s));
      err.flush();
    };

    boolean interactive = System.console() != null;
    Integer code = EvalCommand.runOnBigStack(() -> {
      try {
        if (interactive) {
          return new InteractiveRepl(opts, cwd, files).run();
        }
        return runPiped(new Repl(opts, cwd, false), files, out, err);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return code;
  }

  /** Reads stdin line by line and writes the transcript (UTF-8) to {@code out} and {@code err}. */
  private static int runPiped(Repl repl, List<String> files, PrintStream out, PrintStream err)
      throws java.io.IOException {
    Repl.Output sink = new Repl.Output() {
      @Override
      public void out(String text) {
        write(out, text);
      }

      @Override
      public void err(String text) {
        out.flush();
        write(err, text);
      }
    };
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    boolean loaded = Transcript.run(repl, files, in, sink);
    out.flush();
    return loaded ? Main.OK : Main.INPUT_ERROR;
  }

  private static void write(PrintStream s, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    s.write(b, 0, b.length);
    s.flush();
  }
}
