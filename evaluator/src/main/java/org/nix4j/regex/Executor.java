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
  // Frames on the stack: [saved values..., pos, header]; header = state << 5 | memo | phase.
  private static final int PH_DONE = 0; // nothing to undo; only a memo entry to write
  private static final int PH_ALT_LEFT = 1; // left alternative running; then the right one
  private static final int PH_ALT_RIGHT_NOSOL = 2; // right alternative running, left found nothing
  private static final int PH_ALT_RIGHT_SOL = 3; // right alternative running, left found an accept
  private static final int PH_REPEAT_FRESH = 4; // body running; saved: repPos, repCount, last
  private static final int PH_REPEAT_AGAIN = 5; // body running again at this position; saved: last
  private static final int PH_GROUP_BEGIN = 6; // saved: the group's previous start
  private static final int PH_GROUP_END = 7; // saved: the group's previous end
  private static final int PH_STAR_BODY = 8; // one-byte star; saved: repPos, repCount, last, e
  private static final int PH_STAR_EXIT = 9; // its way out at e running
  private static final int MEMO = 16;

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
  /** States entered so far (for tests that check the work stays polynomial). */
  long steps;

  // The path state that libstdc++ keeps in its recursion.
  private final int[] caps;
  private final int[] best;
  private final int[] repPos;
  private final int[] repCount;
  private int lastRepeatPos;

  // The explicit stack of frames.
  private int[] stack;
  private int sp;

  /**
   * The memo, one of two layouts. Small (slots × positions up to {@link #FLAT_LIMIT}): {@code
   * flat[slot * (n + 1) + pos]} holds {@code epoch << 1 | accept reachable}, where only entries of
   * the current epoch count, so the array is reused by later executors on this thread without
   * clearing. Large: {@code blocks[slot][pos >> 12]}, 64 words of "visited" bits then 64 words of
   * "accept reachable", allocated as they are touched.
   */
  private static final int FLAT_LIMIT = 1 << 16;

  private int[] flat;
  private int epoch; // the last epoch handed out on this thread
  private int memoEpoch; // the epoch of the memo in use
  private int epochExact;
  private int epochPrefix;
  private long[][][] blocks;
  private long[][][] blocksExact;
  private long[][][] blocksPrefix;

  /** Arrays reused from one executor to the next on the same thread. */
  private static final class Scratch {
    final Thread owner = Thread.currentThread();
    int[] stack = new int[256];
    int[] flat = new int[64];
    int epoch;
    boolean inUse;
  }

  private static final ThreadLocal<Scratch> SCRATCH = new ThreadLocal<>() {
    @Override
    protected Scratch initialValue() {
      return new Scratch();
    }
  };
  /**
   * The scratch of the thread that used one last: taken without the thread-local lookup (a call
   * into the VM per match in code compiled by C1) when the same thread matches again.
   */
  private static volatile Scratch lastScratch;
  private final Scratch scratch;

  Executor(Program prog, String s) {
    this.prog = prog;
    this.s = s;
    this.n = s.length();
    this.caps = ints(2 * prog.groupCount);
    this.best = ints(2 * prog.groupCount);
    this.repPos = ints(prog.repeatCount);
    this.repCount = ints(prog.repeatCount);
    Scratch sc = lastScratch;
    if (sc == null || sc.owner != Thread.currentThread()) {
      sc = SCRATCH.get();
      lastScratch = sc;
    }
    if (sc.inUse) {
      sc = new Scratch();
    }
    sc.inUse = true;
    this.scratch = sc;
    this.stack = sc.stack;
  }

  private static final int[] NO_INTS = new int[0];

  /** A new array of n zeros (the shared empty one for n = 0: most patterns have no groups). */
  private static int[] ints(int n) {
    return n == 0 ? NO_INTS : new int[n];
  }

  /** Gives the reusable arrays back to this thread; the executor must not be used afterwards. */
  void release() {
    scratch.inUse = false;
    // Keep a grown stack unless it is huge (a long input's), to not pin megabytes per thread.
    scratch.stack = stack.length <= (1 << 16) ? stack : new int[256];
    if (flat != null && flat.length <= FLAT_LIMIT) {
      scratch.flat = flat;
      scratch.epoch = epoch;
    }
  }

  /** Chooses the memo layout and a fresh epoch or block set for the current mode. */
  private void selectMemo(boolean exactMode) {
    long entries = (long) prog.slotCount * (n + 1);
    if (entries <= FLAT_LIMIT) {
      if (flat == null) {
        flat = scratch.flat.length >= entries ? scratch.flat : new int[(int) Math.max(entries, 64)];
        epoch = scratch.epoch;
      }
      int e = exactMode ? epochExact : epochPrefix;
      if (e == 0) {
        if (epoch >= (Integer.MAX_VALUE >>> 1) - 1) {
          Arrays.fill(flat, 0);
          epoch = 0;
        }
        e = ++epoch;
        if (exactMode) {
          epochExact = e;
        } else {
          epochPrefix = e;
        }
      }
      memoEpoch = e;
    } else {
      if (exactMode) {
        if (blocksExact == null) {
          blocksExact = new long[prog.slotCount][][];
        }
        blocks = blocksExact;
      } else {
        if (blocksPrefix == null) {
          blocksPrefix = new long[prog.slotCount][][];
        }
        blocks = blocksPrefix;
      }
    }
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
    if (!s.startsWith(prog.prefix)) {
      return null;
    }
    selectMemo(true);
    return attempt(0) ? Arrays.copyOf(best, best.length) : null;
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
    selectMemo(false);
    String prefix = prog.prefix;
    for (int b = from; b <= n; b++) {
      if (!prefix.isEmpty()) {
        int next = s.indexOf(prefix, b);
        if (next < 0 || (continuous && next != b)) {
          return null;
        }
        b = next;
      }
      if (b > from) {
        this.prevAvail = true;
      }
      if (canStartAt(b) && attempt(b)) {
        return Arrays.copyOf(best, best.length);
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

  private void ensure(int k) {
    if (sp + k > stack.length) {
      stack = Arrays.copyOf(stack, Math.max(2 * stack.length, sp + k));
    }
  }

  private void pushFrame(int node, int pos, int phase) {
    ensure(2);
    stack[sp++] = pos;
    stack[sp++] = node << 5 | phase;
  }

  private static int frameSize(int phase) {
    switch (phase) {
      case PH_REPEAT_FRESH:
        return 5;
      case PH_REPEAT_AGAIN:
      case PH_GROUP_BEGIN:
      case PH_GROUP_END:
        return 3;
      case PH_STAR_BODY:
      case PH_STAR_EXIT:
        return 6;
      default:
        return 2;
    }
  }

  /** The depth-first walk; returns libstdc++'s _M_has_sol after visiting the start state. */
  private boolean run(int pos0) {
    final Program p = this.prog;
    final int[] op = p.op;
    final int[] next = p.next;
    final int[] alt = p.alt;
    final int[] arg = p.arg;
    final int[] slots = p.slot;
    final int[] starBody = p.starBody;
    boolean sol = false;
    boolean calling = true;
    int node = p.start;
    int pos = pos0;
    sp = 0;
    while (true) {
      if (calling) {
        // Enter `node` at `pos`.
        steps++;
        int slot = slots[node];
        int memo = 0;
        if (slot >= 0 && pos != callBegin && lastRepeatPos < pos) {
          int known = memoGet(slot, pos);
          if (known != 0) {
            sol = known == 2;
            calling = false;
            continue;
          }
          memo = MEMO;
        }
        switch (op[node]) {
          case OP_MATCH:
            if (pos < n && p.matches(node, s.charAt(pos) & 0xFF)) {
              if (memo != 0) {
                pushFrame(node, pos, PH_DONE | memo);
              }
              node = next[node];
              pos++;
              continue;
            }
            sol = false;
            break;
          case OP_ALTERNATIVE:
            {
              int left = alt[node];
              int right = next[node];
              boolean leftDead = p.dead(left, s, pos);
              boolean rightDead = p.dead(right, s, pos);
              if (leftDead && rightDead) {
                sol = false;
                break;
              }
              if (leftDead || rightDead) {
                if (memo != 0) {
                  pushFrame(node, pos, PH_DONE | memo);
                }
                node = leftDead ? right : left;
                continue;
              }
              pushFrame(node, pos, PH_ALT_LEFT | memo);
              node = left;
              continue;
            }
          case OP_REPEAT:
            {
              int r = arg[node];
              int body = alt[node];
              boolean fresh = repCount[r] == 0 || repPos[r] != pos;
              if ((!fresh && repCount[r] >= 2) || p.dead(body, s, pos)) {
                // The body is not tried (or cannot accept): only the way out.
                if (memo != 0) {
                  pushFrame(node, pos, PH_DONE | memo);
                }
                node = next[node];
                continue;
              }
              int star = starBody[node];
              if (star >= 0) {
                // One-byte body looping back: run the greedy iterations as a loop, then try the
                // ways out from the furthest position back, as the recursion would unwind.
                int q = pos;
                int rslot = slots[node];
                boolean hit = false;
                boolean deeper = false;
                while (q < n && p.matches(star, s.charAt(q) & 0xFF)) {
                  q++;
                  int known = memoGet(rslot, q);
                  if (known != 0) {
                    hit = true;
                    deeper = known == 2;
                    break;
                  }
                }
                ensure(6);
                stack[sp++] = repPos[r];
                stack[sp++] = repCount[r];
                stack[sp++] = lastRepeatPos;
                stack[sp++] = hit ? q - 1 : q;
                pushFrame(node, pos, PH_STAR_BODY | memo);
                sol = deeper;
                calling = false;
                continue;
              }
              if (fresh) {
                ensure(5);
                stack[sp++] = repPos[r];
                stack[sp++] = repCount[r];
                stack[sp++] = lastRepeatPos;
                pushFrame(node, pos, PH_REPEAT_FRESH | memo);
                repPos[r] = pos;
                repCount[r] = 1;
              } else {
                ensure(3);
                stack[sp++] = lastRepeatPos;
                pushFrame(node, pos, PH_REPEAT_AGAIN | memo);
                repCount[r]++;
              }
              lastRepeatPos = pos;
              node = body;
              continue;
            }
          case OP_SUBEXPR_BEGIN:
            {
              int i = 2 * arg[node];
              ensure(3);
              stack[sp++] = caps[i];
              pushFrame(node, pos, PH_GROUP_BEGIN | memo);
              caps[i] = pos;
              node = next[node];
              continue;
            }
          case OP_SUBEXPR_END:
            {
              int i = 2 * arg[node] + 1;
              ensure(3);
              stack[sp++] = caps[i];
              pushFrame(node, pos, PH_GROUP_END | memo);
              caps[i] = pos;
              node = next[node];
              continue;
            }
          case OP_LINE_BEGIN:
            if (pos == attemptBegin && !prevAvail) {
              if (memo != 0) {
                pushFrame(node, pos, PH_DONE | memo);
              }
              node = next[node];
              continue;
            }
            sol = false;
            break;
          case OP_LINE_END:
            if (pos == n) {
              if (memo != 0) {
                pushFrame(node, pos, PH_DONE | memo);
              }
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
        if (memo != 0) {
          memoPut(slot, pos, sol);
        }
        calling = false;
        continue;
      }
      // Return to the frame on top of the stack with `sol`.
      if (sp == 0) {
        return sol;
      }
      int top = sp - 1;
      int header = stack[top];
      int fn = header >>> 5;
      int fp = stack[top - 1];
      int phase = header & 15;
      switch (phase) {
        case PH_DONE:
          break;
        case PH_ALT_LEFT:
          stack[top] = header - PH_ALT_LEFT + (sol ? PH_ALT_RIGHT_SOL : PH_ALT_RIGHT_NOSOL);
          sol = false;
          node = next[fn];
          pos = fp;
          calling = true;
          continue;
        case PH_ALT_RIGHT_NOSOL:
          break;
        case PH_ALT_RIGHT_SOL:
          sol = true;
          break;
        case PH_REPEAT_FRESH:
        case PH_REPEAT_AGAIN:
          {
            int r = arg[fn];
            if (phase == PH_REPEAT_FRESH) {
              repPos[r] = stack[top - 4];
              repCount[r] = stack[top - 3];
            } else {
              repCount[r]--;
            }
            lastRepeatPos = stack[top - 2];
            if (!sol) {
              // The body found no accept: try the way out, with nothing left to undo.
              sp -= frameSize(phase);
              if ((header & MEMO) != 0) {
                pushFrame(fn, fp, PH_DONE | MEMO);
              }
              node = next[fn];
              pos = fp;
              calling = true;
              continue;
            }
            break;
          }
        case PH_GROUP_BEGIN:
          caps[2 * arg[fn]] = stack[top - 2];
          break;
        case PH_GROUP_END:
          caps[2 * arg[fn] + 1] = stack[top - 2];
          break;
        case PH_STAR_BODY:
        case PH_STAR_EXIT:
          {
            int r = arg[fn];
            int rslot = slots[fn];
            int e = stack[top - 2];
            if (phase == PH_STAR_EXIT) {
              // `sol` is the way out at e, so the result of the iteration entered at e.
              memoPut(rslot, e, sol);
              e--;
            }
            // `sol` is now the result of the body of the iteration entered at e.
            if (sol) {
              for (int k = e; k > fp; k--) {
                memoPut(rslot, k, true);
              }
              repPos[r] = stack[top - 5];
              repCount[r] = stack[top - 4];
              lastRepeatPos = stack[top - 3];
              break;
            }
            if (e > fp) {
              repPos[r] = e - 1;
              repCount[r] = 1;
              lastRepeatPos = e - 1;
              stack[top - 2] = e;
              stack[top] = (header & ~15) | PH_STAR_EXIT;
            } else {
              repPos[r] = stack[top - 5];
              repCount[r] = stack[top - 4];
              lastRepeatPos = stack[top - 3];
              sp -= 6;
              if ((header & MEMO) != 0) {
                pushFrame(fn, fp, PH_DONE | MEMO);
              }
            }
            node = next[fn];
            pos = e;
            calling = true;
            continue;
          }
        default:
          throw new AssertionError(phase);
      }
      if ((header & MEMO) != 0) {
        memoPut(slots[fn], fp, sol);
      }
      sp -= frameSize(phase);
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
    if (flat != null) {
      int v = flat[slot * (n + 1) + pos];
      return v >>> 1 != memoEpoch ? 0 : (v & 1) + 1;
    }
    long[][] bs = blocks[slot];
    if (bs == null) {
      return 0;
    }
    long[] b = bs[pos >>> BLOCK_BITS];
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
    if (flat != null) {
      flat[slot * (n + 1) + pos] = memoEpoch << 1 | (sol ? 1 : 0);
      return;
    }
    long[][] bs = blocks[slot];
    if (bs == null) {
      bs = blocks[slot] = new long[(n >>> BLOCK_BITS) + 1][];
    }
    long[] b = bs[pos >>> BLOCK_BITS];
    if (b == null) {
      b = bs[pos >>> BLOCK_BITS] = new long[128];
    }
    int bit = pos & (BLOCK - 1);
    int w = bit >>> 6;
    b[w] |= 1L << bit;
    if (sol) {
      b[64 + w] |= 1L << bit;
    }
  }
}
