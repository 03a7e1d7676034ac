package org.nix4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.Checker;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.SourceFile;

/**
 * {@code nix4j check FILE…}: the diagnostics the language server gives, on the command line,
 * one per line: {@code file:line:col: severity: message [code]} (line and column one-based, the
 * column in bytes as Nix counts). Exit 1 when there is an error, else 0 (warnings alone pass).
 * {@code --no-eval} checks syntax and scopes only, without evaluating.
 */
final class CheckCommand implements Main.Command {
  static final String USAGE = "usage: nix4j check [--no-eval] [-I PATH] FILE...";

  @Override
  public String summary() {
    return "print the language server's diagnostics of FILE... (exit 1 on errors)";
  }

  @Override
  public int run(String[] args, PrintStream out0, PrintStream err0) throws IOException {
    PrintStream out = new PrintStream(out0, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(err0, false, StandardCharsets.UTF_8);
    try {
      return check(args, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int check(String[] args, PrintStream out, PrintStream err) throws IOException {
    List<Path> files = new ArrayList<>();
    List<String> includes = new ArrayList<>();
    boolean eval = true;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-eval")) {
        eval = false;
      } else if (a.equals("-I")) {
        if (i + 1 >= args.length) {
          err.println("nix4j check: -I needs a path");
          return Main.USAGE;
        }
        includes.add(args[++i]);
      } else if (a.equals("-h") || a.equals("--help")) {
        out.println(USAGE);
        return Main.OK;
      } else if (a.startsWith("-")) {
        err.println("nix4j check: unknown option '" + a + "'");
        err.println(USAGE);
        return Main.USAGE;
      } else {
        files.add(Path.of(a));
      }
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return Main.USAGE;
    }
    int code = Main.OK;
    Checker checker = new Checker(includes, eval);
    for (Path f : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (NoSuchFileException e) {
        err.println("nix4j check: " + f + ": no such file");
        code = Main.INPUT_ERROR;
        continue;
      } catch (IOException e) {
        err.println("nix4j check: " + f + ": " + e.getMessage());
        code = Main.INPUT_ERROR;
        continue;
      }
      SourceFile src = SourceFile.ofFile(f.toAbsolutePath().normalize(), bytes);
      for (IdeDiagnostic d : checker.check(src)) {
        out.println(format(f.toString(), src, d));
        if (d.isError()) {
          code = Main.INPUT_ERROR;
        }
      }
    }
    return code;
  }

  /** {@code file:line:col: severity: message [code]}. */
  static String format(String name, SourceFile src, IdeDiagnostic d) {
    LineIndex.LineCol lc = src.lines().lineCol(d.range().start(), LineIndex.Encoding.UTF8);
    String severity = d.severity().name().toLowerCase(java.util.Locale.ROOT);
    return name + ":" + (lc.line() + 1) + ":" + (lc.column() + 1) + ": " + severity + ": "
        + org.nix4j.server.Text.unicode(d.message()) + " [" + d.code() + "]";
  }
}
