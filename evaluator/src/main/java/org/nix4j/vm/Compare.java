package org.nix4j.vm;

import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * {@code a < b} as Nix 2.8's {@code __lessThan}: numbers across int and float, strings and paths
 * by their bytes, lists lexicographically (the first elements that are not {@code ==} decide);
 * anything else is "cannot compare X with Y". Iterative: nested lists do not recurse.
 */
final class Compare extends Generator {
  private Value a;
  private Value b;
  private NixList la;
  private NixList lb;
  private int i;
  private int state;

  Compare(Value a, Value b) {
    this.a = a;
    this.b = b;
  }

  /** The answer for two forced values that are not both lists, else null. */
  static Boolean quick(Value a, Value b) {
    if (a instanceof NixInt x) {
      if (b instanceof NixInt y) {
        return x.value < y.value;
      }
      if (b instanceof NixFloat y) {
        return (double) x.value < y.value;
      }
    } else if (a instanceof NixFloat x) {
      if (b instanceof NixFloat y) {
        return x.value < y.value;
      }
      if (b instanceof NixInt y) {
        return x.value < (double) y.value;
      }
    } else if (a instanceof NixString x && b instanceof NixString y) {
      return x.bytes.compareTo(y.bytes) < 0;
    } else if (a instanceof NixPath x && b instanceof NixPath y) {
      return x.path.compareTo(y.path) < 0;
    } else if (a instanceof NixList && b instanceof NixList) {
      return null;
    }
    if (a instanceof Thunk || b instanceof Thunk) {
      return null;
    }
    // Nix reports it without a position.
    throw NixError.eval("cannot compare " + a.describe() + " with " + b.describe())
        .withoutShownPos();
  }

  @Override
  public Value resume(Vm vm, Value in) {
    while (true) {
      switch (state) {
        case 0 -> {
          // Force a.
          state = 1;
          in = vm.force(a);
          if (in == null) {
            return null;
          }
        }
        case 1 -> {
          a = in;
          state = 2;
          in = vm.force(b);
          if (in == null) {
            return null;
          }
        }
        case 2 -> {
          b = in;
          if (a instanceof org.nix4j.value.NixUnknown || b instanceof org.nix4j.value.NixUnknown) {
            return org.nix4j.value.NixUnknown.UNKNOWN;
          }
          Boolean q = quick(a, b);
          if (q != null) {
            return NixBool.of(q);
          }
          la = (NixList) a;
          lb = (NixList) b;
          i = 0;
          state = 3;
        }
        case 3 -> {
          // Walk the lists: the first pair of elements that are not equal decides.
          if (i == lb.size()) {
            return NixBool.FALSE;
          }
          if (i == la.size()) {
            return NixBool.TRUE;
          }
          state = 4;
          in = vm.equal(la.get(i), lb.get(i));
          if (in == null) {
            return null;
          }
        }
        case 4 -> {
          if (in instanceof org.nix4j.value.NixUnknown) {
            return in;
          }
          if (in == NixBool.TRUE) {
            i++;
            state = 3;
          } else {
            a = la.get(i);
            b = lb.get(i);
            la = null;
            lb = null;
            state = 0;
          }
        }
        default -> throw new IllegalStateException();
      }
    }
  }
}
