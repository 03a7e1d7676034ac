package org.nix4j.value;

import java.util.Arrays;

/**
 * An attribute set: names (byte strings) sorted in byte order, as Nix sorts them, each with a
 * value and, where known, the position of its definition. Immutable.
 *
 * <p>Lookups are binary searches; sets large enough for that to matter get a hash index on first
 * lookup.
 */
public final class NixAttrs extends Value {
  public static final NixAttrs EMPTY = new NixAttrs(new String[0], new Value[0], null);

  private static final int INDEX_THRESHOLD = 24;

  private final String[] names;
  private final Value[] values;
  /** Positions of the definitions (parallel to names), or null when none is known. */
  private final SourcePos[] positions;
  /** Open-addressing hash index: slot -> index + 1 (0 = empty); built lazily. */
  private int[] index;
  /** See {@link #iterationOrder()}; computed lazily (NO_ORDER: the order of the names). */
  private int[] iteration;

  private static final int[] NO_ORDER = new int[0];

  private NixAttrs(String[] names, Value[] values, SourcePos[] positions) {
    this.names = names;
    this.values = values;
    this.positions = positions;
  }

  /**
   * A set from arrays that are already sorted by name without duplicates; takes ownership of
   * the arrays. {@code positions} may be null.
   */
  public static NixAttrs ofSorted(String[] names, Value[] values, SourcePos[] positions) {
    if (names.length == 0) {
      return EMPTY;
    }
    return new NixAttrs(names, values, positions);
  }

  /**
   * Collects attributes in any order and builds a set; for a name given twice the last value
   * wins (or the first, see {@link #firstWins}). Cheap when the names come already sorted.
   */
  public static final class Builder {
    private String[] names;
    private Value[] values;
    private int n;
    private boolean sorted = true;
    private boolean firstWins;

    public Builder() {
      this(8);
    }

    public Builder(int capacity) {
      names = new String[Math.max(capacity, 1)];
      values = new Value[Math.max(capacity, 1)];
    }

    /** For a name given twice, keep the first value instead of the last. */
    public Builder firstWins() {
      firstWins = true;
      return this;
    }

    public Builder put(String name, Value value) {
      if (n == names.length) {
        names = Arrays2.copyOf(names, n * 2);
        values = Arrays2.copyOf(values, n * 2);
      }
      if (sorted && n > 0 && names[n - 1].compareTo(name) >= 0) {
        sorted = false;
      }
      names[n] = name;
      values[n] = value;
      n++;
      return this;
    }

    public int size() {
      return n;
    }

    /** Empties the builder for another set (what it built keeps its own arrays). */
    public void reset() {
      java.util.Arrays.fill(names, 0, n, null);
      java.util.Arrays.fill(values, 0, n, null);
      n = 0;
      sorted = true;
    }

    public NixAttrs build() {
      return build(null);
    }

    /**
     * Builds the set; its array of names is taken from {@code shapes} when an earlier set had
     * the same names (null: a new array).
     */
    public NixAttrs build(Shapes shapes) {
      if (n == 0) {
        return EMPTY;
      }
      if (sorted) {
        String[] outN = shapes == null ? Arrays2.copyOf(names, n) : shapes.share(names, n);
        return new NixAttrs(outN, Arrays2.copyOf(values, n), null);
      }
      Integer[] idx = new Integer[n];
      for (int i = 0; i < n; i++) {
        idx[i] = i;
      }
      // Stable: equal names stay in the order given.
      java.util.Arrays.sort(idx, new java.util.Comparator<Integer>() {
        @Override
        public int compare(Integer a, Integer b) {
          return names[a].compareTo(names[b]);
        }
      });
      String[] outN = new String[n];
      Value[] outV = new Value[n];
      int k = 0;
      for (int i = 0; i < n; i++) {
        int j = idx[i];
        if (k > 0 && outN[k - 1].equals(names[j])) {
          if (!firstWins) {
            outV[k - 1] = values[j];
          }
          continue;
        }
        outN[k] = names[j];
        outV[k] = values[j];
        k++;
      }
      return new NixAttrs(shapes != null ? shapes.share(outN, k) : k == n ? outN : Arrays2.copyOf(outN, k),
          k == n ? outV : Arrays2.copyOf(outV, k), null);
    }
  }

