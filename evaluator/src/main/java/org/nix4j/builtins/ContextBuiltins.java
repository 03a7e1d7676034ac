package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixList;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The string context builtins of Nix 2.8: getContext, hasContext, appendContext,
 * unsafeDiscardStringContext, unsafeDiscardOutputDependency.
 *
 * <p>Context elements are written as Nix 2.8 writes them (see {@link NixContext}): a store path
 * ({@code /nix/store/…}), a derivation with all its outputs ({@code =/nix/store/….drv}) or one
 * output of a derivation ({@code !out!/nix/store/….drv}).
 */
final class ContextBuiltins {
  private ContextBuiltins() {}

  /** The store directory whose paths {@code appendContext} accepts. */
  static final String STORE_DIR = "/nix/store";

  static void register(Registry r) {
    r.def("hasContext", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixBool.of(Args.toStr(a[0]).hasContext());
      }
    });
    r.def("getContext", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return getContext(Args.toStr(a[0]).context);
      }
    });
    r.def("unsafeDiscardStringContext", 1, 0, new Then.OnString(Coerce.Mode.INTERPOLATE) {
      @Override
      public Value apply(NixString s) {
        return s.hasContext() ? NixString.of(s.bytes) : s;
      }
    });
    r.def("unsafeDiscardOutputDependency", 1, 0, new Then.OnString(Coerce.Mode.INTERPOLATE) {
      @Override
      public Value apply(NixString s) {
        return NixString.of(s.bytes, discardOutputDependency(s.context));
      }
    });
    r.add(new OrderedPrimop("appendContext", 2, new int[] {0, 1},
        new Expect[] {Expect.STRING, Expect.SET},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new AppendContext((NixString) a[0], (NixAttrs) a[1]));
          }
        }), false);
  }

  static NixContext discardOutputDependency(NixContext c) {
    if (c.isEmpty()) {
      return c;
    }
    List<String> out = new ArrayList<>(c.size());
    for (String e : c.elements()) {
      out.add(e.charAt(0) == '=' ? e.substring(1) : e);
    }
    return NixContext.of(out);
  }

  /** What getContext says of one store path. */
  private static final class Info {
    boolean path;
    boolean allOutputs;
    final List<String> outputs = new ArrayList<>();
  }

  static NixAttrs getContext(NixContext context) {
    TreeMap<String, Info> infos = new TreeMap<>();
    // Elements in sorted order, as Nix iterates its std::set.
    for (String e : context.elements()) {
      String key;
      String output = "";
      boolean isPath;
      if (e.charAt(0) == '=') {
        key = e.substring(1);
        isPath = false;
      } else if (e.charAt(0) == '!') {
        int bang = e.indexOf('!', 1);
        key = e.substring(bang + 1);
        output = e.substring(1, bang);
        isPath = false;
      } else {
        key = e;
        isPath = true;
      }
      boolean isAllOutputs = !isPath && output.isEmpty();
      Info info = infos.get(key);
      if (info == null) {
        info = new Info();
        info.path = isPath;
        info.allOutputs = isAllOutputs;
        if (!output.isEmpty()) {
          info.outputs.add(output);
        }
        infos.put(key, info);
      } else if (isPath) {
        info.path = true;
      } else if (isAllOutputs) {
        info.allOutputs = true;
      } else {
        info.outputs.add(output);
      }
    }
    String[] names = infos.keySet().toArray(new String[0]);
    Value[] values = new Value[names.length];
    int k = 0;
    for (Map.Entry<String, Info> en : infos.entrySet()) {
      Info info = en.getValue();
      List<String> n = new ArrayList<>(3);
      List<Value> v = new ArrayList<>(3);
      if (info.allOutputs) {
        n.add("allOutputs");
        v.add(NixBool.TRUE);
      }
      if (!info.outputs.isEmpty()) {
        n.add("outputs");
        Value[] outs = new Value[info.outputs.size()];
        for (int i = 0; i < outs.length; i++) {
          outs[i] = NixString.of(info.outputs.get(i));
        }
        v.add(NixList.wrap(outs));
      }
      if (info.path) {
        n.add("path");
        v.add(NixBool.TRUE);
      }
      values[k++] = NixAttrs.ofSorted(n.toArray(new String[0]), v.toArray(new Value[0]), null);
    }
    return NixAttrs.ofSorted(names, values, null);
  }

  /** Whether {@code path} names a store object: STORE_DIR/HASH-NAME, as Nix's isStorePath. */
  static boolean isStorePath(String path) {
    if (!path.startsWith("/")) {
      return false;
    }
    String p = NixPath.canonicalise(path);
    int slash = p.lastIndexOf('/');
    String dir = slash == 0 ? "/" : p.substring(0, slash);
    if (!dir.equals(STORE_DIR)) {
      return false;
    }
    String base = p.substring(slash + 1);
    if (base.length() < 33) {
      return false;
    }
    for (int i = 0; i < 32; i++) {
      char c = base.charAt(i);
      if (c == 'e' || c == 'o' || c == 'u' || c == 't'
          || !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
        return false;
      }
    }
    String name = base.substring(33);
    if (name.isEmpty() || name.length() > 211) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || c == '+' || c == '-' || c == '.' || c == '_' || c == '?' || c == '=')) {
        return false;
      }
    }
    return true;
  }

  /**
   * appendContext s { PATH = { path ? false; allOutputs ? false; outputs ? []; }; … }: adds the
   * described elements to the context of s. Checks and forces each entry in name order.
   */
  static final class AppendContext extends Generator {
    private final NixString orig;
    private final NixAttrs spec;
    private final TreeSet<String> context = new TreeSet<>();
    private int i = -1;
    private String name;
    private NixAttrs entry;
    private NixList outputs;
    private int o;
    private int state;

    AppendContext(NixString orig, NixAttrs spec) {
      this.orig = orig;
      this.spec = spec;
      context.addAll(orig.context.elements());
    }

    private static final int NEXT = 0;
    private static final int ENTRY = 1;
    private static final int PATH = 2;
    private static final int ALL = 3;
    private static final int OUTPUTS = 4;
    private static final int OUTPUT = 5;

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case NEXT -> {
            if (++i == spec.size()) {
              return NixString.of(orig.bytes, NixContext.of(context));
            }
            name = spec.nameAt(i);
            if (!isStorePath(name)) {
              throw NixError.eval("Context key '\"" + name + "\"' is not a store path");
            }
            state = ENTRY;
            in = vm.force(spec.valueAt(i));
            if (in == null) {
              return null;
            }
          }
          case ENTRY -> {
            entry = Args.toAttrs(in);
            state = PATH;
            Value p = entry.get("path");
            if (p == null) {
              in = null;
              continue;
            }
            in = vm.force(p);
            if (in == null) {
              return null;
            }
          }
          case PATH -> {
            if (in != null && Expect.bool(in)) {
              context.add(name);
            }
            state = ALL;
            Value all = entry.get("allOutputs");
            if (all == null) {
              in = null;
              continue;
            }
            in = vm.force(all);
            if (in == null) {
              return null;
            }
          }
          case ALL -> {
            if (in != null && Expect.bool(in)) {
              if (!name.endsWith(".drv")) {
                throw NixError.eval("Tried to add all-outputs context of \"" + name
                    + "\", which is not a derivation, to a string");
              }
              context.add("=" + name);
            }
            Value outs = entry.get("outputs");
            if (outs == null) {
              state = NEXT;
              continue;
            }
            state = OUTPUTS;
            in = vm.force(outs);
            if (in == null) {
              return null;
            }
          }
          case OUTPUTS -> {
            outputs = Args.toList(in);
            if (outputs.size() > 0 && !name.endsWith(".drv")) {
              throw NixError.eval("Tried to add derivation output context of \"" + name
                  + "\", which is not a derivation, to a string");
            }
            o = 0;
            state = OUTPUT;
            in = null;
          }
          case OUTPUT -> {
            if (in != null) {
              context.add("!" + Expect.stringNoContext(in) + "!" + name);
              o++;
            }
            if (o == outputs.size()) {
              state = NEXT;
              in = null;
              continue;
            }
            in = vm.force(outputs.get(o));
            if (in == null) {
              return null;
            }
          }
          default -> throw new IllegalStateException();
        }
      }
    }
  }
}
