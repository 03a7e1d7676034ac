package org.nix4j.regex;

import static org.nix4j.regex.Compiler.OP_ACCEPT;
import static org.nix4j.regex.Compiler.OP_ALTERNATIVE;
import static org.nix4j.regex.Compiler.OP_LINE_BEGIN;
import static org.nix4j.regex.Compiler.OP_LINE_END;
import static org.nix4j.regex.Compiler.OP_MATCH;
import static org.nix4j.regex.Compiler.OP_REPEAT;
import static org.nix4j.regex.Compiler.OP_SUBEXPR_BEGIN;
import static org.nix4j.regex.Compiler.OP_SUBEXPR_END;

import java.util.Arrays;

/**
 * Runs a {@link Program} over one input string with the results of libstdc++'s depth-first
 * executor in POSIX mode, which is what Nix 2.8's {@code std::regex_match} and {@code
 * std::regex_search} use. That executor:
 *
 * <ul>
 *   <li>tries the left alternative, then always the right one too ("POSIX longest"); an accept is
 *       recorded only if it ends strictly further than the one recorded before, so among equally
 *       long matches the first one found wins (not POSIX's subexpression rule);
 *   <li>tries one more iteration of a repeat first, and the way out of the repeat only when that
 *       iteration found no accept at all (a successful longer path hides shorter ones: {@code
 *       a*(ab)*} on "aab" matches "aa");
 *   <li>enters a repeat's body at most twice at the same position (empty iterations);
 *   <li>sets a group's start when entering it and its end when leaving it, undoing both on
 *       backtracking, so a group keeps the last iteration that went through it, and a group nested
 *       in a repeated group keeps a value from an earlier iteration;
 *   <li>for {@code regex_match}, needs an accept at the end of the input and stops at the first.
 * </ul>
 *
 * <p>This class does the same walk with an explicit stack (no JVM recursion, any input length) and
 * adds a memo: whether an accept is reachable from (state, position) depends only on those two when
 * no repeat has been entered at that position on the current path (no backreferences exist in
 * extended mode), and visiting such a pair a second time can never record a better accept, so its
 * subtree is skipped. Every pair is therefore explored once: time O(states × length) per search
 * instead of libstdc++'s exponential worst case.
 *
 * <p>One executor serves successive searches over the same string (as {@code std::sregex_iterator}
 * does for {@code builtins.split}); the memo stays valid between them because it never records the
 * position a search starts at, and every pair recorded at a later position of an earlier search
 * reaches no accept.
 */
final class Executor {
  private static final int PH_DONE = 0;
  private static final int PH_ALT_LEFT = 1;
  private static final int PH_ALT_RIGHT = 2;
  private static final int PH_REPEAT_FRESH = 3;
  private static final int PH_REPEAT_AGAIN = 4;
  private static final int PH_GROUP_BEGIN = 5;
  private static final int PH_GROUP_END = 6;
  private static final int MEMO_FLAG = 8;

  private static final int BLOCK_BITS = 12;
  private static final int BLOCK = 1 << BLOCK_BITS;

  private final Program prog;
  private final String s;
  private final int n;

  // Per search / attempt.
  private boolean exact;
  private boolean notNull;
  private boolean prevAvail;
  private int callBegin;
  private int attemptBegin;
  private boolean stop;
  private int bestPos;

  // The path state that libstdc++ keeps in its recursion.
  private final int[] caps;
  private final int[] best;
  private final int[] repPos;
  private final int[] repCount;
  private int lastRepeatPos;

  // The explicit stack.
  private int[] fNode = new int[64];
  private int[] fPos = new int[64];
  private int[] fPhase = new int[64];
  private int[] fSave1 = new int[64];
  private int[] fSave2 = new int[64];
  private int[] fSave3 = new int[64];
  private int sp;

  /** memo[slot][pos >> 12]: 64 words of "visited" bits, then 64 words of "accept reachable". */
  private long[][][] memoExact;
  private long[][][] memoPrefix;
  private long[][][] memo;

  Executor(Program prog, String s) {
    this.prog = prog;
    this.s = s;
    this.n = s.length();
    this.caps = new int[2 * prog.groupCount];
    this.best = new int[2 * prog.groupCount];
    this.repPos = new int[prog.repeatCount];
    this.repCount = new int[prog.repeatCount];
  }

