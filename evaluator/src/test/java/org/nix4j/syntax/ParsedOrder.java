package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Comparing printed expressions with what {@code nix-instantiate --parse} printed: Nix 2.8 orders
 * the bindings of a {@code let} and the formals of a function by the address of their interned
 * names, which nothing can reproduce, so tests compare both sides in a canonical order.
 */
final class ParsedOrder {
  private ParsedOrder() {}

  /**
   * Sorts the bindings of every {@code (let ... in} and the formals of every {@code ({ ... }:} of
   * a printed expression. Nix 2.8 orders both by the address of the interned name, which nothing
   * can reproduce; the test compares both sides in this canonical order instead.
   */
  static String canonicalOrder(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' && s.startsWith("\"${", i)) {
        int close = skipGroup(s, i + 2);
        out.append("\"${").append(canonicalOrder(s.substring(i + 3, close - 1))).append("}\"");
        i = close + 1;
      } else if (c == '"') {
        int j = skipString(s, i);
        out.append(s, i, j);
        i = j;
      } else if (s.startsWith("(let ", i)) {
        int start = i + 5;
        List<String> items = new ArrayList<>();
        int j = start;
        int itemStart = start;
        while (j < s.length() && !(s.startsWith("in ", j) && itemStart == j)) {
          char d = s.charAt(j);
          if (d == '"') {
            j = skipString(s, j);
          } else if (d == '(' || d == '[' || d == '{') {
            j = skipGroup(s, j);
          } else if (d == ';' && j + 1 < s.length() && s.charAt(j + 1) == ' ') {
            items.add(canonicalOrder(s.substring(itemStart, j + 2)));
            j += 2;
            itemStart = j;
          } else {
            j++;
          }
        }
        items.sort(null);
        out.append("(let ").append(String.join("", items));
        i = j;
      } else if (s.startsWith("({ ", i)) {
        int close = skipGroup(s, i + 1);
        if (s.startsWith(": ", close) || s.startsWith(" @ ", close)) {
          String inner = s.substring(i + 3, close - 2);
          List<String> items = new ArrayList<>();
          int j = 0;
          int itemStart = 0;
          while (j < inner.length()) {
            char d = inner.charAt(j);
            if (d == '"') {
              j = skipString(inner, j);
            } else if (d == '(' || d == '[' || d == '{') {
              j = skipGroup(inner, j);
            } else if (inner.startsWith(", ", j)) {
              items.add(canonicalOrder(inner.substring(itemStart, j)));
              j += 2;
              itemStart = j;
            } else {
              j++;
            }
          }
          if (itemStart < inner.length()) {
            items.add(canonicalOrder(inner.substring(itemStart)));
          }
          items.sort((a, b) -> a.equals("...") ? 1 : b.equals("...") ? -1 : a.compareTo(b));
          out.append("({ ").append(String.join(", ", items)).append(" }");
          i = close;
        } else {
          out.append(c);
          i++;
        }
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static int skipString(String s, int i) {
    if (s.startsWith("\"${", i)) {
      // A dynamic attribute name: an expression in "${...}" (literal text escapes its `$`).
      int close = skipGroup(s, i + 2);
      return Math.min(close + 1, s.length());
    }
    int j = i + 1;
    while (j < s.length() && s.charAt(j) != '"') {
      j += s.charAt(j) == '\\' ? 2 : 1;
    }
    return Math.min(j + 1, s.length());
  }

  /** The index after the bracket matching the one at {@code i}. */
  private static int skipGroup(String s, int i) {
    int depth = 0;
    int j = i;
    while (j < s.length()) {
      char d = s.charAt(j);
      if (d == '"') {
        j = skipString(s, j);
        continue;
      }
      if (d == '(' || d == '[' || d == '{') {
        depth++;
      } else if (d == ')' || d == ']' || d == '}') {
        depth--;
        if (depth == 0) {
          return j + 1;
        }
      }
      j++;
    }
    return j;
  }
}
