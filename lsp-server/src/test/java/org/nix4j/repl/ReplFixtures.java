package org.nix4j.repl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The REPL fixtures (fixtures/repl): NAME.nixrepl, the lines typed; NAME.args, the files
 * loaded first; NAME.transcript, what {@code nix repl} of Nix 2.8 wrote (fixtures/repl/regen.sh);
 * known-failures.txt, scripts nix4j does not pass yet.
 */
public final class ReplFixtures {
  public static final Path DIR =
      Path.of(System.getProperty("nix4j.fixtures", "../fixtures")).resolve("repl");

  private ReplFixtures() {}

  /** Every script, sorted. */
  public static List<Path> scripts() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.toString().endsWith(".nixrepl")).sorted().toList();
    }
  }

  public static String name(Path script) {
    return script.getFileName().toString().replaceAll("\\.nixrepl$", "");
  }

  public static Set<String> knownFailures() throws IOException {
    Path f = DIR.resolve("known-failures.txt");
    Set<String> out = new HashSet<>();
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f)) {
        line = line.strip();
        if (!line.isEmpty() && !line.startsWith("#")) {
          out.add(line);
        }
      }
    }
    return out;
  }

  /** The directory of the fixtures, absolute, as Nix prints it (Unicode). */
  public static String dir() {
    return DIR.toAbsolutePath().normalize().toString();
  }

  /** The transcript Nix wrote, with @DIR@ replaced by the directory. */
  public static String expected(Path script) throws IOException {
    Path t = Path.of(script.toString().replaceAll("\\.nixrepl$", ".transcript"));
    return Files.readString(t, StandardCharsets.UTF_8).replace("@DIR@", dir());
  }

  /** The files among the arguments (those not given with {@code -I}). */
  public static List<String> files(Path script) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    List<String> args = args(script);
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("-I")) {
        i++;
      } else {
        out.add(args.get(i));
      }
    }
    return out;
  }

  /** The {@code -I} arguments: search path entries, relative to the fixtures' directory. */
  public static List<String> includes(Path script) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    List<String> args = args(script);
    for (int i = 0; i + 1 < args.size(); i++) {
      if (args.get(i).equals("-I")) {
        String inc = args.get(++i);
        int eq = inc.indexOf('=');
        out.add(inc.substring(0, eq + 1) + dir() + "/" + inc.substring(eq + 1));
      }
    }
    return out;
  }

  /** The arguments of {@code nix repl}: NAME.args, split at white space. */
  public static List<String> args(Path script) throws IOException {
    Path a = Path.of(script.toString().replaceAll("\\.nixrepl$", ".args"));
    if (!Files.exists(a)) {
      return List.of();
    }
    String line = Files.readAllLines(a, StandardCharsets.UTF_8).get(0).strip();
    return line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
  }
}