  /**
   * {@code std::regex_match}: the captures (start and end offset of each group, -1 for a group that
   * did not participate) when the whole string matches, else null.
   */
  int[] match() {
    exact = true;
    notNull = false;
    prevAvail = false;
    callBegin = 0;
    if (memoExact == null) {
      memoExact = new long[prog.slotCount][][];
    }
    memo = memoExact;
    return attempt(0) ? best.clone() : null;
  }

  /**
   * {@code std::regex_search} on {@code [from, end)} with the given match flags: the captures of
   * the match (group 0 is the whole match) or null.
   */
  int[] search(int from, boolean prevAvail, boolean notNull, boolean continuous) {
    exact = false;
    this.notNull = notNull;
    this.prevAvail = prevAvail;
    callBegin = from;
    if (memoPrefix == null) {
      memoPrefix = new long[prog.slotCount][][];
    }
    memo = memoPrefix;
    for (int b = from; b <= n; b++) {
      if (b > from) {
        this.prevAvail = true;
      }
      if (canStartAt(b) && attempt(b)) {
        return best.clone();
      }
      if (continuous) {
        return null;
      }
      if (prog.anchored && this.prevAvail) {
        return null;
      }
    }
    return null;
  }

  /** Whether an attempt at {@code b} can succeed at all, judged by the first byte. */
  private boolean canStartAt(int b) {
    if (prog.anchored && prevAvail) {
      return false;
    }
    if (prog.nullable) {
      return true;
    }
    return b < n && prog.first[s.charAt(b) & 0xFF];
  }

  /** One run of libstdc++'s _M_main_dispatch from {@code begin}; true when it has a solution. */
  private boolean attempt(int begin) {
    attemptBegin = begin;
    Arrays.fill(caps, -1);
    bestPos = -1;
    stop = false;
    lastRepeatPos = -1;
    boolean sol = run(begin);
    if (stop) {
      Arrays.fill(repCount, 0);
      sp = 0;
      return true;
    }
    return sol;
  }

  private void push(int node, int pos, int phase) {
    if (sp == fNode.length) {
      int m = sp * 2;
      fNode = Arrays.copyOf(fNode, m);
      fPos = Arrays.copyOf(fPos, m);
      fPhase = Arrays.copyOf(fPhase, m);
      fSave1 = Arrays.copyOf(fSave1, m);
      fSave2 = Arrays.copyOf(fSave2, m);
      fSave3 = Arrays.copyOf(fSave3, m);
    }
    fNode[sp] = node;
    fPos[sp] = pos;
    fPhase[sp] = phase;
    sp++;
  }

