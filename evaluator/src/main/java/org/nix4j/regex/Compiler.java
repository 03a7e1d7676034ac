package org.nix4j.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.regex.Scanner.Failure;
import org.nix4j.regex.Scanner.Token;

/**
 * Parses a pattern and builds the automaton exactly as libstdc++'s {@code std::regex} compiler does
 * in extended mode: the same grammar, the same states created in the same order (dummy states,
 * the copies that {@code {n,m}} makes of its operand, and the operands it leaves unreachable), so
 * that the limit of 100,000 states fails on the same patterns, and the same links between states,
 * so that {@link Executor} can walk the automaton in libstdc++'s order.
 *
 * <p>libstdc++ parses recursively; this parser keeps the open groups on an explicit stack so that
 * deeply nested patterns do not grow the JVM stack.
 */
final class Compiler {
  /** libstdc++'s {@code _GLIBCXX_REGEX_STATE_LIMIT}. */
  static final int STATE_LIMIT = 100_000;

  static final int NONE = -1;

  // Opcodes (libstdc++'s _Opcode values that extended mode can produce).
  static final int OP_ALTERNATIVE = 1;
  static final int OP_REPEAT = 2;
  static final int OP_LINE_BEGIN = 3;
  static final int OP_LINE_END = 4;
  static final int OP_SUBEXPR_BEGIN = 5;
  static final int OP_SUBEXPR_END = 6;
  static final int OP_MATCH = 7;
  static final int OP_ACCEPT = 8;
  static final int OP_DUMMY = 9;

  // The automaton under construction.
  int[] op = new int[16];
  int[] next = new int[16];
  int[] alt = new int[16];
  /** Group number for SUBEXPR states, matcher number for MATCH states. */
  int[] arg = new int[16];
  int size;
  /** Matchers: 256-bit sets of the bytes each MATCH state accepts. */
  final List<long[]> matchers = new ArrayList<>();
  int groupCount; // libstdc++'s _M_subexpr_count, group 0 included
  private final ArrayDeque<Integer> parenStack = new ArrayDeque<>();

  private final Scanner scanner;
  private String value = "";

  private Compiler(String pattern) {
    this.scanner = new Scanner(pattern);
  }

