package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nix4j.builtins.Nix.bool;
import static org.nix4j.builtins.Nix.f;
import static org.nix4j.builtins.Nix.fn;
import static org.nix4j.builtins.Nix.i;
import static org.nix4j.builtins.Nix.list;
import static org.nix4j.builtins.Nix.nul;
import static org.nix4j.builtins.Nix.s;
import static org.nix4j.builtins.Nix.set;
import static org.nix4j.builtins.Nix.thrown;

import org.junit.jupiter.api.Test;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;

class StringBuiltinsTest {
  private final Nix nix = new Nix();

  private static final String DRV = "/nix/store/8iayx7zvgc7mzwdssmafp4ckkhfpbifh-sub-ctx.drv";

  /** "${d}" of a derivation: its output path with the output's context. */
  private static NixString drvOut() {
    return NixString.of("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-sub-ctx", NixContext.of("!out!" + DRV));
  }

  @Test
  void stringLength() {
    nix.check("[ 0 3 2 3 4 5 ]", "map", nix.b("stringLength"),
        list(s(""), s("abc"), s("ü"), s("✓"), s("😀"), s("a\nb\tc")));
    nix.check("4", "stringLength", set("__toString", fn(self -> s("abcd"))));
    nix.checkError("error: cannot coerce a float to a string", "stringLength", f(1.5));
    nix.checkError("error: cannot coerce an integer to a string", "stringLength", i(12));
    // Paths are copied to the store first.
    nix.check("61", "stringLength", NixPath.of("/x/builtin-hello.txt"));
  }

  @Test
  void substring() {
    nix.check("[ \"hel\" \"ell\" \"llo\" \"\" \"\" \"\" \"\" ]", "map", fn(v -> v), list(
        nix.call("substring", i(0), i(3), s("hello")), nix.call("substring", i(1), i(3), s("hello")),
        nix.call("substring", i(2), i(100), s("hello")), nix.call("substring", i(5), i(1), s("hello")),
        nix.call("substring", i(10), i(2), s("hello")), nix.call("substring", i(0), i(0), s("hello")),
        nix.call("substring", i(0), i(1), s(""))));
    nix.check("\"bc\"", "substring", i(1), i(9223372036854775807L), s("abc"));
    nix.check("\"llo\"", "substring", i(2), i(-1), s("hello"));
    nix.check("\"ü\"", "substring", i(0), i(2), s("ü✓"));
    nix.check("\"/nix/store/\"", "substring", i(0), i(11), NixPath.of("/x/builtin-hello.txt"));
    nix.checkError("error: cannot coerce a Boolean to a string", "substring", i(0), i(1), bool(true));
    nix.checkError("error: value is a float while an integer was expected", "substring", f(0.5), i(1), s("abc"));
    nix.checkError("error: negative start position in 'substring'", "substring", i(-1), i(2), s("hello"));
    // The context stays, even on an empty result.
    assertEquals(drvOut().context, ((NixString) nix.call("substring", i(0), i(0), drvOut())).context);
  }

  @Test
  void concatStringsSep() {
    nix.check("\"a, b, c\"", "concatStringsSep", s(", "), list(s("a"), s("b"), s("c")));
    nix.check("\"\"", "concatStringsSep", s("-"), list());
    nix.check("\",\"", "concatStringsSep", s(","), list(s(""), s("")));
    nix.check("\"/nix/store/00000000000000000000000000000000-builtin-hello.txt,c\"", "concatStringsSep",
        s(","), list(NixPath.of("/data/builtin-hello.txt"), s("c")));
    nix.checkError("error: value is an integer while a string was expected", "concatStringsSep", i(1), list());
    nix.checkError("error: cannot coerce an integer to a string", "concatStringsSep", s(","), Nix.ints(1, 2));
    nix.checkError("error: cannot coerce a list to a string", "concatStringsSep", s(","), list(list(s("a"))));
    nix.checkError("error: value is a path while a string was expected", "concatStringsSep",
        NixPath.of("/a"), list(s("a")));
    NixString r = (NixString) nix.call("concatStringsSep", drvOut(), list());
    assertEquals(true, r.hasContext());
  }