  /**
   * Arrays of sorted names shared between sets that have the same names (e.g. the objects of a
   * JSON array), so that each such set holds only its values: a small direct-mapped cache of
   * the arrays made last. Not thread-safe: one per producer.
   */
  public static final class Shapes {
    private final String[][] cache = new String[64][];

    /**
     * An array equal to {@code names[0..n)}: a cached one, else a new copy (then cached); never
     * {@code names} itself.
     */
    public String[] share(String[] names, int n) {
      int h = n;
      for (int i = 0; i < n; i++) {
        h = 31 * h + names[i].hashCode();
      }
      int slot = (h ^ (h >>> 16)) & (cache.length - 1);
      String[] c = cache[slot];
      if (c != null && c.length == n) {
        int i = 0;
        while (i < n && c[i].equals(names[i])) {
          i++;
        }
        if (i == n) {
          return c;
        }
      }
      // A copy: the caller may reuse its array.
      c = Arrays2.copyOf(names, n);
      cache[slot] = c;
      return c;
    }
  }

  public static NixAttrs of(String name, Value value) {
    return new NixAttrs(new String[] {name}, new Value[] {value}, null);
  }

  public int size() {
    return names.length;
  }

  public boolean isEmpty() {
    return names.length == 0;
  }

  public String nameAt(int i) {
    return names[i];
  }

  public Value valueAt(int i) {
    return values[i];
  }

  /** The position of the i-th attribute's definition, or null. */
  public SourcePos positionAt(int i) {
    return positions == null ? null : positions[i];
  }

  /** Sorted names; read only. */
  public String[] names() {
    return names;
  }

  /** Values in the order of {@link #names()}; read only. */
  public Value[] values() {
    return values;
  }

  SourcePos[] positionsArray() {
    return positions;
  }

  /**
   * The order in which Nix 2.8 walks the attributes when it forces a set deeply or compares
   * two sets: the order its symbols were created, which is roughly the order the names first
   * appear in the source. nix4j approximates it by the positions of the definitions (attributes
   * without a position come last, by name). Null when that is the order of the names.
   */
  public int[] iterationOrder() {
    int[] it = iteration;
    if (it == null) {
      it = computeIterationOrder();
      iteration = it;
    }
    return it == NO_ORDER ? null : it;
  }

  private int[] computeIterationOrder() {
    if (positions == null || names.length < 2) {
      return NO_ORDER;
    }
    // Sets made by the same code have the same positions (often the same array): their order
    // is computed once and shared.
    SourcePos[] ps = positions;
    int h = ps.length;
    for (SourcePos p : ps) {
      h = 31 * h + System.identityHashCode(p);
    }
    int slot = (h ^ (h >>> 16)) & (ORDER_CACHE.length - 1);
    Order cached = ORDER_CACHE[slot];
    if (cached != null && cached.matches(ps)) {
      return cached.order;
    }
    int[] order = sortByPosition(ps);
    ORDER_CACHE[slot] = new Order(new java.lang.ref.WeakReference<>(ps), order);
    return order;
  }

  /**
   * An iteration order computed for an array of positions (compared element by element). The
   * array is held weakly: the cache keeps no source file alive.
   */
  private record Order(java.lang.ref.WeakReference<SourcePos[]> positions, int[] order) {
    boolean matches(SourcePos[] ps) {
      SourcePos[] mine = positions.get();
      if (mine == ps) {
        return true;
      }
      if (mine == null) {
        return false;
      }
      if (mine.length != ps.length) {
        return false;
      }
      for (int i = 0; i < ps.length; i++) {
        if (mine[i] != ps[i]) {
          return false;
        }
      }
      return true;
    }
  }

  /** Shared by all threads: entries are immutable, a lost update only costs a recomputation. */
  private static final Order[] ORDER_CACHE = new Order[256];

