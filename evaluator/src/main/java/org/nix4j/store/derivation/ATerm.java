package org.nix4j.store.derivation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.FixedOutputHash;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StoreException;
import org.nix4j.store.StorePath;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;

/**
 * The ATerm text of {@code .drv} files, written byte for byte as Nix 2.8 writes it and parsed
 * back:
 *
 * <pre>
 * Derive([("out","/nix/store/…-x","",""),…],        outputs: name, path, hashAlgo, hash
 *        [("/nix/store/…-dep.drv",["lib","out"]),…], input derivations and their outputs
 *        ["/nix/store/…-src",…],                    input sources
 *        "x86_64-linux","/bin/sh",["-c","…"],        platform, builder, args
 *        [("builder","/bin/sh"),…])                  environment
 * </pre>
 *
 * Lists and maps are sorted by key bytes. Strings are in double quotes with {@code "} and
 * {@code \} escaped by a backslash and newline, carriage return and tab written as {@code \n},
 * {@code \r}, {@code \t}; every other byte is written as is.
 */
public final class ATerm {
  private ATerm() {}

  /**
   * Writes the ATerm of {@code drv}. With {@code maskOutputs} the output paths, and the
   * environment variables named like outputs, are written as empty strings (the form hashed to
   * compute input-addressed output paths). With {@code inputHashes} (keys: base-16 modulo hashes
   * of the input derivations, values: their used outputs) the input derivations are replaced by
   * those (the form {@code hashDerivationModulo} hashes).
   */
  public static String write(
      Derivation drv, StoreDir store, boolean maskOutputs, Map<String, ? extends Set<String>> inputHashes) {
    StringBuilder s = new StringBuilder(256 + drv.env().size() * 64);
    s.append("Derive([");
    boolean first = true;
    for (Map.Entry<String, DerivationOutput> e : drv.outputs().entrySet()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      DerivationOutput o = e.getValue();
      s.append('(');
      string(s, e.getKey());
      s.append(',');
      string(s, maskOutputs ? "" : store.print(o.path()));
      s.append(',');
      string(s, o.hashAlgoField());
      s.append(',');
      string(s, o.hashField());
      s.append(')');
    }
    s.append("],[");
    first = true;
    if (inputHashes != null) {
      for (Map.Entry<String, ? extends Set<String>> e :
          new java.util.TreeMap<>(inputHashes).entrySet()) {
        first = inputDrv(s, first, e.getKey(), e.getValue());
      }
    } else {
      for (Map.Entry<StorePath, ? extends Set<String>> e : drv.inputDrvs().entrySet()) {
        first = inputDrv(s, first, store.print(e.getKey()), e.getValue());
      }
    }
    s.append("],[");
    first = true;
    for (StorePath p : drv.inputSrcs()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      string(s, store.print(p));
    }
    s.append("],");
    string(s, drv.platform());
    s.append(',');
    string(s, drv.builder());
    s.append(",[");
    first = true;
    for (String a : drv.args()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      string(s, a);
    }
    s.append("],[");
    first = true;
    for (Map.Entry<String, String> e : drv.env().entrySet()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      s.append('(');
      string(s, e.getKey());
      s.append(',');
      string(s, maskOutputs && drv.outputs().containsKey(e.getKey()) ? "" : e.getValue());
      s.append(')');
    }
    s.append("])");
    return s.toString();
  }

  private static boolean inputDrv(StringBuilder s, boolean first, String key, Set<String> outputs) {
    if (!first) {
      s.append(',');
    }
    s.append('(');
    string(s, key);
    s.append(",[");
    boolean f = true;
    for (String o : outputs instanceof java.util.SortedSet<String> sorted && sorted.comparator() == null
        ? sorted : new TreeSet<>(outputs)) {
      if (!f) {
        s.append(',');
      }
      f = false;
      string(s, o);
    }
    s.append("])");
    return false;
  }