  @Test
  void replaceStrings() {
    String[][] cases = {
      {"bbnbnb", "a", "b", "banana"},
      {"bANANa", "an", "AN", "banana"},
      {"-a-b-c-", "", "-", "abc"},
      {"-", "", "-", ""},
      {"ba", "aa", "b", "aaa"},
      {"Xc", "ab", "X", "abc"},
      {"abc", "abcd", "X", "abc"},
      {"Grueße", "ü", "ue", "Grüße"},
    };
    for (String[] c : cases) {
      nix.check("\"" + c[0] + "\"", "replaceStrings", list(s(c[1])), list(s(c[2])), s(c[3]));
    }
    nix.check("\"baab\"", "replaceStrings", list(s("a"), s("b")), list(s("b"), s("a")), s("abba"));
    nix.check("\".aB.c.\"", "replaceStrings", list(s("b"), s("")), list(s("B"), s(".")), s("abc"));
    nix.check("\"111\"", "replaceStrings", list(s("a"), s("aa")), list(s("1"), s("2")), s("aaa"));
    nix.check("\"21\"", "replaceStrings", list(s("aa"), s("a")), list(s("2"), s("1")), s("aaa"));
    nix.check("\"&lt;a &amp; b&gt;\"", "replaceStrings", list(s("&"), s("<"), s(">")),
        list(s("&amp;"), s("&lt;"), s("&gt;")), s("<a & b>"));
    nix.check("\"x\"", "replaceStrings", list(), list(), s("x"));
    nix.checkError("error: unused replacement forced", "replaceStrings", list(s("a"), s("b")),
        list(s("x"), thrown("unused replacement forced")), s("aaa"));
    nix.checkError("error: 'from' and 'to' arguments to 'replaceStrings' have different lengths",
        "replaceStrings", list(s("a"), s("b")), list(s("x")), thrown("not forced"));
    nix.checkError("error: value is an integer while a string was expected", "replaceStrings", list(), list(), i(1));
    nix.checkError("error: value is an integer while a string was expected", "replaceStrings", list(i(1)), list(s("x")), s("1"));
    nix.checkError("error: value is a path while a string was expected", "replaceStrings", list(s("a")),
        list(s("b")), NixPath.of("/a"));
    // Contexts of the replacements used are added.
    NixString used = (NixString) nix.call("replaceStrings", list(s("@out@")), list(drvOut()), s("path: @out@"));
    assertEquals(drvOut().context, used.context);
    NixString unused = (NixString) nix.call("replaceStrings", list(s("@x@")), list(drvOut()), s("no match"));
    assertEquals(false, unused.hasContext());
  }

  @Test
  void toStringOfEverything() {
    nix.check("[ \"1\" \"-7\" \"1.500000\" \"0.100000\" \"1\" \"\" \"\" \"s\" \"/a/b\" \"1 a  1 \" \"custom\" \"/out\" \"\" ]",
        "map", nix.b("toString"), list(i(1), i(-7), f(1.5), f(0.1), bool(true), bool(false), nul(), s("s"),
            NixPath.of("/a/b"), list(i(1), s("a"), nul(), list(bool(true), bool(false))),
            set("__toString", fn(self -> s("custom"))), set("outPath", s("/out")), list()));
    nix.check("[ \"\" \"1 2\" \"1 2 3\" \" \" \"  \" ]", "map", nix.b("toString"), list(
        list(list(), list()), list(i(1), list(), i(2)), list(Nix.ints(1, 2), Nix.ints(3)), list(nul(), nul()),
        list(s(""), s(""), s(""))));
    nix.checkError("error: cannot coerce a set to a string", "toString", set("a", i(1)));
    nix.checkError("error: cannot coerce the built-in function 'head' to a string", "toString", nix.b("head"));
    nix.checkError("error: cannot coerce a set to a string", "toString", list(i(1), set()));
  }

  @Test
  void baseNameOfAndDirOf() {
    nix.check("[ \"c\" \"c\" \"c\" \"\" \"\" \"b\" \"\" \"foo.tar.gz\" ]", "map", nix.b("baseNameOf"),
        list(s("/a/b/c"), s("/a/b/c/"), s("c"), s(""), s("/"), s("a//b"), s("//"), s("foo.tar.gz")));
    nix.check("\"c\"", "baseNameOf", NixPath.of("/a/b/c"));
    nix.checkError("error: cannot coerce an integer to a string", "baseNameOf", i(1));
    NixString tool = (NixString) nix.call("baseNameOf", NixString.of(drvOut().bytes + "/bin/tool", drvOut().context));
    assertEquals("tool", tool.bytes);
    assertEquals(true, tool.hasContext());
    nix.check("[ \"/a/b\" \"/a/b/c\" \".\" \".\" \"/\" \"/\" \"a\" \"a/\" ]", "map", nix.b("dirOf"),
        list(s("/a/b/c"), s("/a/b/c/"), s("c"), s(""), s("/"), s("/a"), s("a/b"), s("a//b")));
    nix.check("[ /a/b / ]", "map", nix.b("dirOf"), list(NixPath.of("/a/b/c"), NixPath.of("/a")));
    nix.checkError("error: cannot coerce null to a string", "dirOf", nul());
  }

