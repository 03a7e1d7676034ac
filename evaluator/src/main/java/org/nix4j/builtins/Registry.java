package org.nix4j.builtins;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nix4j.value.Builtin;
import org.nix4j.value.Value;

/**
 * Where the builtin themes register what they define. Each entry is a value of the
 * {@code builtins} set; {@link #global} marks the names that are also in the global scope
 * without the {@code __} prefix (as {@code map}, {@code toString}); all others are global as
 * {@code __name}, as in Nix 2.8.
 */
public final class Registry {
  final Map<String, Value> builtins = new LinkedHashMap<>();
  final Map<String, Boolean> plainGlobal = new LinkedHashMap<>();

  /** Defines a builtin whose strict arguments are given by the bit mask {@code strict}. */
  public void def(String name, int arity, int strict, Primop.Body body) {
    put(name, new Primop(name, arity, strict, body), false);
  }

  /** Defines a builtin that is also in the global scope under its own name. */
  public void defGlobal(String name, int arity, int strict, Primop.Body body) {
    put(name, new Primop(name, arity, strict, body), true);
  }

  /** Registers a builtin written as its own class. */
  public void add(Builtin b, boolean global) {
    put(b.name, b, global);
  }

  /** Registers a constant such as {@code nixVersion} (global as {@code __name} unless said). */
  public void constant(String name, Value v, boolean global) {
    put(name, v, global);
  }

  private void put(String name, Value v, boolean global) {
    if (builtins.containsKey(name)) {
      throw new IllegalStateException("builtin defined twice: " + name);
    }
    builtins.put(name, v);
    if (global) {
      plainGlobal.put(name, Boolean.TRUE);
    }
  }

  /** Bit mask helper: the arguments at these indexes are strict. */
  public static int strict(int... indexes) {
    int m = 0;
    for (int i : indexes) {
      m |= 1 << i;
    }
    return m;
  }

  /** All arguments of an arity are strict. */
  public static int allStrict(int arity) {
    return (1 << arity) - 1;
  }
}
