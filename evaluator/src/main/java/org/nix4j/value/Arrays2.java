package org.nix4j.value;

import java.util.Collection;

/**
 * Copies of arrays of references for the evaluator's hot paths.
 *
 * <p>{@code Arrays.copyOf}, {@code clone()} and {@code Collection.toArray(new T[0])} on an array
 * of a class other than {@code Object} make the new array reflectively ({@code Array.newInstance})
 * in code compiled by C1, the only compiler of the short-lived commands: about 100 ns a copy
 * where {@code new T[n]} and {@code System.arraycopy} take 10.
 */
public final class Arrays2 {
  private Arrays2() {}

  /** The first {@code n} values of {@code a} (padded with nulls past its end). */
  public static Value[] copyOf(Value[] a, int n) {
    Value[] r = new Value[n];
    System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
    return r;
  }

  /** The values of {@code a} from {@code from} (inclusive) to {@code to} (exclusive). */
  public static Value[] copyOfRange(Value[] a, int from, int to) {
    Value[] r = new Value[to - from];
    System.arraycopy(a, from, r, 0, to - from);
    return r;
  }

  public static String[] copyOf(String[] a, int n) {
    String[] r = new String[n];
    System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
    return r;
  }

  public static SourcePos[] copyOf(SourcePos[] a, int n) {
    SourcePos[] r = new SourcePos[n];
    System.arraycopy(a, 0, r, 0, Math.min(n, a.length));
    return r;
  }

  /** The values of a collection, in its order. */
  public static Value[] values(Collection<? extends Value> c) {
    Value[] r = new Value[c.size()];
    int i = 0;
    for (Value v : c) {
      r[i++] = v;
    }
    return r;
  }

  /** The strings of a collection, in its order. */
  public static String[] strings(Collection<String> c) {
    String[] r = new String[c.size()];
    int i = 0;
    for (String s : c) {
      r[i++] = s;
    }
    return r;
  }
}
