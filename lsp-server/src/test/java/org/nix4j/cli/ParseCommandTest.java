package org.nix4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {
  private String out;
  private String err;

  private int run(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    out = o.toString(StandardCharsets.UTF_8);
    err = e.toString(StandardCharsets.UTF_8);
    return code;
  }

  @Test
  void validTextPrintsNothingAndExitsZero() {
    assertEquals(0, run("parse", "-E", "{ a = 1; }"));
    assertEquals("", out);
    assertEquals("", err);
  }

  @Test
  void errorsArePrintedWithLineColumnSourceLineAndCaret() {
    assertEquals(1, run("parse", "-E", "{ a = 1 }"));
    assertEquals("\u00abstring\u00bb:1:9: error: unexpected `}`, expected `;` after the binding of `a`\n"
        + "  { a = 1 }\n"
        + "          ^\n", err);
  }

  @Test
  void columnsCountBytesButTheCaretCountsCharacters(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("u.nix");
    Files.write(f, "{ \u00e9 = 1; }\n\"\u00e9\" +\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, run("parse", f.toString()));
    assertEquals(f + ":2:7: error: unexpected end of file, expected an expression\n"
        + "  \"\u00e9\" +\n"
        + "       ^\n", err.substring(err.indexOf(f + ":2")));
    assertTrue(err.startsWith(f + ":1:3: error: unexpected character `\u00e9`"), err);
  }

  @Test
  void treeIsPrinted() {
    assertEquals(0, run("parse", "--tree", "-E", "x: x"));
    assertTrue(out.startsWith("ROOT@0..4\n  LAMBDA@0..4\n    IDENT_PARAM@0..1\n"), out);
  }

  @Test
  void badUsageExitsTwo() {
    assertEquals(2, run("parse", "--bogus"));
    assertEquals(2, run("parse"));
    assertEquals(2, run("parse", "-E"));
  }

  @Test
  void missingFileIsAnInputError(@TempDir Path dir) {
    assertEquals(1, run("parse", dir.resolve("nope.nix").toString()));
    assertTrue(err.contains("no such file"), err);
  }
}
