package org.nix4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.SyntaxError;

/**
 * {@code nix4j parse FILE...} / {@code nix4j parse -E EXPR}: parses, prints nothing and exits 0
 * when the text parses; prints each syntax error as {@code file:line:col: error: message} with the
 * source line and a caret, and exits 1, when it does not. {@code --tree} prints the syntax tree.
 * Columns are 1-based and count bytes, as Nix's do.
 */
final class ParseCommand implements Main.Command {
  @Override
  public String summary() {
    return "check the syntax of FILE... or of -E EXPR; --tree prints the syntax tree";
  }

  @Override
  public int run(String[] args, PrintStream out0, PrintStream err0) throws IOException {
    PrintStream out = new PrintStream(out0, false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(err0, false, StandardCharsets.UTF_8);
    try {
      return parseAll(args, out, err);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int parseAll(String[] args, PrintStream out, PrintStream err) throws IOException {
    boolean tree = false;
    List<SourceFile> sources = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--tree":
          tree = true;
          break;
        case "-E":
        case "--expr":
          if (i + 1 >= args.length) {
            err.println("nix4j parse: -E needs an expression");
            return Main.USAGE;
          }
          sources.add(SourceFile.ofString(Bytes.fromUnicode(args[++i])));
          break;
        case "-h":
        case "--help":
          out.println("usage: nix4j parse [--tree] FILE... | nix4j parse [--tree] -E EXPR");
          out.println(summary());
          return Main.OK;
        default:
          if (a.startsWith("-") && !a.equals("-")) {
            err.println("nix4j parse: unknown option '" + a + "'");
            return Main.USAGE;
          }
          Path p = Path.of(a);
          byte[] bytes;
          try {
            bytes = a.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(p);
          } catch (NoSuchFileException e) {
            err.println("nix4j parse: " + a + ": no such file");
            return Main.INPUT_ERROR;
          } catch (IOException e) {
            err.println("nix4j parse: " + a + ": " + e.getMessage());
            return Main.INPUT_ERROR;
          }
          sources.add(SourceFile.ofFile(a.equals("-") ? Path.of("(stdin)") : p, bytes));
          break;
      }
    }
    if (sources.isEmpty()) {
      err.println("usage: nix4j parse [--tree] FILE... | nix4j parse [--tree] -E EXPR");
      return Main.USAGE;
    }
    int code = Main.OK;
    for (SourceFile src : sources) {
      List<SyntaxError> errors;
      if (tree) {
        Parse parse = Parser.parse(src.text());
        out.print(Bytes.toUnicode(parse.root().dump()));
        errors = parse.errors();
      } else {
        // Nobody looks at the tree: find the errors without building it.
        errors = Parser.check(src.text());
      }
      for (SyntaxError e : errors) {
        report(src, e, err);
        code = Main.INPUT_ERROR;
      }
    }
    return code;
  }

  /** {@code file:line:col: error: message}, the source line, a caret under the column. */
  static void report(SourceFile src, SyntaxError e, PrintStream err) {
    int off = e.start();
    LineIndex lines = src.lines();
    int line = lines.lineOf(off);
    err.println(src.location(off) + ": error: " + e.message());
    String lineText = lines.lineText(line);
    int col = off - lines.lineStart(line);
    String before = Bytes.toUnicode(lineText.substring(0, Math.min(col, lineText.length())));
    StringBuilder caret = new StringBuilder();
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\t') {
        caret.append('\t');
      } else if (!Character.isLowSurrogate(c)) {
        caret.append(' ');
      }
    }
    caret.append('^');
    err.println("  " + Bytes.toUnicode(lineText));
    err.println("  " + caret);
  }
}
