package org.nix4j.syntax;

import java.util.Random;

/** Random edits of a text, for fuzzing: delete, insert, duplicate or swap slices and bytes. */
public final class Mutations {
  private static final String[] SNIPPETS = {
    "{", "}", "[", "]", "(", ")", "${", "\"", "''", ";", ":", "=", ".", ",", "?", "@", "let ",
    " in ", "rec ", "inherit ", "or", "\n", " ", "#", "/*", "*/", "\\", "$", "'", "./", "~/", "<",
    ">", "-", "!", "1", "1.5", "x", "\0", "\r", "\u00e9"
  };

  private Mutations() {}

  public static String mutate(String text, Random rnd, int edits) {
    StringBuilder sb = new StringBuilder(text);
    for (int e = 0; e < edits; e++) {
      int n = sb.length();
      int at = n == 0 ? 0 : rnd.nextInt(n + 1);
      switch (rnd.nextInt(5)) {
        case 0: { // delete a slice
          int len = Math.min(n - at, rnd.nextInt(8));
          sb.delete(at, at + len);
          break;
        }
        case 1: // insert a snippet
          sb.insert(at, Bytes.fromUnicode(SNIPPETS[rnd.nextInt(SNIPPETS.length)]));
          break;
        case 2: // insert a random byte
          sb.insert(at, (char) rnd.nextInt(256));
          break;
        case 3: { // duplicate a slice elsewhere
          int len = Math.min(n - at, rnd.nextInt(20));
          String slice = sb.substring(at, at + len);
          sb.insert(n == 0 ? 0 : rnd.nextInt(sb.length() + 1), slice);
          break;
        }
        default: { // replace a byte
          if (at < n) {
            sb.setCharAt(at, (char) rnd.nextInt(256));
          }
          break;
        }
      }
    }
    return sb.toString();
  }
}
