package org.nix4j.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.bytecode.Formals;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * What {@code nix-instantiate --eval} does with its arguments, as a library: evaluate a file or
 * an expression, call it automatically with {@code --arg}/{@code --argstr}, follow each
 * {@code -A} path, and print the result as Nix 2.8 prints it (plain, {@code --json} or
 * {@code --xml}; deeply forced with {@code --strict}).
 */
public final class Instantiate {
  /** The request, as parsed from the command line. */
  public static final class Request {
    public String file;
    public String expr;
    public boolean strict;
    public boolean json;
    public boolean xml;
    public final List<String> attrPaths = new ArrayList<>();
    /** --arg NAME EXPR and --argstr NAME STRING, in order; a value is {"expr", text} or {"str", text}. */
    public final Map<String, String[]> args = new LinkedHashMap<>();
    public final List<String> includes = new ArrayList<>();
    public boolean readOnly = true;
    /** The working directory (byte string), against which the file, -E and -I are resolved. */
    public String cwd;
  }

  /** How to print values as JSON and XML; provided by the builtins (toJSON, toXML). */
  public interface Formats {
    String json(Vm vm, Value v, boolean strict);

    String xml(Vm vm, Value v, boolean strict);
  }

  private final Evaluator ev;
  private final Formats formats;

  public Instantiate(Evaluator ev, Formats formats) {
    this.ev = ev;
    this.formats = formats;
  }

  /** Runs the request; returns what goes to stdout. Errors are thrown as {@link NixError}. */
  public String run(Request req) {
    Vm vm = ev.vm();
    Value root;
    if (req.expr != null) {
      root = ev.evalString(req.expr, req.cwd);
    } else {
      root = ev.evalFile(absolute(req.file, req.cwd));
    }
    NixAttrs autoArgs = autoArgs(req);
    List<String> paths = req.attrPaths.isEmpty() ? List.of("") : req.attrPaths;
    StringBuilder out = new StringBuilder();
    for (String path : paths) {
      Value v = findAlongAttrPath(vm, path, autoArgs, root);
      v = vm.forceValue(v);
      Value res = autoArgs.isEmpty() ? v : autoCall(vm, autoArgs, v);
      if (req.xml) {
        out.append(formats.xml(vm, res, req.strict));
      } else if (req.json) {
        // nix-instantiate writes JSON without a newline.
        out.append(formats.json(vm, res, req.strict));
      } else {
        if (req.strict) {
          res = vm.runGenerator(new DeepForceAll(res));
        }
        out.append(Printer.print(res)).append('\n');
      }
    }
    return out.toString();
  }

  static String absolute(String path, String cwd) {
    if (path.startsWith("/")) {
      return org.nix4j.value.NixPath.canonicalise(path);
    }
    return org.nix4j.value.NixPath.canonicalise(cwd + "/" + path);
  }

  private NixAttrs autoArgs(Request req) {
    if (req.args.isEmpty()) {
      return NixAttrs.EMPTY;
    }
    List<String> names = new ArrayList<>(req.args.keySet());
    java.util.Collections.sort(names);
    Value[] values = new Value[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String[] a = req.args.get(names.get(i));
      if (a[0].equals("str")) {
        values[i] = NixString.of(a[1]);
      } else {
        String text = a[1];
        String cwd = req.cwd;
        values[i] = new Thunk(vm -> vm.force(ev.evalStringThunk(text, cwd)));
      }
    }
    return NixAttrs.ofSorted(names.toArray(new String[0]), values, null);
  }

  /** Calls a function with the automatic arguments, as Nix's autoCallFunction. */
  static Value autoCall(Vm vm, NixAttrs args, Value fun) {
    while (true) {
      fun = vm.forceValue(fun);
      if (fun instanceof NixAttrs set) {
        Value functor = set.get("__functor");
        if (functor != null) {
          fun = vm.apply(functor, set);
          continue;
        }
      }
      if (!(fun instanceof Closure c) || c.proto.formals == null) {
        return fun;
      }
      Formals f = c.proto.formals;
      NixAttrs passed;
      if (f.ellipsis()) {
        passed = args;
      } else {
        List<String> names = new ArrayList<>();
        List<Value> values = new ArrayList<>();
        List<String> sorted = new ArrayList<>(f.names());
        java.util.Collections.sort(sorted);
        for (String name : sorted) {
          Value v = args.get(name);
          int i = f.indexOf(name);
          if (v != null) {
            names.add(name);
            values.add(v);
          } else if (!f.hasDefault().get(i)) {
            throw new NixError(NixError.Kind.EVAL, "cannot evaluate a function that has an argument"
                + " without a value ('" + name + "')" + AUTO_CALL_HINT, f.positions().get(i));
          }
        }
        passed = NixAttrs.ofSorted(names.toArray(new String[0]), values.toArray(new Value[0]), null);
      }
      return vm.apply(fun, passed);
    }
  }

  /** What Nix adds to the error of a function that cannot be called automatically. */
  public static final String AUTO_CALL_HINT = "\n\n"
      + "Nix attempted to evaluate a function as a top level expression; in\n"
      + "this case it must have its arguments supplied either by default\n"
      + "values, or passed explicitly with '--arg' or '--argstr'. See\n"
      + "https://nixos.org/manual/nix/stable/#ss-functions.";

  /** Follows an attribute path such as {@code a.b.0.c}, auto-calling at each step. */
  static Value findAlongAttrPath(Vm vm, String path, NixAttrs autoArgs, Value root) {
    if (path.isEmpty()) {
      return root;
    }
    List<String> parts = splitAttrPath(path);
    Value v = root;
    for (String part : parts) {
      v = autoCall(vm, autoArgs, v);
      v = vm.forceValue(v);
      Integer index = parseIndex(part);
      if (index != null) {
        if (!(v instanceof NixList l)) {
          throw NixError.eval("the expression selected by the selection path '" + path
              + "' should be a list but is " + v.describe());
        }
        if (index >= l.size()) {
          throw NixError.eval("list index " + index + " in selection path '" + path + "' is out of range");
        }
        v = l.get(index);
      } else {
        if (part.isEmpty()) {
          throw NixError.eval("empty attribute name in selection path '" + path + "'");
        }
        if (!(v instanceof NixAttrs s)) {
          throw NixError.eval("the expression selected by the selection path '" + path
              + "' should be a set but is " + v.describe());
        }
        Value next = s.get(part);
        if (next == null) {
          throw NixError.eval("attribute '" + part + "' in selection path '" + path + "' not found")
              .withSuggestions(org.nix4j.vm.Suggestions.best(java.util.Arrays.asList(s.names()), part));
        }
        v = next;
      }
    }
    return v;
  }

  private static Integer parseIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    return Integer.parseInt(s);
  }

  /** Splits at dots outside double quotes; quotes are removed. */
  static List<String> splitAttrPath(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '.' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (quoted) {
      throw NixError.eval("missing closing quote in selection path '" + s + "'");
    }
    out.add(cur.toString());
    return out;
  }

  /** Deep forcing from outside the VM: the value with everything in it forced. */
  private static final class DeepForceAll extends org.nix4j.vm.Generator {
    private final Value v;
    private boolean started;

    DeepForceAll(Value v) {
      this.v = v;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (!started) {
        started = true;
        return vm.deepForce(v);
      }
      return in;
    }
  }
}
