package org.nix4j.builtins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixNull;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;

/**
 * The builtins of Nix 2.8 and the global scope they make. Every theme (one class each:
 * arithmetic, lists, attribute sets, strings …) registers its builtins in a {@link Registry};
 * this class assembles the {@code builtins} set and the names visible everywhere:
 * {@code builtins}, {@code true}, {@code false}, {@code null}, the builtins Nix makes global
 * under their own name ({@code map}, {@code toString}, {@code import} …), and every other
 * builtin as {@code __name}.
 *
 * <p>The sets are immutable and built once per {@link Builtins}; an evaluator owns one.
 */
public final class Builtins {
  private final NixAttrs builtinsSet;
  private final Map<String, Value> globals;

  public Builtins() {
    this(List.of());
  }

  /** Builtins with extra themes added by the caller (e.g. ones that need the evaluator). */
  public Builtins(List<java.util.function.Consumer<Registry>> extraThemes) {
    Registry r = new Registry();
    ArithmeticBuiltins.register(r);
    TypeBuiltins.register(r);
    ListBuiltins.register(r);
    SortBuiltin.register(r);
    AttrBuiltins.register(r);
    GenericClosure.register(r);
    StringBuiltins.register(r);
    VersionBuiltins.register(r);
    HashBuiltins.register(r);
    ContextBuiltins.register(r);
    MiscBuiltins.register(r);
    ControlBuiltins.register(r);
    JsonBuiltins.register(r);
    XmlBuiltin.register(r);
    RegexBuiltins.register(r);
    for (var theme : extraThemes) {
      theme.accept(r);
    }
    // The set `builtins`, which contains itself, and the constants.
    Map<String, Value> all = new LinkedHashMap<>(r.builtins);
    all.put("true", NixBool.TRUE);
    all.put("false", NixBool.FALSE);
    all.put("null", NixNull.NULL);
    SelfRef self = new SelfRef();
    all.put("builtins", self.thunk);
    List<String> names = new ArrayList<>(all.keySet());
    Collections.sort(names);
    Value[] values = new Value[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = all.get(names.get(i));
    }
    builtinsSet = NixAttrs.ofSorted(names.toArray(new String[0]), values, new SourcePos[values.length]);
    self.thunk.set(builtinsSet);

    Map<String, Value> g = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : r.builtins.entrySet()) {
      String name = e.getKey();
      g.put(r.plainGlobal.containsKey(name) ? name : "__" + name, e.getValue());
    }
    g.put("builtins", builtinsSet);
    g.put("true", NixBool.TRUE);
    g.put("false", NixBool.FALSE);
    g.put("null", NixNull.NULL);
    globals = Collections.unmodifiableMap(g);
  }

  /** The value of {@code builtins}. */
  public NixAttrs set() {
    return builtinsSet;
  }

  /** Every name of the global scope with its value. */
  public Map<String, Value> globals() {
    return globals;
  }

  /** The names of the {@code builtins} set, sorted. */
  public List<String> names() {
    return Arrays.asList(builtinsSet.names());
  }

  /** {@code builtins.builtins} is the set itself: a thunk filled once the set exists. */
  private static final class SelfRef {
    final org.nix4j.value.Thunk thunk = org.nix4j.value.Thunk.evaluated(NixNull.NULL);
  }
}
