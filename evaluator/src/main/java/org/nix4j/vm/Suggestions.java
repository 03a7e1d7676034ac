package org.nix4j.vm;

import java.util.ArrayList;
import java.util.List;

/**
 * Nix's "Did you mean …?": the names closest to a misspelled one, by Levenshtein distance
 * (insertions, deletions and substitutions of bytes, each costing 1), at most {@link
 * #MAX_DISTANCE} away, nearest first and then in byte order, at most {@link #LIMIT} of them.
 */
public final class Suggestions {
  static final int MAX_DISTANCE = 2;
  static final int LIMIT = 5;

  private Suggestions() {}

  /** The best of {@code candidates} (byte strings) for {@code query}, best first. */
  public static List<String> best(Iterable<String> candidates, String query) {
    List<String> names = new ArrayList<>();
    List<Integer> distances = new ArrayList<>();
    for (String c : candidates) {
      int d = org.nix4j.syntax.Bytes.editDistance(c, query, MAX_DISTANCE);
      if (d <= MAX_DISTANCE) {
        names.add(c);
        distances.add(d);
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int c = Integer.compare(distances.get(a), distances.get(b));
      return c != 0 ? c : names.get(a).compareTo(names.get(b));
    });
    List<String> out = new ArrayList<>();
    for (int i = 0; i < order.size() && out.size() < LIMIT; i++) {
      String n = names.get(order.get(i));
      if (!out.contains(n)) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * What follows "Did you mean ": {@code a}, or {@code one of a, b or c}; null when there are no
   * suggestions.
   */
  public static String text(List<String> names) {
    if (names.isEmpty()) {
      return null;
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    StringBuilder sb = new StringBuilder("one of ").append(names.get(0));
    for (int i = 1; i < names.size(); i++) {
      sb.append(i == names.size() - 1 ? " or " : ", ").append(names.get(i));
    }
    return sb.toString();
  }
}
