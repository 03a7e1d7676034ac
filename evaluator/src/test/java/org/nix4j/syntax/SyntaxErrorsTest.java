package org.nix4j.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The error recovery cases of {@code syntax-errors.txt}: exactly these errors, no others. */
class SyntaxErrorsTest {
  @TestFactory
  Stream<DynamicTest> recoveryCases() throws IOException {
    String all;
    try (InputStream in = getClass().getResourceAsStream("/syntax-errors.txt")) {
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    StringBuilder body = new StringBuilder();
    for (String line : all.split("\n")) {
      if (!line.startsWith("#")) {
        body.append(line).append('\n');
      }
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (String c : body.toString().split("===\n")) {
      int sep = c.indexOf("---\n");
      String text = Bytes.fromUnicode(c.substring(0, sep));
      String expected = c.substring(sep + 4).strip();
      String name = text.strip().split("\n")[0];
      tests.add(DynamicTest.dynamicTest(name, () -> {
        Parse p = Parser.parse(text);
        assertEquals(text, p.green().text());
        StringBuilder got = new StringBuilder();
        SourceFile src = SourceFile.ofString(text);
        for (SyntaxError e : p.errors()) {
          got.append(src.lineColumn(e.start())).append(": ").append(e.message()).append('\n');
        }
        assertEquals(expected, got.toString().strip());
      }));
    }
    return tests.stream();
  }
}
