package org.nix4j.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * The Nix search path ({@code -I}, {@code NIX_PATH}): entries {@code prefix=path} or
 * {@code path}, looked up in order by {@code <name/sub>} through {@code builtins.findFile}.
 */
public record SearchPath(List<Entry> entries) {
  /** One entry; {@code prefix} is empty for an entry without one. */
  public record Entry(String prefix, String path) {}

  public static final SearchPath EMPTY = new SearchPath(List.of());

  /** Parses {@code -I} arguments and then the colon-separated {@code NIX_PATH}. */
  public static SearchPath parse(List<String> includes, String nixPathEnv) {
    List<Entry> out = new ArrayList<>();
    for (String i : includes) {
      out.add(entry(i));
    }
    if (nixPathEnv != null && !nixPathEnv.isEmpty()) {
      for (String part : splitNixPath(nixPathEnv)) {
        if (!part.isEmpty()) {
          out.add(entry(part));
        }
      }
    }
    return new SearchPath(List.copyOf(out));
  }

  static Entry entry(String s) {
    int eq = s.indexOf('=');
    if (eq < 0) {
      return new Entry("", s);
    }
    return new Entry(s.substring(0, eq), s.substring(eq + 1));
  }

  /** Splits NIX_PATH at colons, except the colon of a URI scheme ({@code https://}). */
  static List<String> splitNixPath(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ':') {
        if (s.startsWith("//", i + 1) && cur.toString().matches(".*[a-zA-Z][a-zA-Z0-9+.-]*")) {
          cur.append(c);
          continue;
        }
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
