package org.nix4j.regex;

import static org.nix4j.regex.Compiler.NONE;
import static org.nix4j.regex.Compiler.OP_ACCEPT;
import static org.nix4j.regex.Compiler.OP_ALTERNATIVE;
import static org.nix4j.regex.Compiler.OP_LINE_BEGIN;
import static org.nix4j.regex.Compiler.OP_MATCH;
import static org.nix4j.regex.Compiler.OP_REPEAT;
import static org.nix4j.regex.Compiler.OP_SUBEXPR_BEGIN;
import static org.nix4j.regex.Compiler.OP_SUBEXPR_END;

import java.util.Arrays;

/**
 * The compiled automaton in the form {@link Executor} runs: only the states reachable from the
 * start, renumbered, with the facts the executor and its fast paths need.
 *
 * <ul>
 *   <li>{@code slot}: states with two or more incoming links get a memo slot. Two different paths
 *       through the automaton can only meet at such a state, so remembering the outcome of each
 *       (slot, position) makes the search polynomial.
 *   <li>{@code arg}: the group of SUBEXPR states, the repeat counter of REPEAT states, the byte set
 *       of MATCH states (four longs at {@code 4 * arg} in {@link #sets}).
 *   <li>{@link #literal}: the pattern matches exactly this non-empty byte string and has no groups.
 *   <li>{@link #first}, {@link #nullable}, {@link #anchored}: which bytes can start a match, whether
 *       a match can be empty, whether every match must start where {@code ^} holds.
 * </ul>
 */
final class Program {
  final int size;
  final int start;
  final int[] op;
  final int[] next;
  final int[] alt;
  final int[] arg;
  final long[] sets;
  final int[] slot;
  final int slotCount;
  /** Bytes that can be consumed first from each state: four longs per state. */
  final long[] firstSets;
  /** Whether an accept is reachable from each state without consuming (assertions ignored). */
  final boolean[] canBeEmpty;
  /** For REPEAT states whose body is one MATCH state looping straight back: that state, else -1. */
  final int[] starBody;
  final int repeatCount;
  final int groupCount;
  final String literal;
  /** Bytes every match starts with (possibly none). */
  final String prefix;
  final boolean[] first = new boolean[256];
  final boolean nullable;
  final boolean anchored;

  Program(Compiler c) {
    // Reachable states in breadth-first order from the start (state 0).
    int[] map = new int[c.size];
    Arrays.fill(map, NONE);
    int[] order = new int[c.size];
    int count = 0;
    map[0] = count;
    order[count++] = 0;
    for (int i = 0; i < count; i++) {
      int u = order[i];
      int[] succ = {c.next[u], hasAlt(c.op[u]) ? c.alt[u] : NONE};
      for (int v : succ) {
        if (v != NONE && map[v] == NONE) {
          map[v] = count;
          order[count++] = v;
        }
      }
    }
    size = count;
    start = 0;
    op = new int[size];
    next = new int[size];
    alt = new int[size];
    arg = new int[size];
    int repeats = 0;
    int matchers = 0;
    for (int i = 0; i < size; i++) {
      if (c.op[order[i]] == OP_MATCH) {
        matchers++;
      }
    }
    sets = new long[4 * matchers];
    matchers = 0;
    int[] indegree = new int[size];
    for (int i = 0; i < size; i++) {
      int u = order[i];
      op[i] = c.op[u];
      next[i] = c.next[u] == NONE ? NONE : map[c.next[u]];
      alt[i] = hasAlt(op[i]) && c.alt[u] != NONE ? map[c.alt[u]] : NONE;
      switch (op[i]) {
        case OP_REPEAT:
          arg[i] = repeats++;
          break;
        case OP_MATCH:
          System.arraycopy(c.matchers.get(c.arg[u]), 0, sets, 4 * matchers, 4);
          arg[i] = matchers++;
          break;
        default:
          arg[i] = c.arg[u];
          break;
      }
      if (next[i] != NONE) {
        indegree[next[i]]++;
      }
      if (alt[i] != NONE) {
        indegree[alt[i]]++;
      }
    }
    repeatCount = repeats;
    groupCount = c.groupCount;
    slot = new int[size];
    int slots = 0;
    starBody = new int[size];
    for (int i = 0; i < size; i++) {
      slot[i] = indegree[i] >= 2 || op[i] == OP_REPEAT ? slots++ : NONE;
      starBody[i] =
          op[i] == OP_REPEAT && op[alt[i]] == OP_MATCH && next[alt[i]] == i ? alt[i] : NONE;
    }
    slotCount = slots;
    firstSets = new long[4 * size];
    canBeEmpty = new boolean[size];
    computeFirstSets();
    literal = findLiteral();
    prefix = findPrefix();
    for (int b = 0; b < 256; b++) {
      first[b] = (firstSets[4 * start + (b >>> 6)] >>> b & 1) != 0;
    }
    nullable = canBeEmpty[start];
    anchored = everyPathPassesCaret();
  }

