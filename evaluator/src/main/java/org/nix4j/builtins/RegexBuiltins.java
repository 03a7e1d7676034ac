package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.strict;

import java.util.List;
import org.nix4j.regex.Regex;
import org.nix4j.regex.RegexSyntaxException;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * match and split, on nix4j's POSIX extended regex engine ({@link Regex}), which behaves like
 * the libstdc++ {@code std::regex} Nix 2.8 uses. As in Nix, the pattern is compiled before the
 * string is forced, and the strings of the result have no context (but split of a string without
 * a match returns the string itself, context and all).
 */
final class RegexBuiltins {
  private RegexBuiltins() {}

  static void register(Registry r) {
    r.def("match", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        Regex re = compile(Expect.stringNoContext(a[0]));
        return Then.force(vm, a[1], v -> {
          String s = Args.toStr(v).bytes;
          String[] groups = re.matchWhole(s);
          if (groups == null) {
            return NixNull.NULL;
          }
          return NixList.wrap(strings(groups));
        });
      }
    });
    r.def("split", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        Regex re = compile(Expect.stringNoContext(a[0]));
        return Then.force(vm, a[1], v -> {
          NixString str = Args.toStr(v);
          List<Object> parts = re.split(str.bytes);
          if (parts.size() == 1) {
            return NixList.wrap(new Value[] {str});
          }
          Value[] out = new Value[parts.size()];
          for (int i = 0; i < out.length; i++) {
            Object p = parts.get(i);
            out[i] = p instanceof String s ? NixString.of(s) : NixList.wrap(strings((String[]) p));
          }
          return NixList.wrap(out);
        });
      }
    });
  }

  private static Regex compile(String pattern) {
    try {
      return Regex.compile(pattern);
    } catch (RegexSyntaxException e) {
      throw NixError.eval(e.getMessage());
    }
  }

  private static Value[] strings(String[] groups) {
    Value[] out = new Value[groups.length];
    for (int i = 0; i < groups.length; i++) {
      out[i] = groups[i] == null ? NixNull.NULL : NixString.of(groups[i]);
    }
    return out;
  }
}
