package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.strict;

import java.util.function.Function;
import org.nix4j.regex.Regex;
import org.nix4j.regex.RegexSyntaxException;
import org.nix4j.value.Arrays2;
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
        return Then.force(vm, a[1], new Function<Value, Value>() {
          @Override
          public Value apply(Value v) {
            String[] groups = re.matchWhole(Args.toStr(v).bytes);
            return groups == null ? NixNull.NULL : NixList.wrap(strings(groups));
          }
        });
      }
    });
    r.def("split", 2, strict(0), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        Regex re = compile(Expect.stringNoContext(a[0]));
        return Then.force(vm, a[1], new Function<Value, Value>() {
          @Override
          public Value apply(Value v) {
            NixString str = Args.toStr(v);
            SplitParts parts = new SplitParts(str.bytes);
            re.forEachMatch(str.bytes, parts);
            if (parts.out.isEmpty()) {
              return NixList.wrap(new Value[] {str});
            }
            parts.out.add(NixString.of(str.bytes.substring(parts.prev)));
            return NixList.wrap(Arrays2.values(parts.out));
          }
        });
      }
    });
  }

  /**
   * The result of {@code split} built as the matches come: the text before each match, then the
   * list of its groups (null for a group that did not take part).
   */
  private static final class SplitParts implements Regex.MatchSink {
    final String s;
    final java.util.ArrayList<Value> out = new java.util.ArrayList<>();
    int prev;

    SplitParts(String s) {
      this.s = s;
    }

    @Override
    public void match(int[] caps) {
      out.add(NixString.of(s.substring(prev, caps[0])));
      int groups = caps.length / 2 - 1;
      if (groups == 0) {
        out.add(NixList.EMPTY);
      } else {
        Value[] g = new Value[groups];
        for (int i = 0; i < groups; i++) {
          int e = caps[2 * i + 3];
          g[i] = e < 0 ? NixNull.NULL : NixString.of(s.substring(caps[2 * i + 2], e));
        }
        out.add(NixList.wrap(g));
      }
      prev = caps[1];
    }
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