  private static int[] sortByPosition(SourcePos[] positions) {
    int n = positions.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, new java.util.Comparator<Integer>() {
      @Override
      public int compare(Integer a, Integer b) {
        SourcePos pa = positions[a];
        SourcePos pb = positions[b];
        if (pa == null || pb == null) {
          return pa == null ? (pb == null ? Integer.compare(a, b) : 1) : -1;
        }
        if (pa.file() != pb.file()) {
          int c = pa.file().name().compareTo(pb.file().name());
          if (c != 0) {
            return c;
          }
        }
        int c = Integer.compare(pa.start(), pb.start());
        return c != 0 ? c : Integer.compare(a, b);
      }
    });
    boolean identity = true;
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = idx[i];
      identity &= out[i] == i;
    }
    return identity ? NO_ORDER : out;
  }

  /** The index of {@code name}, or -1. */
  public int indexOf(String name) {
    int n = names.length;
    if (n < INDEX_THRESHOLD) {
      int lo = 0;
      int hi = n - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        int c = names[mid].compareTo(name);
        if (c < 0) {
          lo = mid + 1;
        } else if (c > 0) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -1;
    }
    int[] idx = index;
    if (idx == null) {
      idx = buildIndex();
    }
    int mask = idx.length - 1;
    int h = mix(name.hashCode()) & mask;
    while (true) {
      int e = idx[h];
      if (e == 0) {
        return -1;
      }
      if (names[e - 1].equals(name)) {
        return e - 1;
      }
      h = (h + 1) & mask;
    }
  }

  private int[] buildIndex() {
    int cap = Integer.highestOneBit(names.length * 2 - 1) << 1;
    int[] idx = new int[cap];
    int mask = cap - 1;
    for (int i = 0; i < names.length; i++) {
      int h = mix(names[i].hashCode()) & mask;
      while (idx[h] != 0) {
        h = (h + 1) & mask;
      }
      idx[h] = i + 1;
    }
    index = idx;
    return idx;
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  /** The value of {@code name} (maybe a thunk), or null. */
  public Value get(String name) {
    int i = indexOf(name);
    return i < 0 ? null : values[i];
  }

  public boolean has(String name) {
    return indexOf(name) >= 0;
  }

  /** {@code this // other}: the attributes of both, those of {@code other} winning. */
  public NixAttrs update(NixAttrs other) {
    if (other.names.length == 0) {
      return this;
    }
    if (names.length == 0) {
      return other;
    }
    int n1 = names.length;
    int n2 = other.names.length;
    if (n1 + n2 <= SMALL_UPDATE) {
      NixAttrs r = updateSmall(other);
      if (r != null) {
        return r;
      }
    }
    // Small right side into a big left side: merge by copying with insertions.
    String[] outN = new String[n1 + n2];
    Value[] outV = new Value[n1 + n2];
    boolean withPos = positions != null || other.positions != null;
    SourcePos[] outP = withPos ? new SourcePos[n1 + n2] : null;
    int i = 0;
    int j = 0;
    int k = 0;
    if (n2 * 8 < n1) {
      // Galloping: find each of other's names by binary search and copy the runs between.
      for (; j < n2; j++) {
        String key = other.names[j];
        int pos = Arrays.binarySearch(names, i, n1, key);
        int stop = pos >= 0 ? pos : -pos - 1;
        int run = stop - i;
        System.arraycopy(names, i, outN, k, run);
        System.arraycopy(values, i, outV, k, run);
        if (withPos && positions != null) {
          System.arraycopy(positions, i, outP, k, run);
        }
        k += run;
        i = stop;
        outN[k] = key;
        outV[k] = other.values[j];
        if (withPos) {
          outP[k] = other.positions == null ? null : other.positions[j];
        }
        k++;
        if (pos >= 0) {
          i++;
        }
      }
    } else {
      while (i < n1 && j < n2) {
        int c = names[i].compareTo(other.names[j]);
        if (c < 0) {
          outN[k] = names[i];
          outV[k] = values[i];
          if (withPos) {
            outP[k] = positions == null ? null : positions[i];
          }
          i++;
        } else {
          outN[k] = other.names[j];
          outV[k] = other.values[j];
          if (withPos) {
            outP[k] = other.positions == null ? null : other.positions[j];
          }
          j++;
          if (c == 0) {
            i++;
          }
        }
        k++;
      }
      while (j < n2) {
        outN[k] = other.names[j];
        outV[k] = other.values[j];
        if (withPos) {
          outP[k] = other.positions == null ? null : other.positions[j];
        }
        j++;
        k++;
      }
    }
    int rest = n1 - i;
    System.arraycopy(names, i, outN, k, rest);
    System.arraycopy(values, i, outV, k, rest);
    if (withPos && positions != null) {
      System.arraycopy(positions, i, outP, k, rest);
    }
    k += rest;
    if (k < outN.length) {
      outN = Arrays2.copyOf(outN, k);
      outV = Arrays2.copyOf(outV, k);
      if (outP != null) {
        outP = Arrays2.copyOf(outP, k);
      }
    }
    return new NixAttrs(outN, outV, outP);
  }

  private static final int SMALL_UPDATE = 64;

  /**
   * How {@code a // b} is laid out for given arrays of names and positions of a and b (compared
   * by identity: sets made by the same code share them): the names and positions of the result,
   * shared by every result, and where each value comes from ({@code i >= 0}: a's i-th value,
   * else b's {@code ~i}-th). The inputs are held weakly: the cache keeps no source file alive.
   */
  private record UpdateShape(java.lang.ref.WeakReference<Object[]> leftNames,
      java.lang.ref.WeakReference<Object[]> rightNames, java.lang.ref.WeakReference<Object[]> leftPos,
      java.lang.ref.WeakReference<Object[]> rightPos, String[] names, SourcePos[] positions, int[] from) {
    boolean matches(NixAttrs a, NixAttrs b) {
      return leftNames.get() == a.names && rightNames.get() == b.names
          && (a.positions == null ? leftPos == null : leftPos != null && leftPos.get() == a.positions)
          && (b.positions == null ? rightPos == null : rightPos != null && rightPos.get() == b.positions);
    }
  }

  /** Shared by all threads: entries are immutable, a lost update only costs a recomputation. */
  private static final UpdateShape[] UPDATE_CACHE = new UpdateShape[256];

  /**
   * Hashes of the pairs of names arrays seen last, by slot: a pair gets a plan only when it comes
   * again, so that updates of sets of ever new shapes (a set grown in a loop) cost no plan.
   */
  private static final int[] UPDATE_SEEN = new int[256];

  /**
   * {@code this // other} for small sets when the pair of shapes was seen before: merges once
   * per pair of shapes, then reuses the plan; null for a pair seen the first time.
   */
  private NixAttrs updateSmall(NixAttrs other) {
    int h = System.identityHashCode(names) * 31 + System.identityHashCode(other.names);
    int slot = (h ^ (h >>> 16)) & (UPDATE_CACHE.length - 1);
    UpdateShape u = UPDATE_CACHE[slot];
    if (u == null || !u.matches(this, other)) {
      if (UPDATE_SEEN[slot] != h) {
        UPDATE_SEEN[slot] = h;
        return null;
      }
      u = planUpdate(other);
      UPDATE_CACHE[slot] = u;
    }
    int[] from = u.from;
    Value[] outV = new Value[from.length];
    Value[] v1 = values;
    Value[] v2 = other.values;
    for (int k = 0; k < from.length; k++) {
      int e = from[k];
      outV[k] = e >= 0 ? v1[e] : v2[~e];
    }
    return new NixAttrs(u.names, outV, u.positions);
  }

  private UpdateShape planUpdate(NixAttrs other) {
    String[] a = names;
    String[] b = other.names;
    int n1 = a.length;
    int n2 = b.length;
    String[] outN = new String[n1 + n2];
    int[] from = new int[n1 + n2];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < n1 || j < n2) {
      int c = i == n1 ? 1 : j == n2 ? -1 : a[i].compareTo(b[j]);
      if (c < 0) {
        outN[k] = a[i];
        from[k++] = i++;
      } else {
        outN[k] = b[j];
        from[k++] = ~j++;
        if (c == 0) {
          i++;
        }
      }
    }
    if (k < outN.length) {
      outN = Arrays2.copyOf(outN, k);
      from = Arrays.copyOf(from, k);
    }
    SourcePos[] outP = null;
    if (positions != null || other.positions != null) {
      outP = new SourcePos[k];
      for (int m = 0; m < k; m++) {
        int e = from[m];
        SourcePos[] ps = e >= 0 ? positions : other.positions;
        outP[m] = ps == null ? null : ps[e >= 0 ? e : ~e];
      }
    }
    return new UpdateShape(new java.lang.ref.WeakReference<>(a), new java.lang.ref.WeakReference<>(b),
        positions == null ? null : new java.lang.ref.WeakReference<>(positions),
        other.positions == null ? null : new java.lang.ref.WeakReference<>(other.positions),
        outN, outP, from);
  }

  /** Whether this set is a derivation: its {@code type} attribute is the string "derivation". */
  public boolean isDerivationShallow() {
    Value t = get("type");
    if (t instanceof Thunk th) {
      t = th.valueOrNull();
    }
    return t instanceof NixString s && s.bytes.equals("derivation");
  }

  @Override
  public String typeOf() {
    return "set";
  }

  @Override
  public String describe() {
    return "a set";
  }
}
