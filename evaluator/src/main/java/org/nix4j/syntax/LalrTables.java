package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LALR(1) parse tables built the way GNU Bison builds them, for a grammar written in a small
 * subset of Bison's notation. nix4j parses with its own recursive-descent {@link Parser}; these
 * tables exist only so that {@link NixSyntaxMessages} can tell which message Nix's Bison-generated
 * parser would print for a syntax error, which depends on Bison's exact conventions:
 *
 * <ul>
 *   <li>symbols are numbered in order of first appearance ({@code $end}, {@code error} and
 *       {@code $undefined} first); expected tokens are listed in that order;
 *   <li>shift/reduce conflicts are resolved with precedence and associativity (a rule takes the
 *       precedence of its last terminal, or of its {@code %prec} symbol); a {@code %nonassoc}
 *       tie becomes an explicit error entry; conflicts that precedence does not resolve are kept
 *       (a GLR parser explores both), with the shift, or the lowest-numbered rule, as the primary
 *       action;
 *   <li>in every state with reductions, the reduction with the most lookahead tokens becomes the
 *       default action (ties: the lowest-numbered rule) and its entries are removed from the row,
 *       except conflicted ones; a state whose row is then empty reduces without a lookahead.
 * </ul>
 *
 * <p>The grammar text: one rule group per paragraph line {@code lhs: sym sym | sym %prec TOK |
 * %empty}, continuation lines starting with {@code |}; terminals are upper-case names or quoted
 * characters ({@code ';'}), non-terminals lower-case names. The first non-terminal is the start
 * symbol.
 *
 * <p>Building the tables takes a while on a cold JVM (about 0.2 s), so the tables of Nix's
 * grammar are kept in {@link NixGrammarTables} in {@link #encode() encoded} form and
 * {@link #decode decoded} on first use (a few milliseconds); a test rebuilds them from the
 * grammar and checks that they are the same.
 */
final class LalrTables {
  /** Associativity of a precedence level. */
  enum Assoc {
    LEFT,
    RIGHT,
    NONASSOC
  }

  /** An action entry that is an explicit error (a {@code %nonassoc} tie). */
  static final int ERROR = Integer.MIN_VALUE;

  /** Names of the terminals, indexed by Bison's symbol number. */
  final String[] terminals;
  final int nTerminals;
  /** The rules: rule 0 is {@code $accept: start $end}. */
  final int[] ruleLhs;
  final int[] ruleLength;
  final int nStates;
  /**
   * {@code action[state * nTerminals + token]}: 0 for the default action, {@code s + 1} to shift
   * and go to state {@code s}, {@code -r} to reduce by rule {@code r}, {@link #ERROR}.
   */
  final int[] action;
  /** Further reductions of a conflicted entry (GLR), or null; same index as {@link #action}. */
  final int[][] conflicts;
  /** The default reduction of each state, or -1 (the default is then an error). */
  final int[] defaultRule;
  /** Whether a state's row has no entry: it takes its default action without a lookahead. */
  final boolean[] defaulted;
  /** {@code gotoState[state * nNonterminals + (symbol - nTerminals)]}, or -1. */
  final int[] gotoState;
  final int nNonterminals;
  /** The state reached by shifting {@code $end}: the parser accepts there. */
  final int finalState;
  /** The number of unresolved shift/reduce and reduce/reduce conflicts. */
  final int srConflicts;
  final int rrConflicts;

  // ---- the grammar, during construction ----
  private final Map<String, Integer> symbolIds = new HashMap<>();
  private final List<String> ntNames = new ArrayList<>();
  private final List<int[]> rules = new ArrayList<>();
  private final List<Integer> lhsList = new ArrayList<>();
  private final List<Integer> precList = new ArrayList<>();
  private final int[] termPrec;
  private final Assoc[] termAssoc;

  /**
   * Builds the tables.
   *
   * @param terminals the terminals in Bison's order; index 0 is {@code $end}
   * @param precedence precedence lines, lowest first: an {@link Assoc} name then terminals
   * @param grammar the rules (see the class comment)
   */
  LalrTables(String[] terminals, String[] precedence, String grammar) {
    this.terminals = terminals;
    this.nTerminals = terminals.length;
    for (int i = 0; i < terminals.length; i++) {
      symbolIds.put(terminals[i], i);
    }
    termPrec = new int[nTerminals];
    termAssoc = new Assoc[nTerminals];
    for (int level = 0; level < precedence.length; level++) {
      String[] words = precedence[level].trim().split("\\s+");
      Assoc assoc = Assoc.valueOf(words[0]);
      for (int i = 1; i < words.length; i++) {
        int t = terminal(words[i]);
        termPrec[t] = level + 1;
        termAssoc[t] = assoc;
      }
    }
    readGrammar(grammar);
    nNonterminals = ntNames.size();
    int nRules = rules.size();
    ruleLhs = new int[nRules];
    ruleLength = new int[nRules];
    for (int r = 0; r < nRules; r++) {
      ruleLhs[r] = lhsList.get(r);
      ruleLength[r] = rules.get(r).length;
    }

    Builder b = new Builder();
    b.lr0();
    b.lookaheads();
    nStates = b.states.size();
    action = new int[nStates * nTerminals];
    conflicts = new int[nStates * nTerminals][];
    defaultRule = new int[nStates];
    defaulted = new boolean[nStates];
    gotoState = new int[nStates * nNonterminals];
    Arrays.fill(gotoState, -1);
    int[] counts = b.actions();
    srConflicts = counts[0];
    rrConflicts = counts[1];
    finalState = b.finalState;
  }

  /** Decodes tables written by {@link #encode()}. */
  private LalrTables(String[] terminals, int[] d) {
    this.terminals = terminals;
    this.nTerminals = terminals.length;
    this.termPrec = null;
    this.termAssoc = null;
    int i = 0;
    if (d[i++] != nTerminals) {
      throw new IllegalArgumentException("tables of another grammar");
    }
    nNonterminals = d[i++];
    nStates = d[i++];
    int nRules = d[i++];
    finalState = d[i++];
    srConflicts = d[i++];
    rrConflicts = d[i++];
    ruleLhs = Arrays.copyOfRange(d, i, i + nRules);
    i += nRules;
    ruleLength = Arrays.copyOfRange(d, i, i + nRules);
    i += nRules;
    defaultRule = Arrays.copyOfRange(d, i, i + nStates);
    i += nStates;
    action = new int[nStates * nTerminals];
    for (int n = d[i++]; n > 0; n--) {
      int v = d[i + 2];
      action[d[i] * nTerminals + d[i + 1]] = v == 0 ? ERROR : v;
      i += 3;
    }
    conflicts = new int[nStates * nTerminals][];
    for (int n = d[i++]; n > 0; n--) {
      int idx = d[i] * nTerminals + d[i + 1];
      int len = d[i + 2];
      conflicts[idx] = Arrays.copyOfRange(d, i + 3, i + 3 + len);
      i += 3 + len;
    }
    gotoState = new int[nStates * nNonterminals];
    Arrays.fill(gotoState, -1);
    for (int n = d[i++]; n > 0; n--) {
      gotoState[d[i] * nNonterminals + d[i + 1]] = d[i + 2];
      i += 3;
    }
    defaulted = new boolean[nStates];
    for (int s = 0; s < nStates; s++) {
      boolean empty = true;
      for (int t = 0; t < nTerminals && empty; t++) {
        empty = action[s * nTerminals + t] == 0;
      }
      defaulted[s] = empty;
    }
  }

  /** Tables from the text of {@link #encode()}. */
  static LalrTables decode(String[] terminals, String data) {
    // By hand (no regex, no parseInt): this runs on a cold JVM, before the first error message.
    int[] d = new int[data.length() / 2 + 1];
    int n = 0;
    int value = 0;
    boolean negative = false;
    boolean inNumber = false;
    for (int i = 0, len = data.length(); i <= len; i++) {
      char c = i < len ? data.charAt(i) : ' ';
      if (c == ' ') {
        if (inNumber) {
          d[n++] = negative ? -value : value;
        }
        value = 0;
        negative = false;
        inNumber = false;
      } else if (c == '-') {
        negative = true;
      } else {
        value = value * 36 + (c <= '9' ? c - '0' : c - 'a' + 10);
        inNumber = true;
      }
    }
    return new LalrTables(terminals, Arrays.copyOf(d, n));
  }

  /**
   * The tables as text: integers in base 36 separated by spaces (sizes, rules, default
   * reductions, then the non-empty action, conflict and goto entries).
   */
  String encode() {
    List<Integer> d = new ArrayList<>();
    for (int v : new int[] {nTerminals, nNonterminals, nStates, ruleLhs.length, finalState,
        srConflicts, rrConflicts}) {
      d.add(v);
    }
    for (int v : ruleLhs) {
      d.add(v);
    }
    for (int v : ruleLength) {
      d.add(v);
    }
    for (int v : defaultRule) {
      d.add(v);
    }
    List<Integer> entries = new ArrayList<>();
    int n = 0;
    for (int i = 0; i < action.length; i++) {
      if (action[i] != 0) {
        entries.add(i / nTerminals);
        entries.add(i % nTerminals);
        entries.add(action[i] == ERROR ? 0 : action[i]);
        n++;
      }
    }
    d.add(n);
    d.addAll(entries);
    entries.clear();
    n = 0;
    for (int i = 0; i < conflicts.length; i++) {
      if (conflicts[i] != null) {
        entries.add(i / nTerminals);
        entries.add(i % nTerminals);
        entries.add(conflicts[i].length);
        for (int r : conflicts[i]) {
          entries.add(r);
        }
        n++;
      }
    }
    d.add(n);
    d.addAll(entries);
    entries.clear();
    n = 0;
    for (int i = 0; i < gotoState.length; i++) {
      if (gotoState[i] >= 0) {
        entries.add(i / nNonterminals);
        entries.add(i % nNonterminals);
        entries.add(gotoState[i]);
        n++;
      }
    }
    d.add(n);
    d.addAll(entries);
    StringBuilder sb = new StringBuilder();
    for (int v : d) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(Integer.toString(v, 36));
    }
    return sb.toString();
  }

  private int terminal(String name) {
    Integer t = symbolIds.get(name);
    if (t == null || t >= nTerminals) {
      throw new IllegalArgumentException("unknown terminal " + name);
    }
    return t;
  }

  private int symbol(String name) {
    Integer s = symbolIds.get(name);
    if (s != null) {
      return s;
    }
    if (Character.isUpperCase(name.charAt(0)) || name.charAt(0) == '\'') {
      throw new IllegalArgumentException("undeclared terminal " + name);
    }
    int id = nTerminals + ntNames.size();
    ntNames.add(name);
    symbolIds.put(name, id);
    return id;
  }

  private void readGrammar(String grammar) {
    // Rule 0: $accept: start $end (its right-hand side is filled in once the start is known).
    int accept = symbol("$accept");
    rules.add(null);
    lhsList.add(accept);
    precList.add(-1);
    int lhs = -1;
    int start = -1;
    for (String rawLine : grammar.split("\n")) {
      String line = rawLine.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String body;
      if (line.startsWith("|")) {
        body = line.substring(1);
      } else {
        int colon = line.indexOf(':');
        lhs = symbol(line.substring(0, colon).strip());
        if (start < 0) {
          start = lhs;
        }
        body = line.substring(colon + 1);
      }
      for (String alt : body.split("\\|")) {
        List<Integer> rhs = new ArrayList<>();
        int prec = -1;
        String[] words = alt.strip().split("\\s+");
        for (int i = 0; i < words.length; i++) {
          String w = words[i];
          if (w.isEmpty() || w.equals("%empty")) {
            continue;
          }
          if (w.equals("%prec")) {
            prec = terminal(words[++i]);
            continue;
          }
          rhs.add(symbol(w));
        }
        if (prec < 0) {
          // The rule takes the precedence of its last terminal (unless %prec names one).
          for (int i = rhs.size() - 1; i >= 0; i--) {
            if (rhs.get(i) < nTerminals) {
              prec = rhs.get(i);
              break;
            }
          }
        }
        rules.add(rhs.stream().mapToInt(Integer::intValue).toArray());
        lhsList.add(lhs);
        precList.add(prec);
      }
    }
    rules.set(0, new int[] {start, 0});
  }

  String symbolName(int s) {
    return s < nTerminals ? terminals[s] : ntNames.get(s - nTerminals);
  }

  /** The LR(0) automaton, the LALR(1) lookaheads and the action rows. */
  private final class Builder {
    final int nRules = rules.size();
    /** The first item id of each rule; item = ruleItem[r] + dot. */
    final int[] ruleItem = new int[nRules + 1];
    final int[] itemRule;
    final List<int[]> states = new ArrayList<>();
    final Map<String, Integer> stateIndex = new HashMap<>();
    /** Closure items of each state (kernel first). */
    final List<int[]> closures = new ArrayList<>();
    /** Transitions: symbol to state, per state. */
    final List<Map<Integer, Integer>> transitions = new ArrayList<>();
    final List<List<Integer>> rulesOf = new ArrayList<>();
    final BitSet[] first;
    final boolean[] nullable;
    /** Lookaheads of the closure items of each state, parallel to closures. */
    final List<BitSet[]> la = new ArrayList<>();
    int finalState = -1;

    Builder() {
      int n = 0;
      for (int r = 0; r < nRules; r++) {
        ruleItem[r] = n;
        n += rules.get(r).length + 1;
      }
      ruleItem[nRules] = n;
      itemRule = new int[n];
      for (int r = 0; r < nRules; r++) {
        for (int i = ruleItem[r]; i < ruleItem[r + 1]; i++) {
          itemRule[i] = r;
        }
      }
      for (int i = 0; i < ntNames.size(); i++) {
        rulesOf.add(new ArrayList<>());
      }
      for (int r = 0; r < nRules; r++) {
        rulesOf.get(lhsList.get(r) - nTerminals).add(r);
      }
      nullable = new boolean[ntNames.size()];
      first = new BitSet[ntNames.size()];
      for (int i = 0; i < first.length; i++) {
        first[i] = new BitSet();
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (int r = 0; r < nRules; r++) {
          int a = lhsList.get(r) - nTerminals;
          int[] rhs = rules.get(r);
          boolean allNullable = true;
          for (int s : rhs) {
            if (s < nTerminals) {
              if (!first[a].get(s)) {
                first[a].set(s);
                changed = true;
              }
              allNullable = false;
              break;
            }
            BitSet f = first[s - nTerminals];
            if (!isSubset(f, first[a])) {
              first[a].or(f);
              changed = true;
            }
            if (!nullable[s - nTerminals]) {
              allNullable = false;
              break;
            }
          }
          if (allNullable && !nullable[a]) {
            nullable[a] = true;
            changed = true;
          }
        }
      }
    }

    int dot(int item) {
      return item - ruleItem[itemRule[item]];
    }

    /** The symbol after the dot, or -1 at the end of the rule. */
    int next(int item) {
      int[] rhs = rules.get(itemRule[item]);
      int d = dot(item);
      return d < rhs.length ? rhs[d] : -1;
    }

    int state(int[] kernel) {
      String key = Arrays.toString(kernel);
      Integer s = stateIndex.get(key);
      if (s != null) {
        return s;
      }
      int id = states.size();
      states.add(kernel);
      stateIndex.put(key, id);
      closures.add(closure(kernel));
      transitions.add(new LinkedHashMap<>());
      return id;
    }

    int[] closure(int[] kernel) {
      List<Integer> items = new ArrayList<>();
      boolean[] added = new boolean[ntNames.size()];
      for (int k : kernel) {
        items.add(k);
      }
      for (int i = 0; i < items.size(); i++) {
        int s = next(items.get(i));
        if (s >= nTerminals && !added[s - nTerminals]) {
          added[s - nTerminals] = true;
          for (int r : rulesOf.get(s - nTerminals)) {
            items.add(ruleItem[r]);
          }
        }
      }
      return items.stream().mapToInt(Integer::intValue).toArray();
    }

    void lr0() {
      state(new int[] {ruleItem[0]});
      for (int s = 0; s < states.size(); s++) {
        int[] items = closures.get(s);
        // Group the advanced items by the symbol after the dot, in order of symbol number.
        Map<Integer, List<Integer>> bySymbol = new HashMap<>();
        for (int it : items) {
          int x = next(it);
          if (x >= 0) {
            bySymbol.computeIfAbsent(x, k -> new ArrayList<>()).add(it + 1);
          }
        }
        List<Integer> symbols = new ArrayList<>(bySymbol.keySet());
        symbols.sort(null);
        for (int x : symbols) {
          int[] kernel = bySymbol.get(x).stream().mapToInt(Integer::intValue).sorted().toArray();
          int target = state(kernel);
          transitions.get(s).put(x, target);
          if (x == 0 && itemRule[kernel[0]] == 0) {
            finalState = target;
          }
        }
      }
    }

    /** LALR(1) lookaheads by propagation to a fixpoint over the LR(0) states. */
    void lookaheads() {
      for (int s = 0; s < states.size(); s++) {
        BitSet[] sets = new BitSet[closures.get(s).length];
        for (int i = 0; i < sets.length; i++) {
          sets[i] = new BitSet();
        }
        la.add(sets);
      }
      boolean[] dirty = new boolean[states.size()];
      Arrays.fill(dirty, true);
      boolean any = true;
      while (any) {
        any = false;
        for (int s = 0; s < states.size(); s++) {
          if (!dirty[s]) {
            continue;
          }
          dirty[s] = false;
          int[] items = closures.get(s);
          BitSet[] sets = la.get(s);
          int nKernel = states.get(s).length;
          // Within the state: from each item to the initial items of the non-terminal after its dot.
          boolean changed = true;
          while (changed) {
            changed = false;
            for (int i = 0; i < items.length; i++) {
              int x = next(items[i]);
              if (x < nTerminals) {
                continue;
              }
              BitSet f = firstOfRest(items[i] + 1, sets[i]);
              for (int j = nKernel; j < items.length; j++) {
                if (dot(items[j]) == 0 && lhsList.get(itemRule[items[j]]) == x
                    && !isSubset(f, sets[j])) {
                  sets[j].or(f);
                  changed = true;
                }
              }
            }
          }
          // To the kernels of the successor states.
          for (int i = 0; i < items.length; i++) {
            int x = next(items[i]);
            if (x < 0) {
              continue;
            }
            int t = transitions.get(s).get(x);
            int[] kernel = states.get(t);
            int k = Arrays.binarySearch(kernel, items[i] + 1);
            BitSet target = la.get(t)[k];
            if (!isSubset(sets[i], target)) {
              target.or(sets[i]);
              dirty[t] = true;
              any = true;
            }
          }
        }
      }
    }

    /** FIRST of the rest of a rule from {@code item}, plus {@code follow} when it is nullable. */
    BitSet firstOfRest(int item, BitSet follow) {
      BitSet f = new BitSet();
      int[] rhs = rules.get(itemRule[item]);
      for (int d = dot(item); d < rhs.length; d++) {
        int s = rhs[d];
        if (s < nTerminals) {
          f.set(s);
          return f;
        }
        f.or(first[s - nTerminals]);
        if (!nullable[s - nTerminals]) {
          return f;
        }
      }
      f.or(follow);
      return f;
    }

    /** Fills the tables; returns the numbers of unresolved S/R and R/R conflicts. */
    int[] actions() {
      int sr = 0;
      int rr = 0;
      for (int s = 0; s < states.size(); s++) {
        int[] items = closures.get(s);
        BitSet[] sets = la.get(s);
        Map<Integer, Integer> trans = transitions.get(s);
        BitSet shifts = new BitSet();
        for (Map.Entry<Integer, Integer> e : trans.entrySet()) {
          if (e.getKey() < nTerminals) {
            shifts.set(e.getKey());
          } else {
            gotoState[s * nNonterminals + e.getKey() - nTerminals] = e.getValue();
          }
        }
        // The reductions of the state, in rule order, with their lookaheads.
        List<int[]> reds = new ArrayList<>();
        List<BitSet> redLa = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
          if (next(items[i]) < 0 && itemRule[items[i]] != 0) {
            reds.add(new int[] {itemRule[items[i]]});
            redLa.add((BitSet) sets[i].clone());
          }
        }
        Integer[] order = new Integer[reds.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(reds.get(a)[0], reds.get(b)[0]));
        int[] redRules = new int[order.length];
        BitSet[] redSets = new BitSet[order.length];
        for (int i = 0; i < order.length; i++) {
          redRules[i] = reds.get(order[i])[0];
          redSets[i] = redLa.get(order[i]);
        }
        // Shift/reduce conflicts resolved by precedence (Bison's conflicts.c).
        BitSet lookaheadSet = (BitSet) shifts.clone();
        BitSet errors = new BitSet();
        for (int i = 0; i < redRules.length; i++) {
          int precSym = precList.get(redRules[i]);
          int redPrec = precSym >= 0 ? termPrec[precSym] : 0;
          if (redPrec == 0 || !redSets[i].intersects(lookaheadSet)) {
            continue;
          }
          for (int t = 0; t < nTerminals; t++) {
            if (!redSets[i].get(t) || !lookaheadSet.get(t) || termPrec[t] == 0) {
              continue;
            }
            if (termPrec[t] < redPrec) {
              lookaheadSet.clear(t);
              shifts.clear(t);
            } else if (termPrec[t] > redPrec) {
              redSets[i].clear(t);
            } else {
              switch (termAssoc[t]) {
                case RIGHT:
                  redSets[i].clear(t);
                  break;
                case LEFT:
                  lookaheadSet.clear(t);
                  shifts.clear(t);
                  break;
                default:
                  lookaheadSet.clear(t);
                  shifts.clear(t);
                  redSets[i].clear(t);
                  errors.set(t);
                  break;
              }
            }
          }
        }
        // The action row (Bison's tables.c): reductions, the first rule winning; then shifts.
        int[] row = new int[nTerminals];
        boolean[] conflicted = new boolean[nTerminals];
        for (int i = redRules.length - 1; i >= 0; i--) {
          for (int t = redSets[i].nextSetBit(0); t >= 0; t = redSets[i].nextSetBit(t + 1)) {
            if (row[t] != 0) {
              conflicted[t] = true;
              rr++;
            }
            row[t] = -redRules[i];
          }
        }
        for (int t = shifts.nextSetBit(0); t >= 0; t = shifts.nextSetBit(t + 1)) {
          if (row[t] != 0) {
            conflicted[t] = true;
            sr++;
          }
          row[t] = trans.get(t) + 1;
        }
        for (int t = errors.nextSetBit(0); t >= 0; t = errors.nextSetBit(t + 1)) {
          row[t] = ERROR;
        }
        // Conflict lists: the reductions on a conflicted token other than its primary action.
        for (int t = 0; t < nTerminals; t++) {
          if (!conflicted[t]) {
            continue;
          }
          List<Integer> others = new ArrayList<>();
          for (int i = 0; i < redRules.length; i++) {
            if (redSets[i].get(t) && row[t] != -redRules[i]) {
              others.add(redRules[i]);
            }
          }
          conflicts[s * nTerminals + t] = others.stream().mapToInt(Integer::intValue).toArray();
        }
        // The default reduction: the most common one.
        int def = -1;
        if (redRules.length > 0) {
          int max = 0;
          for (int r : redRules) {
            int count = 0;
            for (int t = 0; t < nTerminals; t++) {
              if (row[t] == -r) {
                count++;
              }
            }
            if (count > max) {
              max = count;
              def = r;
            }
          }
          if (def >= 0) {
            for (int t = 0; t < nTerminals; t++) {
              if (row[t] == -def && !conflicted[t]) {
                row[t] = 0;
              }
            }
          }
        }
        if (def < 0) {
          for (int t = 0; t < nTerminals; t++) {
            if (row[t] == ERROR) {
              row[t] = 0;
            }
          }
        }
        defaultRule[s] = def;
        boolean empty = true;
        for (int t = 0; t < nTerminals; t++) {
          action[s * nTerminals + t] = row[t];
          empty &= row[t] == 0;
        }
        defaulted[s] = empty;
      }
      return new int[] {sr, rr};
    }
  }

  private static boolean isSubset(BitSet a, BitSet b) {
    BitSet c = (BitSet) a.clone();
    c.andNot(b);
    return c.isEmpty();
  }

  /** The state after the non-terminal of rule {@code rule} in {@code state}, or -1. */
  int gotoAfter(int state, int rule) {
    return gotoState[state * nNonterminals + ruleLhs[rule] - nTerminals];
  }

  /** A description of the automaton (states, items are not kept): for debugging the grammar. */
  String describeState(int s) {
    StringBuilder sb = new StringBuilder("state ").append(s).append(':');
    for (int t = 0; t < nTerminals; t++) {
      int a = action[s * nTerminals + t];
      if (a != 0) {
        sb.append(' ').append(terminals[t]).append(a == ERROR ? "=err" : a > 0 ? "=s" + (a - 1)
            : "=r" + (-a));
      }
    }
    sb.append(" default=").append(defaultRule[s]);
    return sb.toString();
  }
}
