package org.nix4j.syntax;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checker of {@code fixtures/parse/differential/run.sh} (see there): for each {@code N.nix}
 * of a directory, compares our parse with what real Nix said, {@code N.parsed} (accepted: our
 * tree printed like {@code nix-instantiate --parse} must be identical) or {@code N.err} (rejected:
 * on a syntax error our first error must be at Nix's line and column, with Nix's message). Exits
 * 1 on any difference.
 *
 * <p>{@code ParseDifferential DIR HOME}
 */
public final class ParseDifferential {
  private ParseDifferential() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    String home = args.length > 1 ? args[1] : System.getenv("HOME");
    String dirName = Bytes.fromUnicode(dir.toAbsolutePath().toString());
    int same = 0;
    int differ = 0;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".nix")).sorted().toList();
    }
    for (Path f : files) {
      String text = Bytes.toByteString(Files.readAllBytes(f));
      Parse p = Parser.parse(text);
      String problem = null;
      Path parsed = f.resolveSibling(Fixtures.name(f) + ".parsed");
      Path err = f.resolveSibling(Fixtures.name(f) + ".err");
      if (!p.green().text().equals(text)) {
        problem = "the tree does not spell the source";
      } else if (Files.exists(parsed)) {
        if (!p.ok()) {
          problem = "Nix accepts it, we report " + p.errors();
        } else {
          String expected = Bytes.toByteString(Files.readAllBytes(parsed));
          String got = NixShow.show(p.expr(), dirName, home) + "\n";
          if (!ParsedOrder.canonicalOrder(expected)
              .equals(ParsedOrder.canonicalOrder(got))) {
            problem = "Nix: " + expected.strip() + "\n  us:  " + got.strip();
          }
        }
      } else if (Files.exists(err)) {
        String nixErr = Files.readString(err).strip();
        if (ParseFixturesTest.isSyntaxError(nixErr)) {
          if (p.ok()) {
            problem = "Nix: " + nixErr + "; we report no error";
          } else {
            SyntaxError first = p.errors().get(0);
            String where = SourceFile.ofString(text).lineColumn(first.start());
            if (!nixErr.equals(where + ": " + first.nixMessage())) {
              problem = "Nix: " + nixErr + "; us: " + where + ": " + first.nixMessage()
                  + " (" + first.message() + ")";
            }
          }
        }
      }
      if (problem == null) {
        same++;
      } else {
        differ++;
        System.out.println(f + ": " + problem);
      }
    }
    System.out.println(same + " programs agree with Nix, " + differ + " differ");
    if (differ > 0) {
      System.exit(1);
    }
  }
}
