package org.nix4j.eval;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.nix4j.io.RealIO;
import org.nix4j.io.SandboxIO;
import org.nix4j.syntax.Mutations;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.vm.Budget;
import org.nix4j.vm.NixError;

/**
 * Broken and half-typed programs — the eval fixtures with random edits, and their prefixes, as
 * an editor sends them keystroke by keystroke — are compiled and evaluated strictly, in the
 * language server's sandbox and under a small budget, on a thread with a small stack. Each must
 * give a value or a {@link NixError}: never another exception, never a stack overflow, never a
 * hang (the budget stops it).
 */
class EvalRobustnessTest {
  private static final List<Path> PROGRAMS = programs();
  private static final String ROOT = RealIO.fromPath(EvalFixturesTest.EVAL.toAbsolutePath().normalize());

  private static List<Path> programs() {
    try (Stream<Path> ok = Files.list(EvalFixturesTest.EVAL.resolve("ok"));
        Stream<Path> bad = Files.list(EvalFixturesTest.EVAL.resolve("fail"))) {
      return Stream.concat(ok, bad).filter(p -> p.toString().endsWith(".nix")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Property(tries = 500)
  void mutatedProgramsGiveAValueOrAnError(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed)
      throws Exception {
    Random rnd = new Random(seed);
    Path p = PROGRAMS.get(rnd.nextInt(PROGRAMS.size()));
    String text = read(p);
    String program = switch (rnd.nextInt(3)) {
      case 0 -> text.substring(0, rnd.nextInt(text.length() + 1)); // typed up to here
      case 1 -> Mutations.mutate(text, rnd, 1 + rnd.nextInt(4)); // mostly syntax errors
      default -> replaceExpressions(text, rnd, 1 + rnd.nextInt(3)); // still parses
    };
    evaluate(p, program);
  }

  /** Values of every type, and failures, to put where an expression was. */
  private static final String[] EXPRESSIONS = {
    "null", "true", "0", "(-1)", "9223372036854775807", "2.5", "\"s\"", "''x''", "./.", "/",
    "[ ]", "[ 1 \"a\" ]", "{ }", "{ a = 1; }", "(x: x)", "({ a ? 1, ... }: a)", "builtins",
    "builtins.head", "(throw \"t\")", "(abort \"a\")", "(assert false; 1)", "(import ./.)",
    "(let x = x; in x)", "(rec { a = b; b = a; }).a", "\"${./.}\"", "(builtins.toFile \"f\" \"x\")",
    "(derivation { name = \"d\"; system = \"s\"; builder = \"b\"; })", "<nixpkgs>"
  };

  /**
   * The text with whole expressions replaced by other expressions (another one of the program,
   * or one of {@link #EXPRESSIONS}), parenthesised: a program that parses, with type errors,
   * missing attributes, wrong calls and recursion where the original had none.
   */
  private static String replaceExpressions(String text, Random rnd, int count) {
    for (int k = 0; k < count; k++) {
      Parse parse = Parser.parse(text);
      List<SyntaxNode> exprs = parse.root().descendants().stream()
          .filter(n -> EXPRESSION_KINDS.contains(n.kind())).toList();
      if (exprs.isEmpty()) {
        return text;
      }
      SyntaxNode target = exprs.get(rnd.nextInt(exprs.size()));
      String with = rnd.nextBoolean()
          ? EXPRESSIONS[rnd.nextInt(EXPRESSIONS.length)]
          : exprs.get(rnd.nextInt(exprs.size())).text().strip();
      int start = target.offset();
      int end = target.endOffset();
      text = text.substring(0, start) + "(" + with + ")" + text.substring(end);
    }
    return text;
  }

  private static final java.util.Set<SyntaxKind> EXPRESSION_KINDS = java.util.EnumSet.of(
      SyntaxKind.IDENT_EXPR, SyntaxKind.LITERAL, SyntaxKind.STRING, SyntaxKind.IND_STRING,
      SyntaxKind.PATH_EXPR, SyntaxKind.PAREN, SyntaxKind.LIST, SyntaxKind.ATTR_SET,
      SyntaxKind.LET_IN, SyntaxKind.WITH, SyntaxKind.IF_ELSE, SyntaxKind.LAMBDA, SyntaxKind.APPLY,
      SyntaxKind.SELECT, SyntaxKind.HAS_ATTR, SyntaxKind.UNARY_OP, SyntaxKind.BINARY_OP);

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
  }

  private static void evaluate(Path file, String program) throws Exception {
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        EvalOptions o = new EvalOptions();
        o.io = new SandboxIO(List.of(ROOT));
        o.traceSink = s -> { };
        o.warningSink = s -> { };
        Evaluator ev = new Evaluator(o, new Budget(200_000, TimeUnit.SECONDS.toNanos(5), 0));
        Instantiate.Request req = new Instantiate.Request();
        req.expr = program;
        req.cwd = RealIO.fromPath(file.toAbsolutePath().normalize().getParent());
        req.strict = true;
        new Instantiate(ev, Formats.DEFAULT).run(req);
      } catch (NixError e) {
        // the expected outcome of a broken program
      } catch (Throwable e) {
        thrown[0] = e;
      }
    }, "eval-robustness", 1 << 20);
    t.start();
    t.join(TimeUnit.SECONDS.toMillis(60));
    if (t.isAlive()) {
      t.interrupt();
      fail("no answer within 60 s (budget not honoured) for a program made from " + file.getFileName()
          + ":\n" + program);
    }
    if (thrown[0] != null) {
      java.io.StringWriter sw = new java.io.StringWriter();
      thrown[0].printStackTrace(new java.io.PrintWriter(sw));
      fail(thrown[0] + " for a program made from " + file.getFileName() + ":\n" + program + "\n" + sw);
    }
  }
}
