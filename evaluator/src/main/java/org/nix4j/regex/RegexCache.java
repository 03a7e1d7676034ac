package org.nix4j.regex;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded, thread-safe cache of compiled patterns (and of rejected ones, so that a bad pattern
 * used in a loop is not parsed again each time). Evaluations call {@code builtins.match} with the
 * same few patterns over and over; when more than {@code capacity} distinct patterns are seen, the
 * cache is emptied and refills with those in use — cheap, and good enough for that access pattern.
 */
final class RegexCache {
  private final int capacity;
  private final ConcurrentHashMap<String, Object> map = new ConcurrentHashMap<>();

  RegexCache(int capacity) {
    this.capacity = capacity;
  }

  Regex get(String pattern) {
    Object v = map.get(pattern);
    if (v == null) {
      try {
        v = new Regex(pattern, new Program(Compiler.compile(pattern)));
      } catch (RegexSyntaxException e) {
        v = e;
      }
      if (map.size() >= capacity) {
        map.clear();
      }
      Object raced = map.putIfAbsent(pattern, v);
      if (raced != null) {
        v = raced;
      }
    }
    if (v instanceof RegexSyntaxException) {
      RegexSyntaxException e = (RegexSyntaxException) v;
      throw new RegexSyntaxException(e.pattern(), e.kind(), e.detail());
    }
    return (Regex) v;
  }

  int size() {
    return map.size();
  }
}