  /** Appends {@code v} as an escaped ATerm string (runs without escapes are copied whole). */
  public static void string(StringBuilder s, String v) {
    s.append('"');
    int n = v.length();
    int start = 0;
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      String esc;
      switch (c) {
        case '"' -> esc = "\\\"";
        case '\\' -> esc = "\\\\";
        case '\n' -> esc = "\\n";
        case '\r' -> esc = "\\r";
        case '\t' -> esc = "\\t";
        default -> {
          continue;
        }
      }
      s.append(v, start, i).append(esc);
      start = i + 1;
    }
    s.append(v, start, n).append('"');
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /**
   * Parses the text of a {@code .drv} file; {@code name} is the derivation name (the drv path's
   * name without {@code .drv}). Errors are {@link StoreException}s.
   */
  public static Derivation parse(String text, String name, StoreDir store) {
    return new Parser(text, store).derivation(name);
  }

  private static final class Parser {
    private final String t;
    private final StoreDir store;
    private int pos;

    Parser(String t, StoreDir store) {
      this.t = t;
      this.store = store;
    }

    private StoreException error(String what) {
      return new StoreException("bad derivation: " + what + " at offset " + pos);
    }

    private void expect(String s) {
      if (!t.startsWith(s, pos)) {
        throw error("expected '" + s + "'");
      }
      pos += s.length();
    }

    private boolean endOfList() {
      if (pos < t.length() && t.charAt(pos) == ']') {
        pos++;
        return true;
      }
      return false;
    }

    private void comma(boolean first) {
      if (!first) {
        expect(",");
      }
    }

    private String str() {
      expect("\"");
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= t.length()) {
          throw error("unterminated string");
        }
        char c = t.charAt(pos++);
        if (c == '"') {
          return sb.toString();
        }
        if (c == '\\') {
          if (pos >= t.length()) {
            throw error("unterminated string");
          }
          char e = t.charAt(pos++);
          sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
        } else {
          sb.append(c);
        }
      }
    }

    private List<String> strings() {
      expect("[");
      List<String> out = new ArrayList<>();
      for (boolean first = true; !endOfList(); first = false) {
        comma(first);
        out.add(str());
      }
      return out;
    }

    Derivation derivation(String name) {
      expect("Derive([");
      Map<String, DerivationOutput> outputs = new LinkedHashMap<>();
      for (boolean first = true; !endOfList(); first = false) {
        comma(first);
        expect("(");
        String id = str();
        expect(",");
        String path = str();
        expect(",");
        String algo = str();
        expect(",");
        String hash = str();
        expect(")");
        StorePath p = store.parse(path);
        if (algo.isEmpty()) {
          outputs.put(id, DerivationOutput.inputAddressed(p));
        } else {
          FileIngestionMethod m = FileIngestionMethod.FLAT;
          if (algo.startsWith("r:")) {
            m = FileIngestionMethod.RECURSIVE;
            algo = algo.substring(2);
          }
          HashAlgorithm a = HashAlgorithm.parse(algo);
          outputs.put(id, DerivationOutput.fixed(p,
              new FixedOutputHash(m, Hash.parseNonSriUnprefixed(hash, a))));
        }
      }
      expect(",[");
      Map<StorePath, Set<String>> inputDrvs = new LinkedHashMap<>();
      for (boolean first = true; !endOfList(); first = false) {
        comma(first);
        expect("(");
        StorePath p = store.parse(str());
        expect(",");
        inputDrvs.put(p, new TreeSet<>(strings()));
        expect(")");
      }
      expect(",");
      Set<StorePath> srcs = new TreeSet<>();
      for (String s : strings()) {
        srcs.add(store.parse(s));
      }
      expect(",");
      String platform = str();
      expect(",");
      String builder = str();
      expect(",");
      List<String> args = strings();
      expect(",[");
      Map<String, String> env = new LinkedHashMap<>();
      for (boolean first = true; !endOfList(); first = false) {
        comma(first);
        expect("(");
        String k = str();
        expect(",");
        String v = str();
        expect(")");
        env.put(k, v);
      }
      expect(")");
      if (pos != t.length()) {
        throw error("trailing text");
      }
      return new Derivation(name, outputs, inputDrvs, srcs, platform, builder, args, env);
    }
  }
}
