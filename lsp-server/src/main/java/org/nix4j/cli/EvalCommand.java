package org.nix4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.eval.ErrorFormat;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.eval.Formats;
import org.nix4j.eval.Instantiate;
import org.nix4j.eval.SearchPath;
import org.nix4j.io.RealIO;
import org.nix4j.value.NixString;
import org.nix4j.vm.NixError;

/**
 * {@code nix4j eval}: what {@code nix-instantiate --eval} prints, for the same arguments.
 *
 * <pre>
 * nix4j eval [--strict] [--json] [--xml] [-I P] [--arg N E] [--argstr N S] [-A PATH] (FILE | -E EXPR)
 * </pre>
 *
 * Exit 0 with the value on stdout, or 1 with the error (message, position, source line, trace)
 * on stderr.
 */
final class EvalCommand implements Main.Command {
  static final String USAGE = "usage: nix4j eval [--strict] [--json] [--xml] [-I PATH] [--arg NAME EXPR]"
      + " [--argstr NAME STRING] [-A ATTRPATH] [--read-write-mode] [--option NAME VALUE]"
      + " [--extra-experimental-features FEATURES] [--show-trace] [--dump-bytecode]"
      + " [--trace-runtime] (FILE | -E EXPR)";

  @Override
  public String summary() {
    return "evaluate FILE or -E EXPR and print it as nix-instantiate --eval does";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) {
    Instantiate.Request req = new Instantiate.Request();
    req.cwd = RealIO.fromPath(Path.of("").toAbsolutePath());
    boolean showTrace = false;
    boolean dumpBytecode = false;
    boolean traceRuntime = false;
    boolean allowIfd = true;
    java.util.Set<String> features = new java.util.HashSet<>();
    List<String> files = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--strict" -> req.strict = true;
          case "--json" -> req.json = true;
          case "--xml" -> req.xml = true;
          case "--eval" -> { }
          case "--show-trace" -> showTrace = true;
          case "--dump-bytecode" -> dumpBytecode = true;
          case "--trace-runtime" -> traceRuntime = true;
          case "-A", "--attr" -> req.attrPaths.add(bytes(args[++i]));
          case "--arg" -> {
            String n = args[++i];
            req.args.put(bytes(n), new String[] {"expr", bytes(args[++i])});
          }
          case "--argstr" -> {
            String n = args[++i];
            req.args.put(bytes(n), new String[] {"str", bytes(args[++i])});
          }
          case "-I", "--include" -> req.includes.add(bytes(args[++i]));
          case "-E", "--expr" -> req.expr = bytes(args[++i]);
          case "--read-write-mode" -> req.readOnly = false;
          case "--readonly-mode" -> req.readOnly = true;
          case "--option" -> {
            String name = args[++i];
            String value = args[++i];
            switch (name) {
              case "allow-import-from-derivation" -> allowIfd = value.equals("true");
              case "experimental-features" -> {
                features.clear();
                features.addAll(List.of(value.trim().split("\\s+")));
              }
              case "extra-experimental-features" -> features.addAll(List.of(value.trim().split("\\s+")));
              default -> { }
            }
          }
          case "--extra-experimental-features" -> features.addAll(List.of(args[++i].trim().split("\\s+")));
          case "--experimental-features" -> {
            features.clear();
            features.addAll(List.of(args[++i].trim().split("\\s+")));
          }
          case "-h", "--help" -> {
            out.println(USAGE);
            return Main.OK;
          }
          default -> {
            if (a.startsWith("-") && !a.equals("-")) {
              err.println("nix4j eval: unknown option '" + a + "'");
              err.println(USAGE);
              return Main.USAGE;
            }
            files.add(a);
          }
        }
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      err.println("nix4j eval: option '" + args[args.length - 1] + "' needs an argument");
      return Main.USAGE;
    }
    if (req.expr == null) {
      if (files.size() != 1) {
        err.println(files.isEmpty() ? "nix4j eval: give a FILE or -E EXPR" : "nix4j eval: give one FILE");
        err.println(USAGE);
        return Main.USAGE;
      }
      req.file = RealIO.fromPath(Path.of(files.get(0)).toAbsolutePath().normalize());
    }
    EvalOptions opts = new EvalOptions();
    RealIO io = new RealIO();
    opts.io = io;
    List<String> includes = new ArrayList<>();
    for (String inc : req.includes) {
      int eq = inc.indexOf('=');
      String prefix = eq < 0 ? "" : inc.substring(0, eq + 1);
      String path = eq < 0 ? inc : inc.substring(eq + 1);
      boolean abs = path.startsWith("/") || path.contains("://");
      includes.add(prefix + (abs ? path : req.cwd + "/" + path));
    }
    opts.searchPath = SearchPath.parse(includes, io.getEnv("NIX_PATH").orElse(null));
    opts.readOnly = req.readOnly;
    opts.allowImportFromDerivation = allowIfd;
    opts.experimentalFeatures = features;
    // Anonymous classes, not lambdas, on the start-up path: a lambda is linked through method
    // handles when first evaluated, which costs a short-lived process milliseconds.
    opts.traceSink = new java.util.function.Consumer<>() {
      @Override
      public void accept(String s) {
        err.println("trace: " + NixString.unicodeOf(s));
      }
    };
    if (dumpBytecode) {
      opts.compileListener = (name, proto) -> {
        err.println("bytecode of " + name + ":");
        err.print(org.nix4j.bytecode.Disassembler.dump(proto));
      };
    }
    if (traceRuntime) {
      opts.observer = new org.nix4j.vm.TracingObserver(err, true);
    }
    Evaluator ev = new Evaluator(opts);
    String result;
    try {
      result = runOnBigStack(new java.util.function.Supplier<>() {
        @Override
        public String get() {
          return new Instantiate(ev, Formats.DEFAULT).run(req);
        }
      });
    } catch (NixError e) {
      String partial = e.partialOutput();
      if (partial != null) {
        out.write(partial.getBytes(StandardCharsets.ISO_8859_1), 0, partial.length());
        out.flush();
      }
      printError(e, err, showTrace);
      return Main.INPUT_ERROR;
    }
    out.write(result.getBytes(StandardCharsets.ISO_8859_1), 0, result.length());
    out.flush();
    return Main.OK;
  }

  private static String bytes(String arg) {
    return NixString.bytesOf(arg);
  }

  /** Runs on a thread with a large stack: the compiler recurses on deeply nested syntax. */
  static <T> T runOnBigStack(java.util.function.Supplier<T> work) {
    Object[] box = new Object[1];
    RuntimeException[] failed = new RuntimeException[1];
    Error[] error = new Error[1];
    Runnable body = new Runnable() {
      @Override
      public void run() {
        try {
          box[0] = work.get();
        } catch (RuntimeException e) {
          failed[0] = e;
        } catch (Error e) {
          error[0] = e;
        }
      }
    };
    Thread t = new Thread(null, body, "nix4j-eval", 1L << 30);
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (failed[0] != null) {
      throw failed[0];
    }
    if (error[0] != null) {
      throw error[0];
    }
    @SuppressWarnings("unchecked")
    T result = (T) box[0];
    return result;
  }

  /** Prints an error as Nix does: the message, where, the source line with a caret, the trace. */
  static void printError(NixError e, PrintStream err, boolean showTrace) {
    err.print(ErrorFormat.command(e, showTrace));
    err.flush();
  }
}
