package org.nix4j.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;

/**
 * Tab completion: the word before the cursor is a name ({@code buil}), completed with the names
 * in scope, or a path of names ({@code builtins.toS}), whose prefix before the last dot is
 * evaluated and completed with the attribute names of the set it gives. A command name
 * ({@code :l}) at the start of the line is completed with the commands.
 */
public final class Completion {
  private Completion() {}

  /** The candidates, each a replacement for {@code line[start, cursor)}, sorted. */
  public record Result(int start, List<String> candidates) {}

  /** How long the prefix of an attribute path may take to evaluate. */
  static final long EVAL_MILLIS = 2000;

  static final List<String> COMMANDS = List.of(
      ":?", ":a", ":help", ":l", ":p", ":q", ":r", ":st", ":t");

  /** Where the word that completion replaces starts, for the word that ends at {@code cursor}. */
  public static int wordStart(String line, int cursor) {
    if (isCommandWord(line, cursor)) {
      return 0;
    }
    int start = cursor;
    while (start > 0 && isWordChar(line.charAt(start - 1))) {
      start--;
    }
    return start;
  }

  private static boolean isCommandWord(String line, int cursor) {
    String before = line.substring(0, cursor);
    return before.startsWith(":") && before.chars().noneMatch(Character::isWhitespace);
  }

  /** Completes the word that ends at {@code cursor} in {@code line} (Unicode). */
  public static Result complete(Repl repl, String line, int cursor) {
    int start = wordStart(line, cursor);
    String word = line.substring(start, cursor);
    if (isCommandWord(line, cursor)) {
      List<String> out = new ArrayList<>();
      for (String c : COMMANDS) {
        if (c.startsWith(word)) {
          out.add(c);
        }
      }
      return new Result(0, out);
    }
    // A word starts with a name, not a digit or a dot.
    if (!word.isEmpty() && !isNameStart(word.charAt(0))) {
      return new Result(cursor, List.of());
    }
    TreeSet<String> out = new TreeSet<>();
    int dot = word.lastIndexOf('.');
    if (dot < 0) {
      for (String n : repl.namesInScope()) {
        if (n.startsWith(word)) {
          out.add(n);
        }
      }
    } else {
      String prefix = word.substring(0, dot);
      String partial = word.substring(dot + 1);
      if (prefix.isEmpty() || prefix.endsWith(".")) {
        return new Result(cursor, List.of());
      }
      Value v = repl.tryEvaluate(prefix, EVAL_MILLIS);
      if (v instanceof NixAttrs attrs) {
        for (String name : attrs.names()) {
          // Matched by the name itself; inserted quoted when it is not an identifier.
          if (NixString.unicodeOf(name).startsWith(partial)) {
            out.add(prefix + "." + NixString.unicodeOf(ValuePrinter.attrName(name)));
          }
        }
      }
    }
    return new Result(start, new ArrayList<>(out));
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '\'' || c == '-' || c == '.';
  }
}
