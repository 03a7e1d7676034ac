package org.nix4j.bench;

import java.util.concurrent.TimeUnit;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.Lexer;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.Reparser;
import org.nix4j.syntax.TextEdit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parser benchmarks (run with {@code bench/run.sh jmh Parse}):
 *
 * <ul>
 *   <li>{@code fullParse}: lexing, parsing and building the green tree of the generated 2 MB,
 *       40,000-line package collection (throughput = 2 MB / time per operation);
 *   <li>{@code lex}: the lexer alone on the same text;
 *   <li>{@code fullParseErrorAtEnd}: the same file with a syntax error at its very end, so that
 *       the run of Nix's grammar that words the first error as Nix does
 *       ({@code SyntaxError.nixMessage}) goes over the whole file;
 *   <li>{@code fullParse20k} and {@code incrementalEdit20k}: a full parse of a 20,000-line
 *       collection, and the incremental reparse of a one-character edit in it (an edit of an
 *       identifier, a string, a number or whitespace, cycling through positions spread over the
 *       file; each edit applies to the same base tree).
 * </ul>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+UseSerialGC"})
public class ParseBenchmark {
  @State(Scope.Benchmark)
  public static class Large {
    String text;
    byte[] bytes;
    String broken;

    @Setup(Level.Trial)
    public void setUp() {
      text = Bytes.fromUnicode(PackageSetGenerator.generate(40_000, 42));
      bytes = Bytes.of(text);
      broken = text + " )";
      if (Parser.parse(broken).ok()) {
        throw new IllegalStateException("the broken file parses");
      }
    }
  }

  @State(Scope.Benchmark)
  public static class Medium {
    String text;
    Parse base;
    TextEdit[] edits;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      text = Bytes.fromUnicode(PackageSetGenerator.generate(20_000, 42));
      base = Parser.parse(text);
      if (!base.ok()) {
        throw new IllegalStateException("the generated file does not parse");
      }
      edits = oneCharacterEdits(text, 64);
    }
  }

  /** One-character edits spread over the text: in names, strings, numbers and whitespace. */
  static TextEdit[] oneCharacterEdits(String text, int n) {
    TextEdit[] out = new TextEdit[n];
    int step = text.length() / (n + 1);
    for (int i = 0; i < n; i++) {
      int at = step * (i + 1);
      // Move to the next letter, digit or space that sits between two letters/digits/spaces.
      while (at + 1 < text.length() && !(plain(text.charAt(at)) && plain(text.charAt(at - 1)))) {
        at++;
      }
      char c = text.charAt(at);
      out[i] = TextEdit.insert(at, c == ' ' ? " " : Character.isDigit(c) ? "7" : "q");
    }
    return out;
  }

  private static boolean plain(char c) {
    return Character.isLetterOrDigit(c) || c == ' ';
  }

  @Benchmark
  public Parse fullParse(Large s) {
    return Parser.parse(s.text);
  }

  @Benchmark
  public Parse fullParseErrorAtEnd(Large s) {
    return Parser.parse(s.broken);
  }

  @Benchmark
  public Lexer.Tokens lex(Large s) {
    return Lexer.lex(s.bytes);
  }

  @Benchmark
  public Parse fullParse20k(Medium s) {
    return Parser.parse(s.text);
  }

  @Benchmark
  public Parse incrementalEdit20k(Medium s) {
    TextEdit e = s.edits[s.next];
    s.next = (s.next + 1) % s.edits.length;
    return Reparser.reparse(s.base, e);
  }
}