  @Test
  void versions() {
    nix.check("{ name = \"firefox-bin\"; version = \"3.0-beta1\"; }", "parseDrvName", s("firefox-bin-3.0-beta1"));
    String[] names = {"", "-", "a--1", "a-1-2", "a-B", "foo-", "-1.0", "x-3d-1.0", "gtk+-2.24"};
    String expected = "[ { name = \"\"; version = \"\"; } { name = \"-\"; version = \"\"; } "
        + "{ name = \"a\"; version = \"-1\"; } { name = \"a\"; version = \"1-2\"; } "
        + "{ name = \"a-B\"; version = \"\"; } { name = \"foo-\"; version = \"\"; } "
        + "{ name = \"\"; version = \"1.0\"; } { name = \"x\"; version = \"3d-1.0\"; } "
        + "{ name = \"gtk+\"; version = \"2.24\"; } ]";
    Value[] vs = new Value[names.length];
    for (int k = 0; k < names.length; k++) {
      vs[k] = s(names[k]);
    }
    nix.check(expected, "map", nix.b("parseDrvName"), list(vs));
    nix.checkError("error: value is an integer while a string was expected", "parseDrvName", i(1));
    nix.check("[ [ \"1\" \"2\" \"rc\" \"3\" ] [ \"1\" \"a\" \"2\" \"b\" ] [ ] [ \"1\" \"2\" ] [ \"1\" \"2\" \"3\" \"_\" \"4\" ] [ \"1\" ] ]",
        "map", nix.b("splitVersion"), list(s("1.2-rc3"), s("1a2b"), s(""), s("1..2"), s("1.2.3_4"), s(".1")));
    nix.checkError("error: value is null while a string was expected", "splitVersion", nul());
    String[][] cmp = {
      {"1.0", "2.3", "-1"}, {"2.3", "2.3", "0"}, {"2.3.1", "2.3", "1"}, {"1", "", "1"},
      {"1..2", "1.2", "0"}, {"1.2-", "1.2.", "0"}, {"1.2.3", "1.2-3", "0"}, {"1.2", "1.2.0", "-1"},
      {"1.2.a", "1.2", "1"}, {"1_2", "1.2", "-1"}, {"pre", "", "-1"}, {"pre1", "1", "-1"},
      {"rc", "pre", "1"}, {"1.000010", "1.9", "1"}, {"0.0.0", "0", "1"}, {"2.3pre1", "2.3", "-1"},
      {"2.3a", "2.3", "1"}, {"2.3a", "2.3.1", "-1"}, {"2.3pre", "2.3a", "-1"}, {"1.10", "1.9", "1"},
      {"1.010", "1.10", "0"}, {"a", "b", "-1"}, {"1.0", "1.a", "1"},
    };
    for (String[] c : cmp) {
      assertEquals(c[2], nix.eval("compareVersions", s(c[0]), s(c[1])), c[0] + " vs " + c[1]);
    }
    nix.checkError("error: value is an integer while a string was expected", "compareVersions", i(1), i(2));
  }

  @Test
  void hashString() {
    nix.check("\"900150983cd24fb0d6963f7d28e17f72\"", "hashString", s("md5"), s("abc"));
    nix.check("\"c03410a5204b21cd8229ff754688d743\"", "hashString", s("md5"), s("ü"));
    nix.check("\"a9993e364706816aba3e25717850c26c9cd0d89d\"", "hashString", s("sha1"), s("abc"));
    nix.check("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"", "hashString", s("sha256"), s("abc"));
    nix.check("\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\"",
        "hashString", s("sha512"), s("abc"));
    nix.checkError("error: unknown hash algorithm 'sha3'", "hashString", s("sha3"), thrown("not forced"));
    nix.checkError("error: unknown hash algorithm 'SHA256'", "hashString", s("SHA256"), s("abc"));
    nix.checkError("error: value is an integer while a string was expected", "hashString", s("md5"), i(1));
    assertEquals(false, ((NixString) nix.call("hashString", s("sha256"), drvOut())).hasContext());
  }

  @Test
  void misc() {
    nix.check("[ \"/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9\" \"/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz\" \"/171rf4jhx57xqz3p7swniwkig249cif71pa08p80mgaf0mqz5bmr\" ]",
        "map", nix.b("placeholder"), list(s("out"), s("dev"), s("")));
    nix.checkError("error: value is an integer while a string was expected", "placeholder", i(1));
    assertEquals("\"2.8.0\"", nix.eval("toString", nix.b("nixVersion")));
    assertEquals("6", org.nix4j.value.Printer.print(nix.b("langVersion")));
    assertEquals(true, nix.builtins.globals().containsKey("placeholder"));
  }
}
