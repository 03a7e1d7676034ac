package org.nix4j.regex;

/**
 * One match of a {@link Regex} in a string: the whole match (group 0) and each group, as offsets
 * into the string (byte offsets for nix4j's byte strings). A group that did not take part in the
 * match has start and end -1 and {@link #group(int)} null — Nix shows it as {@code null}.
 */
public final class RegexMatch {
  private final String input;
  private final int[] caps;

  RegexMatch(String input, int[] caps) {
    this.input = input;
    this.caps = caps;
  }

  /** The number of parenthesised groups (group 0, the whole match, not counted). */
  public int groupCount() {
    return caps.length / 2 - 1;
  }

  public int start() {
    return caps[0];
  }

  public int end() {
    return caps[1];
  }

  public int start(int group) {
    return caps[2 * group + 1] < 0 ? -1 : caps[2 * group];
  }

  public int end(int group) {
    return caps[2 * group + 1];
  }

  /** The text of {@code group} (0 is the whole match), or null when the group did not match. */
  public String group(int group) {
    int e = caps[2 * group + 1];
    return e < 0 ? null : input.substring(caps[2 * group], e);
  }

  /** Groups 1..{@link #groupCount()}: what {@code builtins.match} returns for a match. */
  public String[] groups() {
    String[] g = new String[groupCount()];
    for (int i = 0; i < g.length; i++) {
      g[i] = group(i + 1);
    }
    return g;
  }

  @Override
  public String toString() {
    return "RegexMatch[" + start() + ".." + end() + "]";
  }
}
