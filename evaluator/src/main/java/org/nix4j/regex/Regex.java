package org.nix4j.regex;

import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression with the syntax and the results of Nix 2.8's {@code builtins.match} and
 * {@code builtins.split}: POSIX extended syntax as libstdc++'s {@code std::regex} (built with
 * {@code __STRICT_ANSI__}) accepts it, and the matches libstdc++'s executor picks. Patterns and
 * inputs are byte strings (every char is one byte 0..255): {@code .} and bracket expressions match
 * one byte, classes like {@code [[:alpha:]]} are those of the "C" locale (ASCII only).
 *
 * <pre>{@code
 * Regex r = Regex.compile("([0-9]+)\\.([0-9]+)");  // RegexSyntaxException with Nix's message
 * r.matchWhole("2.8");                               // {"2", "8"}: builtins.match
 * r.split("v2.8 and 3.1");                           // builtins.split: "v", {"2","8"}, " and ", ...
 * }</pre>
 *
 * <p>Matching never recurses on the JVM stack and takes time polynomial in the input (linear for
 * ordinary patterns), where libstdc++ is exponential in the worst case and overflows its stack on
 * long inputs. Instances are immutable and thread-safe.
 */
public final class Regex {
  private static final RegexCache CACHE = new RegexCache(1024);

  private final String pattern;
  private final Program prog;

  Regex(String pattern, Program prog) {
    this.pattern = pattern;
    this.prog = prog;
  }

  /**
   * The compiled form of {@code pattern}, from a bounded cache shared by all threads.
   *
   * @throws RegexSyntaxException when Nix 2.8 rejects the pattern
   */
  public static Regex compile(String pattern) {
    return CACHE.get(pattern);
  }

  public String pattern() {
    return pattern;
  }

  /** The number of parenthesised groups. */
  public int groupCount() {
    return prog.groupCount - 1;
  }

  /**
   * {@code builtins.match}: when the whole of {@code s} matches, the text of each group (null for
   * a group that did not take part in the match); null when it does not match.
   */
  public String[] matchWhole(String s) {
    if (prog.literal != null) {
      return s.equals(prog.literal) ? new String[0] : null;
    }
    Executor ex = new Executor(prog, s);
    try {
      int[] caps = ex.match();
      return caps == null ? null : new RegexMatch(s, caps).groups();
    } finally {
      ex.release();
    }
  }

  /**
   * The first match in {@code s} that starts at or after {@code from}, as {@code std::regex_search}
   * finds it on the rest of the string: the leftmost start, and at that start the match
   * libstdc++'s executor prefers. {@code ^} matches only at offset 0, {@code $} only at the end.
   */
  public RegexMatch find(String s, int from) {
    if (from < 0 || from > s.length()) {
      throw new IndexOutOfBoundsException(from);
    }
    if (prog.literal != null) {
      int i = s.indexOf(prog.literal, from);
      return i < 0 ? null : new RegexMatch(s, new int[] {i, i + prog.literal.length()});
    }
    Executor ex = new Executor(prog, s);
    try {
      int[] caps = ex.search(from, from > 0, false, false);
      return caps == null ? null : new RegexMatch(s, caps);
    } finally {
      ex.release();
    }
  }

  /**
   * Every match in {@code s}, in order, as {@code std::sregex_iterator} (and so {@code
   * builtins.split}) visits them: after an empty match the next one is first sought at the same
   * offset with a non-empty match required, then from the next offset on. Matches never overlap;
   * empty matches are included.
   */
  public List<RegexMatch> findAll(String s) {
    List<RegexMatch> out = new ArrayList<>();
    forEachMatch(s, new MatchSink() {
      @Override
      public void match(int[] caps) {
        out.add(new RegexMatch(s, caps));
      }
    });
    return out;
  }

  /** Receives the matches of {@link #forEachMatch}, in order. */
  public interface MatchSink {
    /**
     * One match: {@code caps[0..1]} its range, {@code caps[2g..2g+1]} group g's (the end -1 when
     * the group did not take part); the array is the sink's to keep.
     */
    void match(int[] caps);
  }

  /**
   * The matches of {@link #findAll}, each given to {@code sink} as it is found (no list of them
   * is made: {@code builtins.split} over a large string builds its result directly).
   */
  public void forEachMatch(String s, MatchSink sink) {
    if (prog.literal != null) {
      int len = prog.literal.length();
      for (int i = s.indexOf(prog.literal); i >= 0; i = s.indexOf(prog.literal, i + len)) {
        sink.match(new int[] {i, i + len});
      }
      return;
    }
    Executor ex = new Executor(prog, s);
    try {
      int n = s.length();
      boolean prevAvail = false;
      int[] m = ex.search(0, false, false, false);
      while (m != null) {
        sink.match(m);
        int start = m[1];
        if (m[0] == m[1]) {
          if (start == n) {
            break;
          }
          int[] again = ex.search(start, prevAvail, true, true);
          if (again != null) {
            m = again;
            continue;
          }
          start++;
        }
        prevAvail = true;
        m = ex.search(start, true, false, false);
      }
    } finally {
      ex.release();
    }
  }

  /**
   * {@code builtins.split}: the parts of {@code s} between matches ({@link String}s) alternating
   * with the groups of each match ({@code String[]}, null elements for groups that did not match),
   * starting and ending with a string. Without a match the result is {@code [s]} (Nix then returns
   * its argument itself, string context included).
   */
  public List<Object> split(String s) {
    List<RegexMatch> matches = findAll(s);
    List<Object> out = new ArrayList<>(2 * matches.size() + 1);
    int prev = 0;
    for (RegexMatch m : matches) {
      out.add(s.substring(prev, m.start()));
      out.add(m.groups());
      prev = m.end();
    }
    out.add(s.substring(prev));
    return out;
  }

  @Override
  public String toString() {
    return "Regex[" + pattern + "]";
  }
}
