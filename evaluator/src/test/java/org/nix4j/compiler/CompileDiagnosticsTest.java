package org.nix4j.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.nix4j.syntax.LineIndex;

/**
 * Every diagnostic of the compiler, as data: fixtures/compile/NAME.nix and NAME.diagnostics,
 * one line per diagnostic ({@code L:C-L:C severity code: message}, «file» for the file's path).
 * Nix has no warnings, so the expected warnings are nix4j's specification, written by hand; the
 * errors are Nix's (see CompileFixturesTest for them against real Nix).
 */
class CompileDiagnosticsTest {
  @TestFactory
  Stream<DynamicTest> diagnostics() throws IOException {
    Path dir = CompileFixturesTest.FIXTURES.resolve("compile");
    return CompileFixturesTest.nix("compile").map(f -> DynamicTest.dynamicTest(
        f.getFileName().toString(), () -> {
          CompileResult r = CompileFixturesTest.compile(f);
          LineIndex lines = r.file().lines();
          List<String> got = new ArrayList<>();
          for (Diagnostic d : r.diagnostics()) {
            var a = lines.lineCol(d.range().start());
            var b = lines.lineCol(d.range().end());
            got.add((a.line() + 1) + ":" + (a.column() + 1) + "-" + (b.line() + 1) + ":" + (b.column() + 1)
                + " " + d.severity().name().toLowerCase() + " " + d.code().id + ": "
                + d.message().replace(r.file().name(), "«file»")
                    .replace(new String(r.file().name().getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.ISO_8859_1), "«file»"));
          }
          Path exp = dir.resolve(f.getFileName().toString().replaceAll("\\.nix$", ".diagnostics"));
          String want = Files.readString(exp, StandardCharsets.UTF_8).strip();
          assertEquals(want, String.join("\n", got).strip());
        }));
  }
}