  /** A fixpoint over the links that do not consume: first sets and empty reachability of accept. */
  private void computeFirstSets() {
    // Predecessors along links that do not consume (MATCH states pass nothing back).
    int[] predStart = new int[size + 1];
    for (int i = 0; i < size; i++) {
      if (op[i] != OP_MATCH) {
        if (next[i] != NONE) {
          predStart[next[i] + 1]++;
        }
        if (alt[i] != NONE) {
          predStart[alt[i] + 1]++;
        }
      }
    }
    for (int i = 0; i < size; i++) {
      predStart[i + 1] += predStart[i];
    }
    int[] preds = new int[predStart[size]];
    int[] fill = Arrays.copyOf(predStart, size);
    for (int i = 0; i < size; i++) {
      if (op[i] != OP_MATCH) {
        if (next[i] != NONE) {
          preds[fill[next[i]]++] = i;
        }
        if (alt[i] != NONE) {
          preds[fill[alt[i]]++] = i;
        }
      }
    }
    // A circular work queue; each state is in it at most once.
    int[] queue = new int[size];
    boolean[] queued = new boolean[size];
    int head = 0;
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (op[i] == OP_MATCH) {
        System.arraycopy(sets, 4 * arg[i], firstSets, 4 * i, 4);
      } else if (op[i] == OP_ACCEPT) {
        canBeEmpty[i] = true;
      } else {
        continue;
      }
      queue[(head + count++) % size] = i;
      queued[i] = true;
    }
    while (count > 0) {
      int v = queue[head];
      head = (head + 1) % size;
      count--;
      queued[v] = false;
      for (int k = predStart[v]; k < predStart[v + 1]; k++) {
        int u = preds[k];
        boolean changed = false;
        for (int w = 0; w < 4; w++) {
          long merged = firstSets[4 * u + w] | firstSets[4 * v + w];
          if (merged != firstSets[4 * u + w]) {
            firstSets[4 * u + w] = merged;
            changed = true;
          }
        }
        if (canBeEmpty[v] && !canBeEmpty[u]) {
          canBeEmpty[u] = true;
          changed = true;
        }
        if (changed && !queued[u]) {
          queue[(head + count++) % size] = u;
          queued[u] = true;
        }
      }
    }
  }

  /** Whether no accept can be reached from {@code state} at {@code pos} of {@code s}. */
  boolean dead(int state, String s, int pos) {
    if (canBeEmpty[state]) {
      return false;
    }
    if (pos >= s.length()) {
      return true;
    }
    int c = s.charAt(pos) & 0xFF;
    return (firstSets[4 * state + (c >>> 6)] >>> c & 1) == 0;
  }

  private static boolean hasAlt(int opcode) {
    return opcode == OP_ALTERNATIVE || opcode == OP_REPEAT;
  }

  /** Whether every way from the start to a byte or to the accept goes through a {@code ^}. */
  private boolean everyPathPassesCaret() {
    boolean[] seen = new boolean[size];
    int[] todo = new int[size];
    int top = 0;
    todo[top++] = start;
    seen[start] = true;
    while (top > 0) {
      int u = todo[--top];
      if (op[u] == OP_MATCH || op[u] == OP_ACCEPT) {
        return false;
      }
      if (op[u] == OP_LINE_BEGIN) {
        continue;
      }
      for (int k = 0; k < 2; k++) {
        int v = k == 0 ? next[u] : alt[u];
        if (v != NONE && !seen[v]) {
          seen[v] = true;
          todo[top++] = v;
        }
      }
    }
    return true;
  }

  boolean matches(int state, int b) {
    return (sets[4 * arg[state] + (b >>> 6)] >>> b & 1) != 0;
  }

  /** The byte a MATCH state accepts when it accepts exactly one, else -1. */
  private int singleByte(int state) {
    int base = 4 * arg[state];
    int count = 0;
    int found = -1;
    for (int w = 0; w < 4; w++) {
      long bits = sets[base + w];
      count += Long.bitCount(bits);
      if (bits != 0) {
        found = 64 * w + Long.numberOfTrailingZeros(bits);
      }
    }
    return count == 1 ? found : -1;
  }

  /** The single bytes matched one after the other from the start, before any choice. */
  private String findPrefix() {
    StringBuilder b = new StringBuilder();
    int u = start;
    while (u != NONE) {
      if (op[u] == OP_MATCH) {
        int c = singleByte(u);
        if (c < 0) {
          break;
        }
        b.append((char) c);
      } else if (op[u] != OP_SUBEXPR_BEGIN && op[u] != OP_SUBEXPR_END && op[u] != OP_LINE_BEGIN) {
        break;
      }
      u = next[u];
    }
    return b.toString();
  }

  /** Group 0's begin, single-byte MATCH states in a row, group 0's end, accept. */
  private String findLiteral() {
    if (groupCount != 1) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    int u = next[start];
    while (u != NONE && op[u] == OP_MATCH) {
      int c = singleByte(u);
      if (c < 0) {
        return null;
      }
      b.append((char) c);
      u = next[u];
    }
    if (u == NONE || op[u] != OP_SUBEXPR_END || next[u] == NONE || op[next[u]] != OP_ACCEPT) {
      return null;
    }
    return b.length() == 0 ? null : b.toString();
  }
}