  /** The depth-first walk; returns libstdc++'s _M_has_sol after visiting the start state. */
  private boolean run(int pos0) {
    final Program p = this.prog;
    final int[] op = p.op;
    final int[] next = p.next;
    final int[] alt = p.alt;
    final int[] arg = p.arg;
    final int[] slots = p.slot;
    boolean sol = false;
    boolean calling = true;
    int node = p.start;
    int pos = pos0;
    sp = 0;
    while (true) {
      if (calling) {
        // Enter `node` at `pos`.
        int slot = slots[node];
        int memoFlag = 0;
        if (slot >= 0 && pos != callBegin && lastRepeatPos < pos) {
          int known = memoGet(slot, pos);
          if (known != 0) {
            sol = known == 2;
            calling = false;
            continue;
          }
          memoFlag = MEMO_FLAG;
        }
        switch (op[node]) {
          case OP_MATCH:
            if (pos < n && p.matches(node, s.charAt(pos) & 0xFF)) {
              push(node, pos, PH_DONE | memoFlag);
              node = next[node];
              pos++;
              continue;
            }
            sol = false;
            break;
          case OP_ALTERNATIVE:
            push(node, pos, PH_ALT_LEFT | memoFlag);
            node = alt[node];
            continue;
          case OP_REPEAT:
            {
              int r = arg[node];
              if (repCount[r] == 0 || repPos[r] != pos) {
                push(node, pos, PH_REPEAT_FRESH | memoFlag);
                fSave1[sp - 1] = repPos[r];
                fSave2[sp - 1] = repCount[r];
                fSave3[sp - 1] = lastRepeatPos;
                repPos[r] = pos;
                repCount[r] = 1;
                lastRepeatPos = pos;
                node = alt[node];
                continue;
              }
              if (repCount[r] < 2) {
                push(node, pos, PH_REPEAT_AGAIN | memoFlag);
                fSave3[sp - 1] = lastRepeatPos;
                repCount[r]++;
                lastRepeatPos = pos;
                node = alt[node];
                continue;
              }
              // Entered twice here already: only the way out.
              push(node, pos, PH_DONE | memoFlag);
              node = next[node];
              continue;
            }
          case OP_SUBEXPR_BEGIN:
            {
              int i = 2 * arg[node];
              push(node, pos, PH_GROUP_BEGIN | memoFlag);
              fSave1[sp - 1] = caps[i];
              caps[i] = pos;
              node = next[node];
              continue;
            }
          case OP_SUBEXPR_END:
            {
              int i = 2 * arg[node] + 1;
              push(node, pos, PH_GROUP_END | memoFlag);
              fSave1[sp - 1] = caps[i];
              caps[i] = pos;
              node = next[node];
              continue;
            }
          case OP_LINE_BEGIN:
            if (pos == attemptBegin && !prevAvail) {
              push(node, pos, PH_DONE | memoFlag);
              node = next[node];
              continue;
            }
            sol = false;
            break;
          case OP_LINE_END:
            if (pos == n) {
              push(node, pos, PH_DONE | memoFlag);
              node = next[node];
              continue;
            }
            sol = false;
            break;
          case OP_ACCEPT:
            sol = accept(pos);
            if (stop) {
              return true;
            }
            break;
          default:
            throw new AssertionError(op[node]);
        }
        if (memoFlag != 0) {
          memoPut(slots[node], pos, sol);
        }
        calling = false;
        continue;
      }
      // Return to the frame on top of the stack with `sol`.
      if (sp == 0) {
        return sol;
      }
      int f = sp - 1;
      int fn = fNode[f];
      int fp = fPos[f];
      int phase = fPhase[f];
      switch (phase & 7) {
        case PH_DONE:
          break;
        case PH_ALT_LEFT:
          fSave1[f] = sol ? 1 : 0;
          fPhase[f] = PH_ALT_RIGHT | (phase & MEMO_FLAG);
          sol = false;
          node = next[fn];
          pos = fp;
          calling = true;
          continue;
        case PH_ALT_RIGHT:
          sol |= fSave1[f] != 0;
          break;
        case PH_REPEAT_FRESH:
        case PH_REPEAT_AGAIN:
          {
            int r = arg[fn];
            if ((phase & 7) == PH_REPEAT_FRESH) {
              repPos[r] = fSave1[f];
              repCount[r] = fSave2[f];
            } else {
              repCount[r]--;
            }
            lastRepeatPos = fSave3[f];
            if (!sol) {
              fPhase[f] = PH_DONE | (phase & MEMO_FLAG);
              node = next[fn];
              pos = fp;
              calling = true;
              continue;
            }
            break;
          }
        case PH_GROUP_BEGIN:
          caps[2 * arg[fn]] = fSave1[f];
          break;
        case PH_GROUP_END:
          caps[2 * arg[fn] + 1] = fSave1[f];
          break;
        default:
          throw new AssertionError(phase);
      }
      if ((phase & MEMO_FLAG) != 0) {
        memoPut(slots[fn], fp, sol);
      }
      sp--;
    }
  }

  /** libstdc++'s _M_handle_accept in POSIX mode. */
  private boolean accept(int pos) {
    boolean sol = exact ? pos == n : true;
    if (pos == attemptBegin && notNull) {
      sol = false;
    }
    if (sol) {
      if (bestPos < 0 || pos > bestPos) {
        bestPos = pos;
        System.arraycopy(caps, 0, best, 0, caps.length);
      }
      if (pos == n) {
        // Nothing can end further: the result is final.
        stop = true;
      }
    }
    return sol;
  }

  private int memoGet(int slot, int pos) {
    long[][] blocks = memo[slot];
    if (blocks == null) {
      return 0;
    }
    long[] b = blocks[pos >>> BLOCK_BITS];
    if (b == null) {
      return 0;
    }
    int bit = pos & (BLOCK - 1);
    int w = bit >>> 6;
    if ((b[w] >>> bit & 1) == 0) {
      return 0;
    }
    return (b[64 + w] >>> bit & 1) != 0 ? 2 : 1;
  }

  private void memoPut(int slot, int pos, boolean sol) {
    long[][] blocks = memo[slot];
    if (blocks == null) {
      blocks = memo[slot] = new long[(n >>> BLOCK_BITS) + 1][];
    }
    long[] b = blocks[pos >>> BLOCK_BITS];
    if (b == null) {
      b = blocks[pos >>> BLOCK_BITS] = new long[128];
    }
    int bit = pos & (BLOCK - 1);
    int w = bit >>> 6;
    b[w] |= 1L << bit;
    if (sol) {
      b[64 + w] |= 1L << bit;
    }
  }
}
