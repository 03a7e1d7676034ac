package org.nix4j.regex;

import static org.nix4j.regex.Compiler.OP_ACCEPT;
import static org.nix4j.regex.Compiler.OP_ALTERNATIVE;
import static org.nix4j.regex.Compiler.OP_LINE_BEGIN;
import static org.nix4j.regex.Compiler.OP_LINE_END;
import static org.nix4j.regex.Compiler.OP_MATCH;
import static org.nix4j.regex.Compiler.OP_REPEAT;
import static org.nix4j.regex.Compiler.OP_SUBEXPR_BEGIN;
import static org.nix4j.regex.Compiler.OP_SUBEXPR_END;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plainest possible transcription of libstdc++'s depth-first POSIX executor, regex_search loop
 * and sregex_iterator: recursive, no memo, no shortcuts. Only for small inputs in tests, where it
 * checks that {@link Executor}'s memo, one-byte star loop, dead-branch pruning and search skipping
 * change nothing. Gives up (returns {@link #GAVE_UP}) after a step budget, as libstdc++ itself can
 * take exponential time.
 */
final class ReferenceMatcher {
  static final Object GAVE_UP = new Object();

  private static final class Budget extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Budget() {
      super(null, null, false, false);
    }
  }

  private final Program p;
  private final String s;
  private final int n;
  private long budget;
  private boolean exact;
  private boolean notNull;
  private boolean prevAvail;
  private int begin;
  private boolean hasSol;
  private int solPos;
  private int[] cur;
  private int[] results;
  private final int[] repPos;
  private final int[] repCount;

  ReferenceMatcher(Program p, String s, long budget) {
    this.p = p;
    this.s = s;
    this.n = s.length();
    this.budget = budget;
    this.repPos = new int[p.repeatCount];
    this.repCount = new int[p.repeatCount];
  }

  /** Groups of regex_match, null for no match, or GAVE_UP. */
  Object match() {
    try {
      exact = true;
      notNull = false;
      prevAvail = false;
      int[] r = main(0);
      return r == null ? null : new RegexMatch(s, r).groups();
    } catch (Budget b) {
      return GAVE_UP;
    }
  }

  /** The list Regex.split gives, or GAVE_UP. */
  Object split() {
    try {
      exact = false;
      List<int[]> matches = new ArrayList<>();
      boolean flagPrevAvail = false;
      int[] m = search(0, false, false, false);
      while (m != null) {
        matches.add(m);
        int start = m[1];
        if (m[0] == m[1]) {
          if (start == n) {
            break;
          }
          int[] again = search(start, flagPrevAvail, true, true);
          if (again != null) {
            m = again;
            continue;
          }
          start++;
        }
        flagPrevAvail = true;
        m = search(start, true, false, false);
      }
      List<Object> out = new ArrayList<>();
      int prev = 0;
      for (int[] c : matches) {
        out.add(s.substring(prev, c[0]));
        out.add(new RegexMatch(s, c).groups());
        prev = c[1];
      }
      out.add(s.substring(prev));
      return out;
    } catch (Budget b) {
      return GAVE_UP;
    }
  }

  /** The captures regex_search finds from {@code from} (prev_avail when from > 0), or GAVE_UP. */
  Object find(int from) {
    try {
      exact = false;
      return search(from, from > 0, false, false);
    } catch (Budget b) {
      return GAVE_UP;
    }
  }

  private int[] search(int from, boolean prevAvail, boolean notNull, boolean continuous) {
    this.notNull = notNull;
    this.prevAvail = prevAvail;
    for (int b = from; b <= n; b++) {
      if (b > from) {
        this.prevAvail = true;
      }
      int[] r = main(b);
      if (r != null || continuous) {
        return r;
      }
    }
    return null;
  }

  private int[] main(int b) {
    begin = b;
    hasSol = false;
    solPos = -1;
    cur = new int[2 * p.groupCount];
    Arrays.fill(cur, -1);
    results = null;
    dfs(p.start, b);
    return hasSol ? results : null;
  }

  private void dfs(int i, int pos) {
    if (--budget < 0) {
      throw new Budget();
    }
    switch (p.op[i]) {
      case OP_REPEAT:
        {
          int r = p.arg[i];
          if (repCount[r] == 0 || repPos[r] != pos) {
            int bp = repPos[r];
            int bc = repCount[r];
            repPos[r] = pos;
            repCount[r] = 1;
            dfs(p.alt[i], pos);
            repPos[r] = bp;
            repCount[r] = bc;
          } else if (repCount[r] < 2) {
            repCount[r]++;
            dfs(p.alt[i], pos);
            repCount[r]--;
          }
          if (!hasSol) {
            dfs(p.next[i], pos);
          }
          break;
        }
      case OP_SUBEXPR_BEGIN:
        {
          int k = 2 * p.arg[i];
          int back = cur[k];
          cur[k] = pos;
          dfs(p.next[i], pos);
          cur[k] = back;
          break;
        }
      case OP_SUBEXPR_END:
        {
          int k = 2 * p.arg[i] + 1;
          int back = cur[k];
          cur[k] = pos;
          dfs(p.next[i], pos);
          cur[k] = back;
          break;
        }
      case OP_LINE_BEGIN:
        if (pos == begin && !prevAvail) {
          dfs(p.next[i], pos);
        }
        break;
      case OP_LINE_END:
        if (pos == n) {
          dfs(p.next[i], pos);
        }
        break;
      case OP_MATCH:
        if (pos < n && p.matches(i, s.charAt(pos) & 0xFF)) {
          dfs(p.next[i], pos + 1);
        }
        break;
      case OP_ACCEPT:
        hasSol = exact ? pos == n : true;
        if (pos == begin && notNull) {
          hasSol = false;
        }
        if (hasSol && (solPos < 0 || solPos < pos)) {
          solPos = pos;
          results = cur.clone();
        }
        break;
      case OP_ALTERNATIVE:
        {
          dfs(p.alt[i], pos);
          boolean left = hasSol;
          hasSol = false;
          dfs(p.next[i], pos);
          hasSol |= left;
          break;
        }
      default:
        throw new AssertionError(p.op[i]);
    }
  }
}
