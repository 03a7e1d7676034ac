package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.function.Function;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.Coerce;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * stringLength, substring, concatStringsSep, replaceStrings, toString, baseNameOf, dirOf.
 *
 * <p>Strings are byte strings (see {@link NixString}): lengths and offsets count bytes, as in
 * Nix. Where Nix coerces ({@code coerceToString}) the coercion goes through the VM with the
 * same mode: by default paths are copied to the store ({@link Coerce.Mode#INTERPOLATE}).
 */
final class StringBuiltins {
  private StringBuiltins() {}

  /** Nix's coerceToString with coerceMore = false and copyToStore = false. */
  static final Coerce.Mode NO_COPY = Coerce.Mode.APPEND_TO_PATH;

  static void register(Registry r) {
    r.def("stringLength", 1, 0, new Then.OnString(Coerce.Mode.INTERPOLATE) {
      @Override
      public Value apply(NixString s) {
        return NixInt.of(s.bytes.length());
      }
    });
    r.add(new OrderedPrimop("substring", 3, new int[] {0, 1}, new Expect[] {Expect.INT, Expect.INT},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            // Nix reads both as C ints.
            NixInt start = (NixInt) a[0];
            NixInt len = (NixInt) a[1];
            return Then.coerce(vm, a[2], Coerce.Mode.INTERPOLATE, new Function<NixString, Value>() {
              @Override
              public Value apply(NixString s) {
                return substring((int) start.value, (int) len.value, s);
              }
            });
          }
        }), false);
    r.add(new OrderedPrimop("concatStringsSep", 2, new int[] {0, 1},
        new Expect[] {Expect.STRING, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new ConcatStringsSep((NixString) a[0], (NixList) a[1]));
          }
        }), false);
    r.add(new OrderedPrimop("replaceStrings", 3, new int[] {0, 1},
        new Expect[] {Expect.LIST, Expect.LIST}, new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            NixList from = (NixList) a[0];
            NixList to = (NixList) a[1];
            if (from.size() != to.size()) {
              throw NixError.eval("'from' and 'to' arguments to 'replaceStrings' have different lengths");
            }
            return vm.push(new ReplaceStrings(from, to, a[2]));
          }
        }), false);
    r.add(new Primop("toString", 1, 0, new Then.OnString(Coerce.Mode.TO_STRING) {
      @Override
      public Value apply(NixString s) {
        return s;
      }
    }), true);
    r.add(new Primop("baseNameOf", 1, 0, new Then.OnString(NO_COPY) {
      @Override
      public Value apply(NixString s) {
        return NixString.of(baseNameOf(s.bytes), s.context);
      }
    }), true);
    r.add(new Primop("dirOf", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        if (a[0] instanceof NixPath p) {
          return NixPath.of(dirOf(p.path));
        }
        return Then.coerce(vm, a[0], NO_COPY, new Function<NixString, Value>() {
          @Override
          public Value apply(NixString s) {
            return NixString.of(dirOf(s.bytes), s.context);
          }
        });
      }
    }), true);
  }

  static Value substring(int start, int len, NixString s) {
    if (start < 0) {
      throw NixError.eval("negative start position in 'substring'");
    }
    String b = s.bytes;
    String out;
    if (start >= b.length()) {
      out = "";
    } else {
      // A negative length is std::string::npos-like: to the end.
      long end = len < 0 ? b.length() : Math.min((long) start + len, b.length());
      out = b.substring(start, (int) end);
    }
    return NixString.of(out, s.context);
  }

  /** Nix's baseNameOf on a byte string. */
  static String baseNameOf(String path) {
    if (path.isEmpty()) {
      return "";
    }
    int last = path.length() - 1;
    if (path.charAt(last) == '/' && last > 0) {
      last--;
    }
    int pos = path.lastIndexOf('/', last);
    pos = pos < 0 ? 0 : pos + 1;
    return path.substring(pos, last + 1);
  }

  /** Nix's dirOf on a byte string. */
  static String dirOf(String path) {
    int pos = path.lastIndexOf('/');
    if (pos < 0) {
      return ".";
    }
    return pos == 0 ? "/" : path.substring(0, pos);
  }

  /**
   * concatStringsSep: coerces each element (paths copied), separated by sep. The parts are
   * collected and joined at the end, which sizes the result once instead of growing a buffer.
   */
  static final class ConcatStringsSep extends Generator {
    private final NixString sep;
    private final NixList list;
    private final String[] parts;
    private NixContext context;
    private int i;
    private boolean waiting;

    ConcatStringsSep(NixString sep, NixList list) {
      this.sep = sep;
      this.list = list;
      this.parts = new String[list.size()];
      this.context = sep.context;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waiting) {
        waiting = false;
        append((NixString) in);
      }
      while (i < parts.length) {
        Value v = vm.coerceToString(list.get(i), Coerce.Mode.INTERPOLATE);
        if (v == null) {
          waiting = true;
          return null;
        }
        append((NixString) v);
      }
      if (parts.length == 1) {
        return NixString.of(parts[0], context);
      }
      return NixString.of(String.join(sep.bytes, parts), context);
    }

    private void append(NixString s) {
      parts[i++] = s.bytes;
      context = context.union(s.context);
    }
  }

  /**
   * replaceStrings from to s: forces every pattern, then every replacement, then s; scans s
   * left to right, at each position replacing the first pattern that matches (an empty pattern
   * matches everywhere, also at the end).
   */
  static final class ReplaceStrings extends Generator {
    private final NixList fromList;
    private final NixList toList;
    private final Value input;
    private final String[] from;
    private final NixString[] to;
    private int i;
    private int state;

    ReplaceStrings(NixList from, NixList to, Value input) {
      this.fromList = from;
      this.toList = to;
      this.input = input;
      this.from = new String[from.size()];
      this.to = new NixString[to.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      while (true) {
        switch (state) {
          case 0 -> {
            // Patterns.
            if (in != null) {
              from[i++] = Args.toStr(in).bytes;
              in = null;
            }
            while (i < from.length) {
              Value v = vm.force(fromList.get(i));
              if (v == null) {
                return null;
              }
              from[i++] = Args.toStr(v).bytes;
            }
            i = 0;
            state = 1;
          }
          case 1 -> {
            // Replacements.
            if (in != null) {
              to[i++] = Args.toStr(in);
              in = null;
            }
            while (i < to.length) {
              Value v = vm.force(toList.get(i));
              if (v == null) {
                return null;
              }
              to[i++] = Args.toStr(v);
            }
            state = 2;
            in = vm.force(input);
            if (in == null) {
              return null;
            }
          }
          case 2 -> {
            return replace(from, to, Args.toStr(in));
          }
          default -> throw new IllegalStateException();
        }
      }
    }
  }

  static NixString replace(String[] from, NixString[] to, NixString input) {
    if (from.length == 0) {
      return input;
    }
    String s = input.bytes;
    int n = s.length();
    // For each byte, the patterns that can match where it starts (empty patterns always can).
    int[][] candidates = new int[256][];
    int[] empties = indexesWhere(from, -1);
    for (int c = 0; c < 256; c++) {
      candidates[c] = indexesWhere(from, c);
    }
    StringBuilder out = new StringBuilder(n + 16);
    NixContext context = input.context;
    int p = 0;
    while (p <= n) {
      int[] cand = p < n ? candidates[s.charAt(p) & 0xff] : empties;
      if (cand.length == 0) {
        // Copy a run of bytes where nothing can match.
        int q = p + 1;
        while (q < n && candidates[s.charAt(q) & 0xff].length == 0) {
          q++;
        }
        out.append(s, p, Math.min(q, n));
        p = q;
        if (p == n && empties.length == 0) {
          break;
        }
        continue;
      }
      boolean found = false;
      for (int k : cand) {
        String pat = from[k];
        if (s.startsWith(pat, p)) {
          found = true;
          out.append(to[k].bytes);
          context = context.union(to[k].context);
          if (pat.isEmpty()) {
            if (p < n) {
              out.append(s.charAt(p));
            }
            p++;
          } else {
            p += pat.length();
          }
          break;
        }
      }
      if (!found) {
        if (p < n) {
          out.append(s.charAt(p));
        }
        p++;
      }
    }
    return NixString.of(out.toString(), context);
  }

  /** The indexes of the patterns that start with byte c (c = -1: none), and of empty ones. */
  private static int[] indexesWhere(String[] from, int c) {
    int count = 0;
    for (String f : from) {
      if (f.isEmpty() || (c >= 0 && (f.charAt(0) & 0xff) == c)) {
        count++;
      }
    }
    int[] out = new int[count];
    int k = 0;
    for (int i = 0; i < from.length; i++) {
      String f = from[i];
      if (f.isEmpty() || (c >= 0 && (f.charAt(0) & 0xff) == c)) {
        out[k++] = i;
      }
    }
    return out;
  }
}