  /** Compiles {@code pattern}; the result is the automaton with dummy states bypassed. */
  static Compiler compile(String pattern) {
    try {
      Compiler c = new Compiler(pattern);
      c.build();
      return c;
    } catch (Failure f) {
      throw new RegexSyntaxException(
          pattern,
          f.tooLarge ? RegexSyntaxException.Kind.TOO_LARGE : RegexSyntaxException.Kind.INVALID,
          f.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // States and sequences (libstdc++'s _NFA and _StateSeq)

  private int insert(int opcode, int nxt, int alternative, int argument) {
    if (size == op.length) {
      int n = size * 2;
      op = java.util.Arrays.copyOf(op, n);
      next = java.util.Arrays.copyOf(next, n);
      alt = java.util.Arrays.copyOf(alt, n);
      arg = java.util.Arrays.copyOf(arg, n);
    }
    op[size] = opcode;
    next[size] = nxt;
    alt[size] = alternative;
    arg[size] = argument;
    size++;
    if (size > STATE_LIMIT) {
      throw new Failure("more than " + STATE_LIMIT + " automaton states", true);
    }
    return size - 1;
  }

  private int insertDummy() {
    return insert(OP_DUMMY, NONE, NONE, 0);
  }

  private int insertSubexprBegin() {
    int id = groupCount++;
    parenStack.push(id);
    return insert(OP_SUBEXPR_BEGIN, NONE, NONE, id);
  }

  private int insertSubexprEnd() {
    return insert(OP_SUBEXPR_END, NONE, NONE, parenStack.pop());
  }

  private int insertMatcher(long[] set) {
    matchers.add(set);
    return insert(OP_MATCH, NONE, NONE, matchers.size() - 1);
  }

  private static boolean hasAlt(int opcode) {
    return opcode == OP_ALTERNATIVE || opcode == OP_REPEAT;
  }

  /** A fragment of the automaton: its first and last state (libstdc++'s _StateSeq). */
  private static final class Seq {
    int start;
    int end;

    Seq(int s) {
      this(s, s);
    }

    Seq(int start, int end) {
      this.start = start;
      this.end = end;
    }
  }

  private void append(Seq s, int id) {
    next[s.end] = id;
    s.end = id;
  }

  private void append(Seq s, Seq t) {
    next[s.end] = t.start;
    s.end = t.end;
  }

  // Scratch for cloneSeq: cloneOf[u] is valid when cloneStamp[u] == stamp.
  private int[] cloneOf = new int[0];
  private int[] cloneStamp = new int[0];
  private int stamp;
  private int[] cloneStack = new int[16];
  private int[] cloned = new int[16];

  private boolean isCloned(int u) {
    return u < cloneStamp.length && cloneStamp[u] == stamp;
  }

  /**
   * libstdc++'s _StateSeq::_M_clone: copies every state reachable from start (not following the
   * end's next link) in the same order, including its quirk of copying twice a state that is
   * pushed twice before being copied, so that the state count stays identical.
   */
  private Seq cloneSeq(Seq s) {
    stamp++;
    int oldSize = size;
    if (cloneStamp.length < oldSize) {
      cloneStamp = java.util.Arrays.copyOf(cloneStamp, Math.max(oldSize, 2 * cloneStamp.length));
      cloneOf = java.util.Arrays.copyOf(cloneOf, cloneStamp.length);
    }
    int top = 0;
    int count = 0;
    cloneStack[top++] = s.start;
    while (top > 0) {
      int u = cloneStack[--top];
      int id = insert(op[u], next[u], alt[u], arg[u]);
      if (!isCloned(u)) {
        if (count == cloned.length) {
          cloned = java.util.Arrays.copyOf(cloned, 2 * count);
        }
        cloned[count++] = u;
      }
      cloneStamp[u] = stamp;
      cloneOf[u] = id;
      if (top + 2 > cloneStack.length) {
        cloneStack = java.util.Arrays.copyOf(cloneStack, 2 * cloneStack.length);
      }
      if (hasAlt(op[u]) && alt[u] != NONE && !isCloned(alt[u])) {
        cloneStack[top++] = alt[u];
      }
      if (u == s.end) {
        continue;
      }
      if (next[u] != NONE && !isCloned(next[u])) {
        cloneStack[top++] = next[u];
      }
    }
    for (int k = 0; k < count; k++) {
      int v = cloneOf[cloned[k]];
      if (next[v] != NONE) {
        next[v] = cloneOf[next[v]];
      }
      if (hasAlt(op[v]) && alt[v] != NONE) {
        alt[v] = cloneOf[alt[v]];
      }
    }
    return new Seq(cloneOf[s.start], cloneOf[s.end]);
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing (libstdc++'s _Compiler, with the recursion of _M_disjunction/_M_atom made explicit)

  private boolean matchToken(Token t) {
    if (scanner.token() == t) {
      value = scanner.value();
      scanner.advance();
      return true;
    }
    return false;
  }

  /** An open group (or the whole pattern): its disjunction so far and its current alternative. */
  private static final class Frame {
    final Seq groupStart; // null for the whole pattern
    Seq disjunction; // the alternatives before the current one, joined; null before the first '|'
    final List<Seq> terms = new ArrayList<>();

    Frame(Seq groupStart) {
      this.groupStart = groupStart;
    }
  }

  private void build() {
    Seq whole = new Seq(0);
    append(whole, insertSubexprBegin());
    ArrayDeque<Frame> frames = new ArrayDeque<>();
    Frame f = new Frame(null);
    while (true) {
      // _M_term: an assertion, or an atom followed by quantifiers.
      Seq atom = null;
      if (matchToken(Token.LINE_BEGIN)) {
        f.terms.add(new Seq(insert(OP_LINE_BEGIN, NONE, NONE, 0)));
        continue;
      } else if (matchToken(Token.LINE_END)) {
        f.terms.add(new Seq(insert(OP_LINE_END, NONE, NONE, 0)));
        continue;
      } else if (matchToken(Token.ANYCHAR)) {
        long[] set = new long[4];
        for (int c = 1; c < 256; c++) {
          set[c >>> 6] |= 1L << c;
        }
        atom = new Seq(insertMatcher(set));
      } else if (matchToken(Token.ORD_CHAR)) {
        long[] set = new long[4];
        int c = value.charAt(0) & 0xFF;
        set[c >>> 6] |= 1L << c;
        atom = new Seq(insertMatcher(set));
      } else if (matchToken(Token.SUBEXPR_BEGIN)) {
        frames.push(f);
        f = new Frame(new Seq(insertSubexprBegin()));
        continue;
      } else if (matchToken(Token.BRACKET_NEG_BEGIN)) {
        atom = new Seq(insertMatcher(bracket(true)));
      } else if (matchToken(Token.BRACKET_BEGIN)) {
        atom = new Seq(insertMatcher(bracket(false)));
      } else {
        // No term here: the alternative ends (_M_alternative's final dummy state) ...
        Seq alternative = endAlternative(f.terms);
        f.terms.clear();
        if (f.disjunction == null) {
          f.disjunction = alternative;
        } else {
          int end = insertDummy();
          append(f.disjunction, end);
          append(alternative, end);
          f.disjunction = new Seq(insert(OP_ALTERNATIVE, alternative.start, f.disjunction.start, 0), end);
        }
        if (matchToken(Token.OR)) {
          continue;
        }
        // ... and so does the disjunction.
        if (f.groupStart == null) {
          if (!matchToken(Token.EOF)) {
            throw new Failure("unmatched parenthesis or misplaced operator");
          }
          append(whole, f.disjunction);
          append(whole, insertSubexprEnd());
          append(whole, insert(OP_ACCEPT, NONE, NONE, 0));
          eliminateDummies();
          return;
        }
        if (!matchToken(Token.SUBEXPR_END)) {
          throw new Failure("unmatched parenthesis or misplaced operator");
        }
        atom = f.groupStart;
        append(atom, f.disjunction);
        append(atom, insertSubexprEnd());
        f = frames.pop();
      }
      while (true) {
        Seq q = quantifier(atom);
        if (q == null) {
          break;
        }
        atom = q;
      }
      f.terms.add(atom);
    }
  }

  /** The terms of an alternative joined in order, ending with a new dummy state. */
  private Seq endAlternative(List<Seq> terms) {
    int dummy = insertDummy();
    if (terms.isEmpty()) {
      return new Seq(dummy);
    }
    Seq first = terms.get(0);
    Seq s = new Seq(first.start, first.end);
    for (int i = 1; i < terms.size(); i++) {
      append(s, terms.get(i));
    }
    append(s, dummy);
    return s;
  }

  /** libstdc++'s _M_quantifier applied to {@code e}; null when no quantifier follows. */
  private Seq quantifier(Seq e) {
    if (matchToken(Token.CLOSURE0)) {
      Seq r = new Seq(insert(OP_REPEAT, NONE, e.start, 0));
      append(e, r);
      return r;
    }
    if (matchToken(Token.CLOSURE1)) {
      append(e, insert(OP_REPEAT, NONE, e.start, 0));
      return e;
    }
    if (matchToken(Token.OPT)) {
      int end = insertDummy();
      Seq r = new Seq(insert(OP_REPEAT, NONE, e.start, 0));
      append(e, end);
      append(r, end);
      return r;
    }
    if (!matchToken(Token.INTERVAL_BEGIN)) {
      return null;
    }
    if (!matchToken(Token.DUP_COUNT)) {
      throw new Failure("brace expression without a count");
    }
    Seq result = new Seq(insertDummy());
    long minRep = intValue(value);
    boolean infinite = false;
    long n = 0;
    if (matchToken(Token.COMMA)) {
      if (matchToken(Token.DUP_COUNT)) {
        n = intValue(value) - minRep;
      } else {
        infinite = true;
      }
    }
    if (!matchToken(Token.INTERVAL_END)) {
      throw new Failure("unterminated brace expression");
    }
    for (long i = 0; i < minRep; i++) {
      append(result, cloneSeq(e));
    }
    if (infinite) {
      Seq tmp = cloneSeq(e);
      Seq s = new Seq(insert(OP_REPEAT, NONE, tmp.start, 0));
      append(tmp, s);
      append(result, s);
    } else {
      if (n < 0) {
        throw new Failure("invalid range in a brace expression");
      }
      int end = insertDummy();
      List<Integer> repeats = new ArrayList<>();
      for (long i = 0; i < n; i++) {
        Seq tmp = cloneSeq(e);
        // Created as (next = more, alt = less), then swapped like libstdc++ does.
        int r = insert(OP_REPEAT, tmp.start, end, 0);
        repeats.add(r);
        append(result, new Seq(r, tmp.end));
      }
      append(result, end);
      for (int r : repeats) {
        int t = next[r];
        next[r] = alt[r];
        alt[r] = t;
      }
    }
    return result;
  }

  /**
   * libstdc++'s _M_cur_int_value(10): a long that wraps on overflow, returned as an int, so that
   * {@code a{4294967297}} means {@code a{1}} and {@code a{2147483648}} repeats nothing.
   */
  private static int intValue(String digits) {
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      v = v * 10 + (digits.charAt(i) - '0');
    }
    return (int) v;
  }

  // ---------------------------------------------------------------------------------------------
  // Bracket expressions (_M_insert_bracket_matcher and _M_expression_term)

  /** What the previous bracket term was: a character (that may start a range), a class, nothing. */
  private static final class BracketState {
    static final int NONE = 0;
    static final int CHAR = 1;
    static final int CLASS = 2;
    int type = NONE;
    char ch;

    void set(char c) {
      type = CHAR;
      ch = c;
    }
  }

  /** The accumulated contents of one bracket expression (libstdc++'s _BracketMatcher). */
  private static final class BracketSet {
    final boolean[] chars = new boolean[256];
    final List<byte[]> ranges = new ArrayList<>(); // signed bounds, as libstdc++ compares chars
    final boolean[] equivalents = new boolean[256]; // lowercased
    int classMask;
  }

  private long[] bracket(boolean negated) {
    BracketSet set = new BracketSet();
    BracketState last = new BracketState();
    if (matchToken(Token.ORD_CHAR)) {
      last.set(value.charAt(0));
    } else if (matchToken(Token.BRACKET_DASH)) {
      last.set('-');
    }
    while (expressionTerm(last, set)) {
      // one term per iteration
    }
    if (last.type == BracketState.CHAR) {
      set.chars[last.ch & 0xFF] = true;
    }
    long[] bits = new long[4];
    for (int i = 0; i < 256; i++) {
      boolean in = set.chars[i];
      byte sc = (byte) i;
      for (byte[] r : set.ranges) {
        in |= r[0] <= sc && sc <= r[1];
      }
      in |= set.classMask != 0 && PosixClasses.isClass(i, set.classMask);
      in |= set.equivalents[PosixClasses.toLower((char) i)];
      if (in != negated) {
        bits[i >>> 6] |= 1L << i;
      }
    }
    return bits;
  }

  private void pushChar(BracketState last, BracketSet set, char c) {
    if (last.type == BracketState.CHAR) {
      set.chars[last.ch & 0xFF] = true;
    }
    last.set(c);
  }

  private void pushClass(BracketState last, BracketSet set) {
    if (last.type == BracketState.CHAR) {
      set.chars[last.ch & 0xFF] = true;
    }
    last.type = BracketState.CLASS;
  }

  private boolean expressionTerm(BracketState last, BracketSet set) {
    if (matchToken(Token.BRACKET_END)) {
      return false;
    }
    if (matchToken(Token.COLLSYMBOL)) {
      int c = PosixClasses.lookupCollatingName(value);
      if (c < 0) {
        throw new Failure("unknown collating element");
      }
      set.chars[c] = true;
      pushChar(last, set, (char) c);
    } else if (matchToken(Token.EQUIV_CLASS_NAME)) {
      pushClass(last, set);
      int c = PosixClasses.lookupCollatingName(value);
      if (c < 0) {
        throw new Failure("unknown equivalence class");
      }
      set.equivalents[PosixClasses.toLower((char) c)] = true;
    } else if (matchToken(Token.CHAR_CLASS_NAME)) {
      pushClass(last, set);
      int mask = PosixClasses.lookupClassName(value);
      if (mask == 0) {
        throw new Failure("unknown character class");
      }
      set.classMask |= mask;
    } else if (matchToken(Token.ORD_CHAR)) {
      pushChar(last, set, value.charAt(0));
    } else if (matchToken(Token.BRACKET_DASH)) {
      if (matchToken(Token.BRACKET_END)) {
        pushChar(last, set, '-');
        return false;
      } else if (last.type == BracketState.CLASS) {
        throw new Failure("a range cannot start with a class");
      } else if (last.type == BracketState.CHAR) {
        if (matchToken(Token.ORD_CHAR)) {
          makeRange(set, last.ch, value.charAt(0));
          last.type = BracketState.NONE;
        } else if (matchToken(Token.BRACKET_DASH)) {
          makeRange(set, last.ch, '-');
          last.type = BracketState.NONE;
        } else {
          throw new Failure("invalid end of a range");
        }
      } else {
        throw new Failure("'-' in the middle of a bracket expression");
      }
    } else {
      throw new Failure("unterminated bracket expression");
    }
    return true;
  }

  /** A range between two chars compared as C's signed char: bytes 0x80..0xFF sort before 0. */
  private static void makeRange(BracketSet set, char lo, char hi) {
    byte l = (byte) lo;
    byte h = (byte) hi;
    if (l > h) {
      throw new Failure("range out of order");
    }
    set.ranges.add(new byte[] {l, h});
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * libstdc++'s _M_eliminate_dummy: links past dummy states. The first state that is not a dummy
   * along a chain of dummies is remembered, so that long chains (one per '|') are walked once.
   */
  private void eliminateDummies() {
    int[] target = new int[size];
    java.util.Arrays.fill(target, -2);
    for (int i = 0; i < size; i++) {
      next[i] = skipDummies(next[i], target);
      if (hasAlt(op[i])) {
        alt[i] = skipDummies(alt[i], target);
      }
    }
  }

  private int skipDummies(int s, int[] target) {
    int t = s;
    while (t >= 0 && op[t] == OP_DUMMY && target[t] == -2) {
      t = next[t];
    }
    int result = t >= 0 && op[t] == OP_DUMMY ? target[t] : t;
    for (int u = s; u >= 0 && op[u] == OP_DUMMY && target[u] == -2; u = next[u]) {
      target[u] = result;
    }
    return result;
  }
}
