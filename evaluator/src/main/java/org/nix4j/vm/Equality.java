package org.nix4j.vm;

import java.util.ArrayDeque;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * {@code ==} as Nix 2.8 defines it: numbers compare by value across int and float, strings by
 * their bytes (contexts ignored), lists and sets element by element, two derivations by their
 * {@code outPath}, functions never — except that two elements of lists or sets that are the very
 * same value are equal without being looked at (Nix's pointer-equality rule).
 *
 * <p>The pairs still to compare are an explicit work list, compared in order; the first unequal
 * pair ends the comparison.
 */
final class Equality extends Generator {
  /** Whether to answer {@code !=} instead. */
  boolean negate;
  private final ArrayDeque<Value> work = new ArrayDeque<>();
  private Value left;
  private int state;
  /** Step in comparing two sets that might be derivations. */
  private NixAttrs setA;
  private NixAttrs setB;
  private int drvStep;

  Equality(Value a, Value b) {
    work.addLast(a);
    work.addLast(b);
  }

  /** The answer for two forced values when it needs no forcing, else null. */
  static Boolean quick(Value a, Value b) {
    if (a instanceof Thunk || b instanceof Thunk) {
      return null;
    }
    if (a instanceof NixInt x) {
      if (b instanceof NixInt y) {
        return x.value == y.value;
      }
      if (b instanceof NixFloat y) {
        return (double) x.value == y.value;
      }
      return false;
    }
    if (a instanceof NixFloat x) {
      if (b instanceof NixFloat y) {
        return x.value == y.value;
      }
      if (b instanceof NixInt y) {
        return x.value == (double) y.value;
      }
      return false;
    }
    if (a instanceof NixString x) {
      return b instanceof NixString y && x.bytes.equals(y.bytes);
    }
    if (a instanceof NixBool || a instanceof NixNull) {
      return a == b;
    }
    if (a instanceof NixPath x) {
      return b instanceof NixPath y && x.path.equals(y.path);
    }
    if (a instanceof NixList x) {
      if (!(b instanceof NixList y)) {
        return false;
      }
      if (x.size() != y.size()) {
        return false;
      }
      return x.size() == 0 ? Boolean.TRUE : null;
    }
    if (a instanceof NixAttrs x) {
      if (!(b instanceof NixAttrs y)) {
        return false;
      }
      if (x.isEmpty() && y.isEmpty()) {
        return true;
      }
      return null;
    }
    if (a instanceof Closure || a instanceof Builtin || a instanceof PrimOpApp) {
      return false;
    }
    return false;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    while (true) {
      switch (state) {
        case 0 -> {
          // Take the next pair.
          if (work.isEmpty()) {
            return NixBool.of(!negate);
          }
          Value a = work.pollFirst();
          Value b = work.pollFirst();
          if (a == NAMES_DIFFER) {
            return NixBool.of(negate);
          }
          if (a == b && !topLevel) {
            // Nix's pointer-equality rule: the same element twice is equal, even a function.
            continue;
          }
          topLevel = false;
          pendingB = b;
          state = 1;
          in = vm.force(a);
          if (in == null) {
            return null;
          }
        }
        case 1 -> {
          left = in;
          state = 2;
          in = vm.force(pendingB);
          if (in == null) {
            return null;
          }
        }
        case 2 -> {
          Value a = left;
          Value b = in;
          left = null;
          pendingB = null;
          state = 0;
          if (a instanceof org.nix4j.value.NixUnknown || b instanceof org.nix4j.value.NixUnknown) {
            return org.nix4j.value.NixUnknown.UNKNOWN;
          }
          Boolean q = quick(a, b);
          if (q != null) {
            if (!q) {
              return NixBool.of(negate);
            }
            continue;
          }
          if (a instanceof NixList x) {
            NixList y = (NixList) b;
            // Push the element pairs so that the first pair is compared first.
            for (int i = x.size() - 1; i >= 0; i--) {
              work.addFirst(y.get(i));
              work.addFirst(x.get(i));
            }
            continue;
          }
          NixAttrs x = (NixAttrs) a;
          NixAttrs y = (NixAttrs) b;
          setA = x;
          setB = y;
          drvStep = 0;
          state = 3;
          in = null;
        }
        case 3 -> {
          // Are both derivations? Nix forces `type` of the first, then of the second.
          if (drvStep == 0) {
            Value t = setA.get("type");
            drvStep = 1;
            if (t == null) {
              drvStep = 4;
            } else {
              in = vm.force(t);
              if (in == null) {
                return null;
              }
            }
          }
          if (drvStep == 1) {
            if (!isDerivationType(in)) {
              drvStep = 4;
            } else {
              Value t = setB.get("type");
              drvStep = 2;
              if (t == null) {
                drvStep = 4;
              } else {
                in = vm.force(t);
                if (in == null) {
                  return null;
                }
              }
            }
          }
          if (drvStep == 2) {
            if (isDerivationType(in)) {
              Value oa = setA.get("outPath");
              Value ob = setB.get("outPath");
              if (oa != null && ob != null) {
                state = 0;
                setA = null;
                setB = null;
                work.addFirst(ob);
                work.addFirst(oa);
                continue;
              }
            }
            drvStep = 4;
          }
          NixAttrs x = setA;
          NixAttrs y = setB;
          setA = null;
          setB = null;
          state = 0;
          if (x.size() != y.size()) {
            return NixBool.of(negate);
          }
          // Names and values are compared pairwise in order: values before the first
          // differing name are still compared (and may fail) first.
          int n = x.size();
          int differ = n;
          for (int i = 0; i < n; i++) {
            if (!x.nameAt(i).equals(y.nameAt(i))) {
              differ = i;
              break;
            }
          }
          if (differ < n) {
            work.addFirst(NAMES_DIFFER);
            work.addFirst(NAMES_DIFFER);
          }
          for (int i = differ - 1; i >= 0; i--) {
            work.addFirst(y.valueAt(i));
            work.addFirst(x.valueAt(i));
          }
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  /** A marker pair on the work list: the names of two sets differ here. */
  private static final Value NAMES_DIFFER = NixAttrs.EMPTY.update(NixAttrs.of("", NixNull.NULL));

  private boolean topLevel = true;
  private Value pendingB;

  private static boolean isDerivationType(Value v) {
    return v instanceof NixString s && s.bytes.equals("derivation");
  }
}
