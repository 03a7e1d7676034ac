package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayList;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.Vm;

/** parseDrvName, splitVersion, compareVersions: Nix's package-name and version rules. */
final class VersionBuiltins {
  private VersionBuiltins() {}

  static void register(Registry r) {
    r.def("parseDrvName", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        String s = Expect.stringNoContext(a[0]);
        String name = s;
        String version = "";
        for (int i = 0; i < s.length(); i++) {
          if (s.charAt(i) == '-' && i + 1 < s.length() && !isAlpha(s.charAt(i + 1))) {
            name = s.substring(0, i);
            version = s.substring(i + 1);
            break;
          }
        }
        return NixAttrs.ofSorted(new String[] {"name", "version"},
            new Value[] {NixString.of(name), NixString.of(version)}, null);
      }
    });
    r.def("splitVersion", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        String v = Expect.stringNoContext(a[0]);
        ArrayList<Value> parts = new ArrayList<>();
        int[] p = {0};
        while (p[0] < v.length()) {
          String c = nextComponent(v, p);
          if (c.isEmpty()) {
            break;
          }
          parts.add(NixString.of(c));
        }
        return NixList.wrap(parts.toArray(new Value[0]));
      }
    });
    r.add(new OrderedPrimop("compareVersions", 2, new int[] {0, 1},
        new Expect[] {Expect.STRING_NO_CTX, Expect.STRING_NO_CTX},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return NixInt.of(compareVersions(((NixString) a[0]).bytes, ((NixString) a[1]).bytes));
          }
        }),
        false);
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The next version component from {@code p[0]}: digits, or a run of other non-separators. */
  static String nextComponent(String s, int[] p) {
    int i = p[0];
    int n = s.length();
    while (i < n && (s.charAt(i) == '.' || s.charAt(i) == '-')) {
      i++;
    }
    if (i == n) {
      p[0] = i;
      return "";
    }
    int start = i;
    if (isDigit(s.charAt(i))) {
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    } else {
      while (i < n && !isDigit(s.charAt(i)) && s.charAt(i) != '.' && s.charAt(i) != '-') {
        i++;
      }
    }
    p[0] = i;
    return s.substring(start, i);
  }

  /** A component as a C int, as Nix's string2Int<int>; null if it is not one. */
  private static Integer asInt(String c) {
    if (c.isEmpty() || !isDigit(c.charAt(0))) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < c.length(); i++) {
      v = v * 10 + (c.charAt(i) - '0');
      if (v > Integer.MAX_VALUE) {
        return null;
      }
    }
    return (int) v;
  }

  static boolean componentsLess(String c1, String c2) {
    Integer n1 = asInt(c1);
    Integer n2 = asInt(c2);
    if (n1 != null && n2 != null) {
      return n1 < n2;
    } else if (c1.isEmpty() && n2 != null) {
      return true;
    } else if (c1.equals("pre") && !c2.equals("pre")) {
      return true;
    } else if (c2.equals("pre")) {
      return false;
    } else if (n2 != null) {
      return true;
    } else if (n1 != null) {
      return false;
    }
    return c1.compareTo(c2) < 0;
  }

  static int compareVersions(String v1, String v2) {
    int[] p1 = {0};
    int[] p2 = {0};
    while (p1[0] < v1.length() || p2[0] < v2.length()) {
      String c1 = nextComponent(v1, p1);
      String c2 = nextComponent(v2, p2);
      if (componentsLess(c1, c2)) {
        return -1;
      } else if (componentsLess(c2, c1)) {
        return 1;
      }
    }
    return 0;
  }
}
