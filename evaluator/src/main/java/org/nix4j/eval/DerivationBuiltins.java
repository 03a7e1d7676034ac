package org.nix4j.eval;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nix4j.builtins.Args;
import org.nix4j.builtins.Registry;
import org.nix4j.builtins.Then;
import org.nix4j.bytecode.Proto;
import org.nix4j.compiler.CompileResult;
import org.nix4j.store.StorePath;
import org.nix4j.store.derivation.DerivationBuilder;
import org.nix4j.store.derivation.DerivationOutput;
import org.nix4j.store.derivation.DerivationResult;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.Builtin;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * {@code derivationStrict} and {@code derivation} (Nix 2.8).
 *
 * <p>{@code derivationStrict attrs} turns the attributes into a store derivation: each attribute
 * in name order is coerced to a string (paths copied to the store, lists joined by spaces) and
 * becomes an environment variable, except {@code args} (the builder's arguments),
 * {@code __ignoreNulls}, {@code __contentAddressed} and {@code __impure}; with
 * {@code __structuredAttrs} they are written as one JSON object in {@code __json} instead. The
 * contexts of those strings give the inputs. The {@code .drv} file is written to nix4j's store
 * (unless in read-only mode) and the result is {@code { drvPath; OUTPUT = path; … }}.
 *
 * <p>{@code derivation} is, as in Nix, a lambda {@code drvAttrs @ { outputs ? [ "out" ], ... }}
 * whose value is the set of the first output: {@code drvAttrs} updated with one attribute per
 * output, {@code all} (the list of the outputs' sets), {@code drvAttrs}, and for each output
 * {@code outPath}, {@code drvPath}, {@code outputName} and {@code type = "derivation"}. Every
 * part is a thunk, so nothing is instantiated until {@code drvPath} or {@code outPath} is needed,
 * and the sets share their values as Nix's do (which printing shows as «repeated»).
 */
final class DerivationBuiltins {
  private DerivationBuiltins() {}

  /** The lambda of {@code derivation}; {@code impl} is the native part. */
  private static final String DERIVATION_LAMBDA =
      "drvAttrs @ { outputs ? [ \"out\" ], ... }: impl drvAttrs outputs";

  private static final NixString TYPE_DERIVATION = NixString.of("derivation");

  static void register(Registry r, Evaluator ev) {
    EvalStore st = ev.evalStore();
    Builtin strict = new Builtin("derivationStrict", 1, allStrict(1)) {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new DerivationStrict(ev, st, Args.toAttrs(a[0])));
      }
    };
    r.add(strict, false);
    Builtin impl = new Builtin("derivation", 2, 0) {
      @Override
      public Value apply(Vm vm, Value[] a) {
        Value attrs = a[0] instanceof Thunk t ? t.valueOrNull() : a[0];
        return vm.push(new Derivation(strict, (NixAttrs) attrs, a[1]));
      }
    };
    // A class, not a lambda: this runs when every evaluator is made (see Evaluator).
    Thunk lambda = new Thunk(new Thunk.NativeCode() {
      @Override
      public Value run(Vm vm) {
        CompileResult c = ev.compile(SourceFile.ofString(DERIVATION_LAMBDA), "/", List.of("impl"));
        if (c.hasErrors()) {
          throw Evaluator.compileError(c);
        }
        Proto p = c.proto();
        return vm.force(new Thunk(p, new Value[] {impl}));
      }
    });
    r.constant("derivation", lambda, true);
  }

  // -----------------------------------------------------------------------------------------
  // derivation

  /** The value of {@code derivation drvAttrs}: the set of the first output (see the class comment). */
  private static final class Derivation extends Generator {
    private final Builtin strictFn;
    private final NixAttrs drvAttrs;
    private final Value outputs;
    private int state;

    Derivation(Builtin strictFn, NixAttrs drvAttrs, Value outputs) {
      this.strictFn = strictFn;
      this.drvAttrs = drvAttrs;
      this.outputs = outputs;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (state == 0) {
        state = 1;
        in = vm.force(outputs);
        if (in == null) {
          return null;
        }
      }
      if (state == 1) {
        NixList outs = Args.toList(in);
        if (outs.size() == 0) {
          throw NixError.eval("list index 0 is out of bounds");
        }
        Value[] values = build(outs);
        state = 2;
        return vm.force(values[0]);
      }
      return in;
    }

    /** The thunks of the outputs' sets. */
    private Value[] build(NixList outs) {
      Value drvAttrsV = drvAttrs;
      Thunk strict = new Thunk(vm -> vm.call(strictFn, drvAttrsV));
      int n = outs.size();
      Thunk[] values = new Thunk[n];
      Thunk all = new Thunk(vm -> NixList.wrap(Arrays.copyOf(values, n, Value[].class)));
      Thunk common = new Thunk(vm -> vm.push(new CommonAttrs(drvAttrs, outs, values, all)));
      for (int i = 0; i < n; i++) {
        Value name = outs.get(i);
        Thunk drvPath = new Thunk(vm -> Then.force(vm, strict,
            s -> vm.force(Args.toAttrs(s).get("drvPath"))));
        Thunk outPath = new Thunk(vm -> Then.force(vm, name, nm -> {
          String o = Steps.stringNoContext(nm);
          return Then.force(vm, strict, s -> {
            Value v = Args.toAttrs(s).get(o);
            if (v == null) {
              throw NixError.eval("attribute '" + o + "' missing");
            }
            return vm.force(v);
          });
        }));
        NixAttrs own = NixAttrs.ofSorted(new String[] {"drvPath", "outPath", "outputName", "type"},
            new Value[] {drvPath, outPath, name, TYPE_DERIVATION}, null);
        values[i] = new Thunk(vm -> Then.force(vm, common, c -> ((NixAttrs) c).update(own)));
      }
      return values;
    }
  }

  /** {@code drvAttrs // listToAttrs outputsList // { all; drvAttrs; }}. */
  private static final class CommonAttrs extends Generator {
    private final NixAttrs drvAttrs;
    private final NixList outs;
    private final Value[] values;
    private final Value all;
    private final List<String> names = new ArrayList<>();
    private final List<Value> vals = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private int i;

    CommonAttrs(NixAttrs drvAttrs, NixList outs, Value[] values, Value all) {
      this.drvAttrs = drvAttrs;
      this.outs = outs;
      this.values = values;
      this.all = all;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        if (in != null) {
          String name = Steps.stringNoContext(in);
          if (seen.add(name)) {
            names.add(name);
            vals.add(values[i]);
          }
          i++;
        }
        if (i == outs.size()) {
          break;
        }
        in = vm.force(outs.get(i));
        if (in == null) {
          return null;
        }
      }
      Integer[] order = new Integer[names.size()];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
      String[] n = new String[order.length];
      Value[] v = new Value[order.length];
      for (int k = 0; k < order.length; k++) {
        n[k] = names.get(order[k]);
        v[k] = vals.get(order[k]);
      }
      NixAttrs outputsSet = NixAttrs.ofSorted(n, v, null);
      NixAttrs extra = NixAttrs.ofSorted(new String[] {"all", "drvAttrs"}, new Value[] {all, drvAttrs}, null);
      return drvAttrs.update(outputsSet).update(extra);
    }
  }

  // -----------------------------------------------------------------------------------------
  // derivationStrict

  /** The attribute loop of {@code derivationStrict}, then the derivation. */
  static final class DerivationStrict extends Generator {
    private static final int NAME = 0;
    private static final int STRUCTURED = 1;
    private static final int IGNORE_NULLS = 2;
    private static final int LOOP = 3;
    private static final int NULL_CHECK = 4;
    private static final int VALUE = 5;
    private static final int ARG = 6;
    private static final int DONE = 7;

    private final Evaluator ev;
    private final EvalStore st;
    private final NixAttrs attrs;
    private int state = -1;
    private String drvName;
    private boolean structured;
    private boolean ignoreNulls;
    private int i;
    private String key;
    private NixList argList;
    private int argIndex;
    private NixContext context = NixContext.EMPTY;
    private DerivationBuilder builder;
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> env = new java.util.TreeMap<>();
    private StringBuilder json;
    private String outputHash;
    private String outputHashAlgo;
    private String outputHashMode;
    private List<String> outputs;
    private String builderPath = "";
    private String system = "";

    DerivationStrict(Evaluator ev, EvalStore st, NixAttrs attrs) {
      this.ev = ev;
      this.st = st;
      this.attrs = attrs;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      try {
        return run(vm, in);
      } catch (RuntimeException e) {
        throw EvalStore.convert(e);
      }
    }

    private Value run(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case -1 -> {
            Value name = attrs.get("name");
            if (name == null) {
              throw NixError.eval("attribute 'name' missing for call to 'derivationStrict'");
            }
            state = NAME;
            in = vm.force(name);
            if (in == null) {
              return null;
            }
          }
          case NAME -> {
            drvName = Steps.stringNoContext(in);
            Value s = attrs.get("__structuredAttrs");
            state = STRUCTURED;
            in = s == null ? NixBool.FALSE : vm.force(s);
            if (in == null) {
              return null;
            }
          }
          case STRUCTURED -> {
            structured = Args.toBool(in);
            if (structured) {
              json = new StringBuilder("{");
            }
            Value s = attrs.get("__ignoreNulls");
            state = IGNORE_NULLS;
            in = s == null ? NixBool.FALSE : vm.force(s);
            if (in == null) {
              return null;
            }
          }
          case IGNORE_NULLS -> {
            ignoreNulls = Args.toBool(in);
            state = LOOP;
            i = 0;
            in = null;
          }
          case LOOP -> {
            if (i == attrs.size()) {
              state = DONE;
              return finish();
            }
            key = attrs.nameAt(i);
            if (key.equals("__ignoreNulls") || (structured && key.equals("__structuredAttrs"))) {
              i++;
              continue;
            }
            Value v = attrs.valueAt(i);
            if (ignoreNulls) {
              state = NULL_CHECK;
              in = vm.force(v);
              if (in == null) {
                return null;
              }
              continue;
            }
            state = VALUE;
            in = start(vm, v);
            if (in == null) {
              return null;
            }
          }
          case NULL_CHECK -> {
            if (in == NixNull.NULL) {
              i++;
              state = LOOP;
              in = null;
              continue;
            }
            state = VALUE;
            in = start(vm, in);
            if (in == null) {
              return null;
            }
          }
          case VALUE -> {
            if (key.equals("args")) {
              argList = Args.toList(in);
              argIndex = 0;
              state = ARG;
              in = null;
              continue;
            }
            accept(in);
            i++;
            state = LOOP;
            in = null;
          }
          case ARG -> {
            if (in != null) {
              NixString s = (NixString) in;
              args.add(s.bytes);
              context = context.union(s.context);
              argIndex++;
            }
            if (argIndex == argList.size()) {
              i++;
              state = LOOP;
              in = null;
              continue;
            }
            in = vm.coerceToString(argList.get(argIndex), Coerce.Mode.TO_STRING_COPY);
            if (in == null) {
              return null;
            }
          }
          default -> {
            return in;
          }
        }
      }
    }

    /** Starts on the value of attribute {@link #key}: what the VM must compute first. */
    private Value start(Vm vm, Value v) {
      switch (key) {
        case "__contentAddressed", "__impure", "args" -> {
          return vm.force(v);
        }
        default -> {
          if (structured) {
            Value toJson = ev.builtins().set().get("toJSON");
            if (toJson == null) {
              throw NixError.eval("__structuredAttrs needs builtins.toJSON, which this nix4j lacks");
            }
            return vm.call(toJson, v);
          }
          return vm.coerceToString(v, Coerce.Mode.TO_STRING_COPY);
        }
      }
    }

    /** The value of attribute {@link #key}, computed. */
    private void accept(Value in) {
      switch (key) {
        case "__contentAddressed" -> {
          if (Args.toBool(in)) {
            throw st.hasFeature("ca-derivations")
                ? NixError.eval("content-addressed derivations are not supported by nix4j")
                : st.requireFeature("ca-derivations");
          }
          return;
        }
        case "__impure" -> {
          if (Args.toBool(in)) {
            throw st.hasFeature("impure-derivations")
                ? NixError.eval("impure derivations are not supported by nix4j")
                : st.requireFeature("impure-derivations");
          }
          return;
        }
        default -> { }
      }
      if (structured) {
        NixString j = (NixString) in;
        if (json.length() > 1) {
          json.append(',');
        }
        quoteJson(key, json);
        json.append(':').append(j.bytes);
        context = context.union(j.context);
        Value v = attrs.valueAt(i);
        if (v instanceof Thunk t) {
          v = t.valueOrNull();
        }
        switch (key) {
          case "builder" -> {
            NixString s = Args.toStr(v);
            builderPath = s.bytes;
            context = context.union(s.context);
          }
          case "system" -> system = Steps.stringNoContext(v);
          case "outputHash" -> outputHash = Steps.stringNoContext(v);
          case "outputHashAlgo" -> outputHashAlgo = Steps.stringNoContext(v);
          case "outputHashMode" -> outputHashMode = checkMode(Steps.stringNoContext(v));
          case "outputs" -> {
            NixList l = Args.toList(v);
            List<String> outs = new ArrayList<>();
            for (int k = 0; k < l.size(); k++) {
              Value e = l.get(k);
              if (e instanceof Thunk t) {
                e = t.valueOrNull();
              }
              outs.add(Steps.stringNoContext(e));
            }
            outputs = DerivationBuilder.checkOutputs(outs);
          }
          default -> { }
        }
        return;
      }
      NixString s = (NixString) in;
      context = context.union(s.context);
      env.put(key, s.bytes);
      switch (key) {
        case "builder" -> builderPath = s.bytes;
        case "system" -> system = s.bytes;
        case "outputHash" -> outputHash = s.bytes;
        case "outputHashAlgo" -> outputHashAlgo = s.bytes;
        case "outputHashMode" -> outputHashMode = checkMode(s.bytes);
        case "outputs" -> outputs = DerivationBuilder.checkOutputs(tokenize(s.bytes));
        default -> { }
      }
    }

    private static String checkMode(String mode) {
      DerivationBuilder.parseHashMode(mode);
      return mode;
    }

    /** Nix's {@code tokenizeString}: the words between blanks. */
    static List<String> tokenize(String s) {
      List<String> out = new ArrayList<>();
      int n = s.length();
      int k = 0;
      while (k < n) {
        while (k < n && isBlank(s.charAt(k))) {
          k++;
        }
        int start = k;
        while (k < n && !isBlank(s.charAt(k))) {
          k++;
        }
        if (k > start) {
          out.add(s.substring(start, k));
        }
      }
      return out;
    }

    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** A JSON string as Nix 2.8 writes object keys and strings. */
    static void quoteJson(String s, StringBuilder out) {
      out.append('"');
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        switch (c) {
          case '"', '\\' -> out.append('\\').append(c);
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }

    /** After the attribute loop: the inputs, the derivation, the store, the result. */
    private Value finish() {
      builder = new DerivationBuilder(st.dir(), st.store().derivationHasher(), drvName);
      for (Map.Entry<String, String> e : env.entrySet()) {
        builder.env(e.getKey(), e.getValue());
      }
      if (json != null) {
        json.append('}');
        builder.env("__json", json.toString());
      }
      builder.args(args).builder(builderPath).platform(system);
      if (outputs != null) {
        builder.outputs(outputs);
      }
      if (outputHash != null) {
        builder.outputHash(outputHash);
      }
      if (outputHashAlgo != null) {
        builder.outputHashAlgo(outputHashAlgo);
      }
      if (outputHashMode != null) {
        builder.outputHashMode(outputHashMode);
      }
      for (String e : context.elements()) {
        if (e.charAt(0) == '=') {
          StorePath drv = st.parse(e.substring(1));
          try {
            builder.inputDrvAllOutputs(st.store(), drv);
          } catch (java.io.IOException ex) {
            throw EvalStore.ioError(ex);
          }
        } else if (e.charAt(0) == '!') {
          int bang = e.indexOf('!', 1);
          builder.inputDrv(st.parse(e.substring(bang + 1)), e.substring(1, bang));
        } else {
          builder.inputSrc(st.parse(e));
        }
      }
      key = null;
      DerivationResult r = builder.build(st.warnings());
      st.writeDerivation(r.derivation());
      String drvPath = st.print(r.drvPath());
      Map<String, DerivationOutput> outs = r.derivation().outputs();
      String[] names = new String[outs.size() + 1];
      Value[] values = new Value[names.length];
      List<String> sorted = new ArrayList<>(outs.keySet());
      sorted.add("drvPath");
      sorted.sort(null);
      for (int k = 0; k < names.length; k++) {
        String n = sorted.get(k);
        names[k] = n;
        if (n.equals("drvPath") && !outs.containsKey("drvPath")) {
          values[k] = NixString.of(drvPath, NixContext.of("=" + drvPath));
        } else {
          values[k] = NixString.of(st.print(outs.get(n).path()), NixContext.of("!" + n + "!" + drvPath));
        }
      }
      return NixAttrs.ofSorted(names, values, null);
    }

    @Override
    public String traceMessage() {
      if (key == null || drvName == null) {
        return null;
      }
      return "while evaluating the attribute '" + key + "' of the derivation '" + drvName + "'";
    }
  }
}
