package org.nix4j.eval;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The nix4j side of fixtures/eval/differential/run.sh: runs every {@code p*.nix} of a directory
 * as an eval fixture and compares with what real Nix gave ({@code .exp}: stdout, {@code .err}:
 * the first line of stderr). Prints the programs that disagree and exits 1 when there are any.
 */
public final class EvalDifferential {
  private EvalDifferential() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    List<Path> programs;
    try (Stream<Path> s = Files.list(dir)) {
      programs = s.filter(p -> p.getFileName().toString().endsWith(".nix")).sorted().toList();
    }
    int differ = 0;
    for (Path p : programs) {
      String base = p.toString().replaceAll("\\.nix$", "");
      boolean ok = Files.exists(Path.of(base + ".exp"));
      String expected = new String(Files.readAllBytes(Path.of(base + (ok ? ".exp" : ".err"))),
          StandardCharsets.ISO_8859_1);
      if (!ok) {
        expected = EvalFixturesTest.firstLine(expected);
      }
      EvalFixturesTest.Outcome o = EvalFixturesTest.runGuarded(p);
      String got = ok ? o.stdout() : o.error();
      if (got == null) {
        got = ok ? "(error) " + o.error() : "(value) " + o.stdout();
      }
      if (!expected.equals(got)) {
        differ++;
        System.out.println("== " + p.getFileName() + ": "
            + new String(Files.readAllBytes(p), StandardCharsets.UTF_8).lines().skip(1).findFirst().orElse(""));
        System.out.println("   nix:   " + expected.strip());
        System.out.println("   nix4j: " + got.strip());
      }
    }
    System.out.println(programs.size() + " programs, " + differ + " differ");
    System.exit(differ == 0 ? 0 : 1);
  }
}
