package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nix4j.value.Arrays2;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * length, head, tail, elemAt, elem, concatLists, concatMap, map, filter, foldl', genList,
 * partition, groupBy, all, any, listToAttrs, catAttrs, zipAttrsWith ({@code sort} is in
 * {@link SortBuiltin}).
 *
 * <p>Each forces what Nix 2.8's primop forces, in the same order, so that the same error is
 * reported first; results that Nix builds lazily (map, genList, concatMap's elements,
 * zipAttrsWith's values) hold thunks that apply the function when forced.
 */
final class ListBuiltins {
  private ListBuiltins() {}

  private static final int[] ARG0 = {0};
  private static final int[] ARG1 = {1};
  private static final int[] ARGS01 = {0, 1};

  static void register(Registry r) {
    r.def("length", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixInt.of(Args.toList(a[0]).size());
      }
    });
    r.def("head", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return elemAt(vm, Args.toList(a[0]), 0);
      }
    });
    r.def("tail", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        NixList l = Args.toList(a[0]);
        if (l.size() == 0) {
          throw NixError.eval("'tail' called on an empty list");
        }
        return NixList.wrap(Arrays2.copyOfRange(l.items(), 1, l.size()));
      }
    });
    // Nix forces the index before the list, and truncates it to a C int.
    r.add(new OrderedPrimop("elemAt", 2, new int[] {1, 0}, new Expect[] {Expect.INT, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return elemAt(vm, (NixList) a[0], (int) ((NixInt) a[1]).value);
          }
        }), false);
    r.add(new OrderedPrimop("elem", 2, ARG1, new Expect[] {Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new Elem(a[0], (NixList) a[1]));
          }
        }), false);
    r.def("concatLists", 1, allStrict(1),
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new ConcatLists(Args.toList(a[0])));
          }
        });
    r.add(new OrderedPrimop("concatMap", 2, ARGS01, new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new ConcatMap(a[0], (NixList) a[1]));
          }
        }), false);
    r.add(new OrderedPrimop("map", 2, ARG1, new Expect[] {Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return map(a[0], (NixList) a[1]);
          }
        }), true);
    r.add(new OrderedPrimop("filter", 2, ARGS01, new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new Filter(a[0], (NixList) a[1]));
          }
        }), false);
    r.add(new OrderedPrimop("foldl'", 3, new int[] {0, 2},
        new Expect[] {Expect.FUNCTION, Expect.LIST}, new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            NixList l = (NixList) a[2];
            if (l.size() == 0) {
              return vm.force(a[1]);
            }
            return vm.push(new Foldl(a[0], a[1], l));
          }
        }), false);
    r.add(new OrderedPrimop("genList", 2, ARG1, new Expect[] {Expect.INT},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return genList(a[0], ((NixInt) a[1]).value);
          }
        }), false);
    r.add(new OrderedPrimop("partition", 2, ARGS01, new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new Partition(a[0], (NixList) a[1]));
          }
        }), false);
    r.add(new OrderedPrimop("groupBy", 2, ARGS01, new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new GroupBy(a[0], (NixList) a[1]));
          }
        }), false);
    r.add(new OrderedPrimop("all", 2, ARGS01, new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new AllAny(a[0], (NixList) a[1], true));
          }
        }), false);
    r.add(new OrderedPrimop("any", 2, ARGS01, new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new AllAny(a[0], (NixList) a[1], false));
          }
        }), false);
    r.def("listToAttrs", 1, allStrict(1),
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new ListToAttrs(Args.toList(a[0])));
          }
        });
    r.add(new OrderedPrimop("catAttrs", 2, ARGS01,
        new Expect[] {Expect.STRING_NO_CTX, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new CatAttrs(((NixString) a[0]).bytes, (NixList) a[1]));
          }
        }), false);
    r.add(new OrderedPrimop("zipAttrsWith", 2, ARGS01,
        new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new ZipAttrsWith(a[0], (NixList) a[1]));
          }
        }), false);
  }

  /** The n-th element, forced; "list index n is out of bounds" otherwise. */
  static Value elemAt(Vm vm, NixList l, int n) {
    if (n < 0 || n >= l.size()) {
      throw NixError.eval("list index " + n + " is out of bounds");
    }
    return vm.force(l.get(n));
  }

  /** A thunk of {@code f x}: one object (see {@link Thunk#application}). */
  static Value apply(Thunk.Applied f, Value x) {
    return Thunk.application(f, x);
  }

  /** A thunk of {@code f x y}. */
  static Value apply(Thunk.Applied f, Value x, Value y) {
    return new Thunk(new Call2(f, x, y));
  }

  /** The code of a thunk of {@code f x y}. */
  private static final class Call2 implements Thunk.Application {
    private final Thunk.Applied f;
    private final Value x;
    private final Value y;

    Call2(Thunk.Applied f, Value x, Value y) {
      this.f = f;
      this.x = x;
      this.y = y;
    }

    @Override
    public Value run(Vm vm) {
      f.applied = true;
      return vm.call(f.f, x, y);
    }

    @Override
    public org.nix4j.value.SourcePos functionPos() {
      return f.pos();
    }
  }

  static NixList map(Value f, NixList l) {
    int n = l.size();
    if (n == 0) {
      return l;
    }
    Value[] out = new Value[n];
    Value[] in = l.items();
    Thunk.Applied fn = new Thunk.Applied(f);
    for (int i = 0; i < n; i++) {
      out[i] = apply(fn, in[i]);
    }
    return NixList.wrap(out);
  }

  static NixList genList(Value f, long len) {
    if (len < 0) {
      throw NixError.eval("cannot create list of size " + len);
    }
    if (len > Integer.MAX_VALUE - 16) {
      throw new NixError(NixError.Kind.INTERRUPTED, "out of memory");
    }
    int n = (int) len;
    Value[] out = new Value[n];
    Thunk.Applied fn = new Thunk.Applied(f);
    for (int i = 0; i < n; i++) {
      out[i] = apply(fn, NixInt.of(i));
    }
    return NixList.wrap(out);
  }

  // ---------------------------------------------------------------------------------------
  // Generators. Each is resumed with the answer to the request it made last.

  /** elem x xs: forces x and each element, compares with ==; the same value is equal to itself. */
  static final class Elem extends Generator {
    private final Value x;
    private final NixList list;
    private Value forcedX;
    private Value forcedElem;
    private int i;
    private int state;

    Elem(Value x, NixList list) {
      this.x = x;
      this.list = list;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case 0 -> {
            if (i == list.size()) {
              return NixBool.FALSE;
            }
            state = 1;
            in = vm.force(x);
            if (in == null) {
              return null;
            }
          }
          case 1 -> {
            forcedX = in;
            state = 2;
            in = vm.force(list.get(i));
            if (in == null) {
              return null;
            }
          }
          case 2 -> {
            forcedElem = in;
            if (forcedX == forcedElem) {
              return NixBool.TRUE;
            }
            state = 3;
            in = vm.equal(forcedX, forcedElem);
            if (in == null) {
              return null;
            }
          }
          case 3 -> {
            if (in == NixBool.TRUE) {
              return NixBool.TRUE;
            }
            i++;
            state = 0;
          }
          default -> throw new IllegalStateException();
        }
      }
    }
  }

  /** concatLists: forces each element as a list, in order. */
  static final class ConcatLists extends Generator {
    private final NixList lists;
    private final NixList[] forced;
    private int i;
    private boolean waiting;

    ConcatLists(NixList lists) {
      this.lists = lists;
      this.forced = new NixList[lists.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        forced[i++] = Args.toList(in);
      }
      for (; i < forced.length; i++) {
        Value v = vm.force(lists.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        forced[i] = Args.toList(v);
      }
      return concat(forced);
    }
  }

  static NixList concat(NixList[] lists) {
    long total = 0;
    for (NixList l : lists) {
      total += l.size();
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new NixError(NixError.Kind.INTERRUPTED, "out of memory");
    }
    Value[] out = new Value[(int) total];
    int k = 0;
    for (NixList l : lists) {
      System.arraycopy(l.items(), 0, out, k, l.size());
      k += l.size();
    }
    return NixList.wrap(out);
  }

  /** concatMap f xs: calls f on each element in order; each result must be a list. */
  static final class ConcatMap extends Generator {
    // Nix calls the function with the position of the builtin's call.
    @Override
    public boolean callsAtItsPosition() {
      return true;
    }

    private final Value f;
    private final NixList list;
    private final NixList[] results;
    private int i;
    private boolean waiting;

    ConcatMap(Value f, NixList list) {
      this.f = f;
      this.list = list;
      this.results = new NixList[list.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        results[i++] = result(in);
      }
      for (; i < results.length; i++) {
        Value v = vm.call(f, list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        results[i] = result(v);
      }
      return concat(results);
    }

    /**
     * What the function gave, as a list; Nix positions a non-list at the function (a lambda's
     * position) and traces it at the call.
     */
    private NixList result(Value v) {
      try {
        return Args.toList(v);
      } catch (NixError e) {
        if (f instanceof org.nix4j.value.Closure c) {
          e.at(c.proto.pos);
        }
        throw e.traceAtCall("while invoking 'concatMap'");
      }
    }
  }

  /** filter f xs: keeps the elements for which f gives true; the same list when it keeps all. */
  static final class Filter extends Generator {
    private final Value f;
    private final NixList list;
    private final Value[] kept;
    private int k;
    private int i;
    private boolean waiting;

    Filter(Value f, NixList list) {
      this.f = f;
      this.list = list;
      this.kept = new Value[list.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        take(in);
      }
      while (i < kept.length) {
        Value v = vm.call(f, list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        take(v);
      }
      if (k == kept.length) {
        return list;
      }
      return NixList.wrap(Arrays2.copyOf(kept, k));
    }

    private void take(Value answer) {
      if (Expect.bool(answer)) {
        kept[k++] = list.get(i);
      }
      i++;
    }
  }

  /** foldl' f z xs on a non-empty list: each step's result is forced before the next. */
  static final class Foldl extends Generator {
    // Nix calls the function with the position of the builtin's call.
    @Override
    public boolean callsAtItsPosition() {
      return true;
    }

    private final Value f;
    private Value acc;
    private final NixList list;
    private int i;
    private boolean waiting;

    Foldl(Value f, Value z, NixList list) {
      this.f = f;
      this.acc = z;
      this.list = list;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        acc = in;
        i++;
      }
      while (i < list.size()) {
        Value v = vm.call(f, acc, list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        acc = v;
        i++;
      }
      return acc;
    }
  }

  /** partition f xs: forces each element, then calls f on it. */
  static final class Partition extends Generator {
    private final Value f;
    private final NixList list;
    private final ArrayList<Value> right = new ArrayList<>();
    private final ArrayList<Value> wrong = new ArrayList<>();
    private int i;
    private int state;

    Partition(Value f, NixList list) {
      this.f = f;
      this.list = list;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case 0 -> {
            if (i == list.size()) {
              return NixAttrs.ofSorted(new String[] {"right", "wrong"},
                  new Value[] {toList(right), toList(wrong)}, null);
            }
            state = 1;
            in = vm.force(list.get(i));
            if (in == null) {
              return null;
            }
          }
          case 1 -> {
            state = 2;
            in = vm.call(f, list.get(i));
            if (in == null) {
              return null;
            }
          }
          case 2 -> {
            (Expect.bool(in) ? right : wrong).add(list.get(i));
            i++;
            state = 0;
          }
          default -> throw new IllegalStateException();
        }
      }
    }
  }

  static NixList toList(ArrayList<Value> values) {
    return NixList.wrap(Arrays2.values(values));
  }

  /** groupBy f xs: the name f gives each element (a string without context) groups it. */
  static final class GroupBy extends Generator {
    private final Value f;
    private final NixList list;
    private final Map<String, ArrayList<Value>> groups = new LinkedHashMap<>();
    private int i;
    private boolean waiting;

    GroupBy(Value f, NixList list) {
      this.f = f;
      this.list = list;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        take(in);
      }
      while (i < list.size()) {
        Value v = vm.call(f, list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        take(v);
      }
      String[] names = groups.keySet().toArray(new String[0]);
      Arrays.sort(names);
      Value[] values = new Value[names.length];
      for (int k = 0; k < names.length; k++) {
        values[k] = toList(groups.get(names[k]));
      }
      return NixAttrs.ofSorted(names, values, null);
    }

    private void take(Value key) {
      String name = Expect.stringNoContext(key);
      ArrayList<Value> group = groups.get(name);
      if (group == null) {
        group = new ArrayList<>();
        groups.put(name, group);
      }
      group.add(list.get(i));
      i++;
    }
  }

  /** all / any: stops at the first element that decides. */
  static final class AllAny extends Generator {
    // Nix calls the function with the position of the builtin's call.
    @Override
    public boolean callsAtItsPosition() {
      return true;
    }

    private final Value f;
    private final NixList list;
    private final boolean all;
    private int i;
    private boolean waiting;

    AllAny(Value f, NixList list, boolean all) {
      this.f = f;
      this.list = list;
      this.all = all;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        if (Expect.bool(in) != all) {
          return NixBool.of(!all);
        }
        i++;
      }
      while (i < list.size()) {
        Value v = vm.call(f, list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        if (Expect.bool(v) != all) {
          return NixBool.of(!all);
        }
        i++;
      }
      return NixBool.of(all);
    }
  }

  /**
   * listToAttrs: each element is forced to a set and its name to a string without context; the
   * first definition of a name wins and gives the attribute its value and that value's position.
   */
  static final class ListToAttrs extends Generator {
    private final NixList list;
    // The names kept so far (first occurrence wins), in order, with their values and positions;
    // and an open-addressing table of them (slot -> index + 1), which also gives each sorted
    // name's index back when the set is built. No boxing: lists of 100,000 pairs are common.
    private String[] names;
    private Value[] values;
    private SourcePos[] positions;
    private int n;
    private int[] table;
    private NixAttrs current;
    private int i;
    private int state;

    ListToAttrs(NixList list) {
      this.list = list;
      int cap = Math.max(4, list.size());
      names = new String[cap];
      values = new Value[cap];
      positions = new SourcePos[cap];
      table = new int[Integer.highestOneBit(cap * 2 - 1) << 1];
    }

    private int find(String name) {
      int mask = table.length - 1;
      int h = name.hashCode();
      int slot = (h ^ (h >>> 16)) & mask;
      while (true) {
        int e = table[slot];
        if (e == 0 || names[e - 1].equals(name)) {
          return slot;
        }
        slot = (slot + 1) & mask;
      }
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case 0 -> {
            if (i == list.size()) {
              return build();
            }
            state = 1;
            in = vm.force(list.get(i));
            if (in == null) {
              return null;
            }
          }
          case 1 -> {
            current = Args.toAttrs(in);
            Value name = current.get("name");
            if (name == null) {
              throw NixError.eval("attribute 'name' missing for call to 'listToAttrs'");
            }
            state = 2;
            in = vm.force(name);
            if (in == null) {
              return null;
            }
          }
          case 2 -> {
            String name = Expect.stringNoContext(in);
            int slot = find(name);
            if (table[slot] == 0) {
              int vi = current.indexOf("value");
              if (vi < 0) {
                throw NixError.eval("attribute 'value' missing for call to 'listToAttrs'");
              }
              names[n] = name;
              values[n] = current.valueAt(vi);
              positions[n] = current.positionAt(vi);
              table[slot] = ++n;
            }
            current = null;
            i++;
            state = 0;
          }
          default -> throw new IllegalStateException();
        }
      }
    }

    private NixAttrs build() {
      String[] outN = Arrays2.copyOf(names, n);
      // Names are distinct: sorted, each finds its value through the table.
      Arrays.sort(outN);
      Value[] outV = new Value[n];
      SourcePos[] outP = new SourcePos[n];
      boolean anyPos = false;
      for (int k = 0; k < n; k++) {
        int j = table[find(outN[k])] - 1;
        outV[k] = values[j];
        outP[k] = positions[j];
        anyPos |= outP[k] != null;
      }
      return NixAttrs.ofSorted(outN, outV, anyPos ? outP : null);
    }
  }

  /** catAttrs name xs: forces each element to a set and takes its attribute, if any. */
  static final class CatAttrs extends Generator {
    private final String name;
    private final NixList list;
    private final ArrayList<Value> found = new ArrayList<>();
    private int i;
    private boolean waiting;

    CatAttrs(String name, NixList list) {
      this.name = name;
      this.list = list;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        take(in);
      }
      while (i < list.size()) {
        Value v = vm.force(list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        take(v);
      }
      return toList(found);
    }

    private void take(Value v) {
      Value a = Args.toAttrs(v).get(name);
      if (a != null) {
        found.add(a);
      }
      i++;
    }
  }

  /**
   * zipAttrsWith f sets: forces each element to a set; the result maps every name to a thunk of
   * {@code f name [values of that name, in list order]}.
   */
  static final class ZipAttrsWith extends Generator {
    private final Value f;
    private final NixList list;
    private final NixAttrs[] sets;
    private int i;
    private boolean waiting;

    ZipAttrsWith(Value f, NixList list) {
      this.f = f;
      this.list = list;
      this.sets = new NixAttrs[list.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        sets[i++] = element(in);
      }
      for (; i < sets.length; i++) {
        Value v = vm.force(list.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        sets[i] = element(v);
      }
      return zip(f, sets);
    }

    /** A forced element as a set; Nix reports a non-set unpositioned, traced at the call. */
    private static NixAttrs element(Value v) {
      try {
        return Args.toAttrs(v);
      } catch (NixError e) {
        throw e.withoutShownPos().traceAtCall("while invoking 'zipAttrsWith'");
      }
    }
  }

  static NixAttrs zip(Value f, NixAttrs[] sets) {
    java.util.TreeMap<String, ArrayList<Value>> byName = new java.util.TreeMap<>();
    for (NixAttrs s : sets) {
      for (int k = 0; k < s.size(); k++) {
        ArrayList<Value> values = byName.get(s.nameAt(k));
        if (values == null) {
          values = new ArrayList<>();
          byName.put(s.nameAt(k), values);
        }
        values.add(s.valueAt(k));
      }
    }
    String[] names = byName.keySet().toArray(new String[0]);
    Value[] values = new Value[names.length];
    int k = 0;
    // zipAttrsWith evaluates the function first.
    Thunk.Applied fn = new Thunk.Applied(f).evaluated();
    for (Map.Entry<String, ArrayList<Value>> e : byName.entrySet()) {
      values[k++] = apply(fn, NixString.of(e.getKey()), toList(e.getValue()));
    }
    return NixAttrs.ofSorted(names, values, null);
  }
}
