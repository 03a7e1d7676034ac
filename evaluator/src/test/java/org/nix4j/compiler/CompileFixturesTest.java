package org.nix4j.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nix4j.io.RealIO;
import org.nix4j.syntax.SourceFile;

/**
 * The compiler against real Nix's parser, which also binds variables: every parse/ok fixture
 * compiles without errors, and every parse/fail fixture whose error real Nix reports after
 * parsing (undefined variables, duplicate attributes or formals, dynamic attributes in let or
 * inherit) gives the same first error, at the same line and column.
 */
class CompileFixturesTest {
  static final Path FIXTURES = Path.of(System.getProperty("nix4j.fixtures", "../fixtures"));
  private static final java.util.Map<String, org.nix4j.value.Value> GLOBALS =
      new org.nix4j.eval.Evaluator(new org.nix4j.eval.EvalOptions()).builtins().globals();

  static CompileResult compile(Path f) throws IOException {
    String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    SourceFile file = SourceFile.ofFile(f.toAbsolutePath().normalize(), text);
    String dir = RealIO.fromPath(f.toAbsolutePath().normalize().getParent());
    return Compiler.compile(file, new CompileOptions(GLOBALS, List.of(), dir, "/homeless-shelter"));
  }

  static Stream<Path> nix(String dir) throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES.resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(".nix")).sorted().toList().stream();
    }
  }

  @TestFactory
  Stream<DynamicTest> acceptedProgramsCompileWithoutErrors() throws IOException {
    return nix("parse/ok").map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      CompileResult r = compile(f);
      assertEquals(null, r.firstError(), "first error");
    }));
  }

  @TestFactory
  Stream<DynamicTest> bindingErrorsAsNixReportsThem() throws IOException {
    return nix("parse/fail").filter(f -> {
      String err = expected(f);
      return err != null && !err.contains("syntax error") && !err.contains("invalid integer")
          && !err.contains("invalid float") && !err.contains("path has a trailing slash");
    }).map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
      String want = expected(f);
      CompileResult r = compile(f);
      Diagnostic d = r.firstError();
      assertNotNull(d, "no error; real Nix: " + want);
      String dir = RealIO.fromPath(f.toAbsolutePath().normalize().getParent());
      var lc = r.file().lines().lineCol(d.range().start());
      String got = (lc.line() + 1) + ":" + (lc.column() + 1) + ": " + d.message().replace(dir, "@DIR@");
      assertEquals(want, got);
    }));
  }

  private static String expected(Path nix) {
    Path err = Path.of(nix.toString().replaceAll("\\.nix$", ".nixerr"));
    try {
      return Files.exists(err) ? Files.readString(err, StandardCharsets.ISO_8859_1).strip() : null;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyDiagnosticHasASpanInsideTheFile() throws IOException {
    return Stream.concat(nix("parse/ok"), nix("parse/fail")).map(f ->
        DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
          CompileResult r = compile(f);
          int len = r.file().text().length();
          for (Diagnostic d : r.diagnostics()) {
            assertTrue(d.range().start() >= 0 && d.range().end() <= len, d.toString());
          }
        }));
  }
}
