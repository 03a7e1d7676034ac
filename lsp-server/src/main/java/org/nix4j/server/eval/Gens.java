package org.nix4j.server.eval;

import java.util.List;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixUnknown;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Attrs;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The small pieces of native code the analysis runs on the VM to rebuild values: selecting a
 * path of attributes, looking a name up in {@code with}s, a formal of a call. Each is a
 * {@link Generator} (it suspends while the VM forces what it needs, so nothing recurses on
 * the Java stack) and answers a value in weak head normal form.
 */
final class Gens {
  private Gens() {}

  /** A thunk whose value is {@code set.a.b…} for the names of {@code path}. */
  static Thunk select(Value set, List<String> path) {
    return new Thunk(vm -> vm.push(new Select(set, path, null)));
  }

  /** A thunk of {@code value} forced: the value of another thunk, through a native step. */
  static Thunk forced(Value value) {
    return new Thunk(vm -> vm.force(value));
  }

  /** A thunk that fails with {@code error} when forced. */
  static Thunk failing(NixError error) {
    return new Thunk(vm -> {
      throw error;
    });
  }

  /**
   * {@code set.a.b…}, forced; with a {@code fallback} (a formal's default), a missing first
   * name gives the fallback instead of an error.
   */
  static final class Select extends Generator {
    private final Value set;
    private final List<String> path;
    private final Value fallback;
    private int next = -1;

    Select(Value set, List<String> path, Value fallback) {
      this.set = set;
      this.path = path;
      this.fallback = fallback;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (next < 0) {
        next = 0;
        in = vm.force(set);
        if (in == null) {
          return null;
        }
      }
      while (next < path.size()) {
        String name = path.get(next);
        if (in instanceof NixUnknown) {
          return in;
        }
        if (!(in instanceof NixAttrs a)) {
          throw NixError.type("a set", in);
        }
        Value v = a.get(name);
        if (v == null) {
          if (next == 0 && fallback != null) {
            next = path.size();
            return vm.force(fallback);
          }
          throw Attrs.missing(name, a);
        }
        next++;
        in = vm.force(v);
        if (in == null) {
          return null;
        }
      }
      return in;
    }
  }

  /** {@code name} looked up in the values of {@code with}s, innermost first, as Nix does. */
  static final class WithLookup extends Generator {
    private final String name;
    private final List<Value> scopes;
    private int next;
    private boolean found;

    WithLookup(String name, List<Value> scopes) {
      this.name = name;
      this.scopes = scopes;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        if (found) {
          return in;
        }
        if (in != null) {
          // A scope was forced: look the name up in it.
          if (in instanceof NixUnknown) {
            return in;
          }
          if (!(in instanceof NixAttrs a)) {
            throw NixError.type("a set", in);
          }
          Value v = a.get(name);
          if (v != null) {
            found = true;
            in = vm.force(v);
            if (in == null) {
              return null;
            }
            continue;
          }
          in = null;
        }
        if (next >= scopes.size()) {
          throw NixError.eval("undefined variable '" + name + "'");
        }
        in = vm.force(scopes.get(next++));
        if (in == null) {
          return null;
        }
      }
    }
  }
}
