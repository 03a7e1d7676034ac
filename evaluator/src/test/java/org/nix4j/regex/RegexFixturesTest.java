package org.nix4j.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code builtin-match-*} and {@code builtin-split-*} programs of {@code fixtures/eval} that are
 * nothing but calls on string literals — {@code builtins.match "P" "S"} or a list of such calls in
 * parentheses — evaluated with {@link Regex} and compared with the output of real Nix beside them
 * ({@code .exp}, or the error line of {@code .err}). Other programs need the evaluator and are left
 * to its tests.
 */
class RegexFixturesTest {
  private static Path fixtures() {
    String dir = System.getProperty("nix4j.fixtures");
    Path p = dir != null ? Path.of(dir) : Path.of("../fixtures");
    return p.resolve("eval");
  }

  /** One call: kind, pattern, input. */
  record Call(String kind, String pattern, String input) {}

  /** The calls of a program made only of them, or null. */
  static List<Call> parse(String source) {
    StringBuilder body = new StringBuilder();
    for (String line : source.split("\n")) {
      if (!line.startsWith("#")) {
        body.append(line).append('\n');
      }
    }
    String t = body.toString().trim();
    boolean list = t.startsWith("[") && t.endsWith("]");
    if (list) {
      t = t.substring(1, t.length() - 1).trim();
    }
    List<Call> calls = new ArrayList<>();
    int i = 0;
    while (i < t.length()) {
      boolean paren = t.charAt(i) == '(';
      if (list != paren) {
        return null;
      }
      if (paren) {
        i++;
      }
      String kind;
      if (t.startsWith("builtins.match ", i)) {
        kind = "match";
      } else if (t.startsWith("builtins.split ", i)) {
        kind = "split";
      } else {
        return null;
      }
      i += "builtins.match ".length();
      if (i >= t.length() || t.charAt(i) != '"') {
        return null;
      }
      int pEnd = NixText.literalEnd(t, i);
      if (pEnd + 1 >= t.length() || t.charAt(pEnd) != ' ' || t.charAt(pEnd + 1) != '"') {
        return null;
      }
      int sEnd = NixText.literalEnd(t, pEnd + 1);
      String p = t.substring(i, pEnd);
      String s = t.substring(pEnd + 1, sEnd);
      if (p.contains("${") || s.contains("${")) {
        return null;
      }
      calls.add(new Call(kind, NixText.unquote(p), NixText.unquote(s)));
      i = sEnd;
      if (paren) {
        if (i >= t.length() || t.charAt(i) != ')') {
          return null;
        }
        i++;
      }
      while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
        i++;
      }
      if (!list && i < t.length()) {
        return null;
      }
    }
    return calls.isEmpty() ? null : calls;
  }

  private static String read(Path p) throws IOException {
    return new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
  }

  @TestFactory
  List<DynamicTest> fixturesAgreeWithNix() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String dir : List.of("ok", "fail")) {
      List<Path> files;
      try (Stream<Path> s = Files.list(fixtures().resolve(dir))) {
        files =
            s.filter(
                    p -> {
                      String n = p.getFileName().toString();
                      return (n.startsWith("builtin-match-") || n.startsWith("builtin-split-"))
                          && n.endsWith(".nix");
                    })
                .sorted()
                .toList();
      }
      for (Path file : files) {
        List<Call> calls = parse(read(file));
        if (calls == null) {
          continue;
        }
        String base = file.toString().substring(0, file.toString().length() - 4);
        boolean ok = dir.equals("ok");
        String expected = read(Path.of(base + (ok ? ".exp" : ".err"))).split("\n")[0];
        tests.add(
            DynamicTest.dynamicTest(
                dir + "/" + file.getFileName(),
                () -> {
                  List<String> results = new ArrayList<>();
                  for (Call c : calls) {
                    results.add(NixText.evaluate(c.kind(), c.pattern(), c.input()));
                  }
                  String actual;
                  if (ok) {
                    boolean isList = read(file).trim().endsWith("]");
                    actual = isList ? "[ " + String.join(" ", results) + " ]" : results.get(0);
                    if (isList && results.isEmpty()) {
                      actual = "[ ]";
                    }
                  } else {
                    actual =
                        results.stream().filter(r -> r.startsWith("error: ")).findFirst().orElse("no error");
                  }
                  assertEquals(expected, actual);
                }));
      }
    }
    assertTrue(tests.size() >= 80, "expected the regex fixtures to be found: " + tests.size());
    return tests;
  }
}
