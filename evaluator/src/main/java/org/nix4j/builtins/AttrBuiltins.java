package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nix4j.bytecode.Formals;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.Arrays2;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * attrNames, attrValues, getAttr, hasAttr, removeAttrs, intersectAttrs, mapAttrs, functionArgs,
 * unsafeGetAttrPos ({@code genericClosure} is in {@link GenericClosure}).
 */
final class AttrBuiltins {
  private AttrBuiltins() {}

  private static final int[] ARGS01 = {0, 1};

  static void register(Registry r) {
    r.def("attrNames", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        NixAttrs s = Args.toAttrs(a[0]);
        Value[] out = new Value[s.size()];
        for (int i = 0; i < out.length; i++) {
          out[i] = NixString.of(s.nameAt(i));
        }
        return NixList.wrap(out);
      }
    });
    r.def("attrValues", 1, allStrict(1),
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            Value[] vs = Args.toAttrs(a[0]).values();
            return NixList.wrap(Arrays2.copyOf(vs, vs.length));
          }
        });
    r.add(new OrderedPrimop("getAttr", 2, ARGS01, new Expect[] {Expect.STRING_NO_CTX, Expect.SET},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            String name = ((NixString) a[0]).bytes;
            Value v = ((NixAttrs) a[1]).get(name);
            if (v == null) {
              throw NixError.eval("attribute '" + name + "' missing for call to 'getAttr'");
            }
            return vm.force(v);
          }
        }), false);
    r.add(new OrderedPrimop("hasAttr", 2, ARGS01, new Expect[] {Expect.STRING_NO_CTX, Expect.SET},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return NixBool.of(((NixAttrs) a[1]).has(((NixString) a[0]).bytes));
          }
        }), false);
    r.add(new OrderedPrimop("removeAttrs", 2, ARGS01, new Expect[] {Expect.SET, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new RemoveAttrs((NixAttrs) a[0], (NixList) a[1]));
          }
        }), true);
    r.add(new OrderedPrimop("intersectAttrs", 2, ARGS01, new Expect[] {Expect.SET, Expect.SET},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return intersect((NixAttrs) a[0], (NixAttrs) a[1]);
          }
        }), false);
    r.add(new OrderedPrimop("mapAttrs", 2, new int[] {1}, new Expect[] {Expect.SET},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return mapAttrs(a[0], (NixAttrs) a[1]);
          }
        }), false);
    r.def("functionArgs", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return functionArgs(a[0]);
      }
    });
    r.add(new OrderedPrimop("unsafeGetAttrPos", 2, ARGS01,
        new Expect[] {Expect.STRING_NO_CTX, Expect.SET}, new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            NixAttrs s = (NixAttrs) a[1];
            int i = s.indexOf(((NixString) a[0]).bytes);
            return i < 0 ? NixNull.NULL : position(s.positionAt(i));
          }
        }), false);
  }

  /** The attributes of {@code b} whose names {@code a} has too, with b's values and positions. */
  static NixAttrs intersect(NixAttrs a, NixAttrs b) {
    int n = b.size();
    String[] names = new String[Math.min(n, a.size())];
    Value[] values = new Value[names.length];
    SourcePos[] positions = new SourcePos[names.length];
    boolean anyPos = false;
    int k = 0;
    // Both sorted: walk the smaller and look names up in the other.
    if (a.size() < n) {
      for (int i = 0; i < a.size(); i++) {
        int j = b.indexOf(a.nameAt(i));
        if (j >= 0) {
          names[k] = b.nameAt(j);
          values[k] = b.valueAt(j);
          positions[k] = b.positionAt(j);
          anyPos |= positions[k] != null;
          k++;
        }
      }
    } else {
      for (int j = 0; j < n; j++) {
        if (a.has(b.nameAt(j))) {
          names[k] = b.nameAt(j);
          values[k] = b.valueAt(j);
          positions[k] = b.positionAt(j);
          anyPos |= positions[k] != null;
          k++;
        }
      }
    }
    return NixAttrs.ofSorted(Arrays2.copyOf(names, k), Arrays2.copyOf(values, k),
        anyPos ? Arrays2.copyOf(positions, k) : null);
  }

  static NixAttrs mapAttrs(Value f, NixAttrs s) {
    int n = s.size();
    if (n == 0) {
      return s;
    }
    Value[] values = new Value[n];
    org.nix4j.value.Thunk.Applied fn = new org.nix4j.value.Thunk.Applied(f);
    for (int i = 0; i < n; i++) {
      values[i] = ListBuiltins.apply(fn, NixString.of(s.nameAt(i)), s.valueAt(i));
    }
    return NixAttrs.ofSorted(s.names(), values, null);
  }

  static Value functionArgs(Value f) {
    if (f instanceof Builtin || f instanceof PrimOpApp) {
      return NixAttrs.EMPTY;
    }
    if (!(f instanceof Closure c)) {
      throw NixError.eval("'functionArgs' requires a function");
    }
    Formals formals = c.proto.formals;
    if (formals == null) {
      return NixAttrs.EMPTY;
    }
    int n = formals.names().size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, new java.util.Comparator<Integer>() {
      @Override
      public int compare(Integer x, Integer y) {
        return formals.names().get(x).compareTo(formals.names().get(y));
      }
    });
    String[] names = new String[n];
    Value[] values = new Value[n];
    SourcePos[] positions = new SourcePos[n];
    List<SourcePos> pos = formals.positions();
    for (int i = 0; i < n; i++) {
      names[i] = formals.names().get(order[i]);
      values[i] = NixBool.of(formals.hasDefault().get(order[i]));
      positions[i] = pos == null || pos.size() <= order[i] ? null : pos.get(order[i]);
    }
    return NixAttrs.ofSorted(names, values, positions);
  }

  /** {@code { file; line; column; }} of a position as Nix 2.8 gives it, or null. */
  static Value position(SourcePos pos) {
    if (pos == null || pos.file() == null) {
      return NixNull.NULL;
    }
    SourceFile file = pos.file();
    LineIndex.LineCol lc = file.lines().lineCol(pos.start());
    String name = fileName(file);
    return NixAttrs.ofSorted(new String[] {"column", "file", "line"},
        new Value[] {NixInt.of(lc.column() + 1), NixString.of(name), NixInt.of(lc.line() + 1)},
        null);
  }

  /** The file name of positions: Nix 2.8 names an expression given on the command line by its text. */
  static String fileName(SourceFile file) {
    return file.path() == null && file.name().equals(SourceFile.STRING_NAME)
        ? file.text() : NixString.bytesOf(file.name());
  }

  /** removeAttrs: forces each name (a string without context), then drops those attributes. */
  static final class RemoveAttrs extends Generator {
    private final NixAttrs set;
    private final NixList names;
    private final Set<String> remove = new HashSet<>();
    private int i;
    private boolean waiting;

    RemoveAttrs(NixAttrs set, NixList names) {
      this.set = set;
      this.names = names;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        remove.add(Expect.stringNoContext(in));
        i++;
      }
      for (; i < names.size(); i++) {
        Value v = vm.force(names.get(i));
        if (v == null) {
          waiting = true;
          return null;
        }
        remove.add(Expect.stringNoContext(v));
      }
      return without(set, remove);
    }
  }

  static NixAttrs without(NixAttrs set, Set<String> remove) {
    int n = set.size();
    ArrayList<Integer> keep = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (!remove.contains(set.nameAt(i))) {
        keep.add(i);
      }
    }
    String[] names = new String[keep.size()];
    Value[] values = new Value[keep.size()];
    SourcePos[] positions = new SourcePos[keep.size()];
    boolean anyPos = false;
    for (int k = 0; k < names.length; k++) {
      int i = keep.get(k);
      names[k] = set.nameAt(i);
      values[k] = set.valueAt(i);
      positions[k] = set.positionAt(i);
      anyPos |= positions[k] != null;
    }
    return NixAttrs.ofSorted(names, values, anyPos ? positions : null);
  }
}
