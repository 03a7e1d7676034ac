package org.nix4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A plain evaluation links no lambda of nix4j's: the first lambda a run links initialises
 * {@code java.lang.invoke} (about 7 ms of every {@code nix4j eval -E 1}, 15–18 ms of a short
 * run), and under C1 each capturing lambda is made through a method handle. The compiler, the
 * store and the common builtins use classes instead. Checked in a separate JVM that logs every
 * class it loads.
 */
class StartupLinkageTest {
  private static final String PROGRAM = String.join("\n",
      "let",
      "  s = builtins.concatStringsSep \" \" (map toString (builtins.genList (i: i) 20));",
      "  m = builtins.match \"([0-9]+) .*\" s;",
      "  p = builtins.split \" \" s;",
      "  r = builtins.replaceStrings [ \"1\" ] [ \"one\" ] s;",
      "  sorted = builtins.sort (a: b: a < b) [ 3 1 2 ];",
      "  bits = builtins.bitAnd 12 10 + builtins.bitOr 1 2 + builtins.bitXor 3 1;",
      "  attrs = builtins.listToAttrs [ { name = \"b\"; value = 1; } { name = \"a\"; value = 2; } ];",
      "  grouped = builtins.groupBy (x: toString (x / 2)) [ 1 2 3 4 ];",
      "  zipped = builtins.zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ];",
      "  h = builtins.hashString \"sha256\" \"x\";",
      "  rec1 = rec { x = y + 1; y = 2; z = [ x y ]; w = { inherit x y; }; };",
      "  t = builtins.tryEval (throw \"no\");",
      "  ctx = builtins.unsafeDiscardStringContext \"x\";",
      "  base = baseNameOf \"/a/b\" + dirOf \"/a/b\";",
      "  j = builtins.fromJSON (builtins.toJSON { a = [ 1 2.5 \"x\" null true ]; });",
      "  fa = builtins.functionArgs ({ a, b ? 1 }: a);",
      "  len = builtins.stringLength s + builtins.length p;",
      "  sub = builtins.substring 1 3 s;",
      "  e = builtins.pathExists /nonexistent/nix4j;",
      "  f = builtins.readFile /etc/passwd != \"\";",
      "  traced = builtins.trace \"t\" 1;",
      "  neg = -len;",
      "in [ m r sorted bits attrs grouped zipped h rec1 t ctx base j fa len sub e f traced neg ]");

  @Test
  void aPlainEvaluationLinksNoLambda() throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
        "-Xlog:class+load=info", "org.nix4j.cli.Main", "eval", "--strict", "-E", PROGRAM);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "nix4j eval ends");
    assertEquals(Main.OK, p.exitValue(), out);
    assertTrue(out.contains("trace: t"), "the program ran to its end");
    Matcher lambda = Pattern.compile("org\\.nix4j\\.[\\w.$]*\\$\\$Lambda\\S*").matcher(out);
    assertTrue(!lambda.find(), () -> "a lambda was linked: " + lambda.group());
  }
}
