package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.nix4j.builtins.Nix.bool;
import static org.nix4j.builtins.Nix.f;
import static org.nix4j.builtins.Nix.fn;
import static org.nix4j.builtins.Nix.i;
import static org.nix4j.builtins.Nix.list;
import static org.nix4j.builtins.Nix.nul;
import static org.nix4j.builtins.Nix.s;
import static org.nix4j.builtins.Nix.set;
import static org.nix4j.builtins.Nix.thrown;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nix4j.bytecode.Formals;
import org.nix4j.bytecode.Proto;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/** toJSON, fromJSON, fromTOML and toXML (expected outputs are those of the fixtures). */
class DataFormatsTest {
  private final Nix nix = new Nix();

  private String json(Value v) {
    return NixString.unicodeOf(((NixString) nix.call("toJSON", v)).bytes);
  }

  @Test
  void toJsonScalarsAndEscapes() {
    assertEquals("9223372036854775807", json(i(Long.MAX_VALUE)));
    assertEquals("[1,-42,true,false,null,\"s\",\"\"]", json(list(i(1), i(-42), bool(true), bool(false), nul(), s("s"), s(""))));
    assertEquals("\"line\\nbreak\\ttab\\rcr\\\"q\\\\\"", json(s("line\nbreak\ttab\rcr\"q\\")));
    assertEquals("\"\\u0001\\u001f\u007f\\u0008\\u000c\"", json(s("\u0001\u001f\u007f\b\f")));
    assertEquals("\"ü✓😀/\"", json(s("ü✓😀/")));
    assertEquals("[1.5,1,0.1,1e+20,1e-07,3.14159,0,1e-06,1e+06]", json(list(f(1.5), f(1.0), f(0.1), f(1e20),
        f(1e-7), f(Math.PI), f(0.0), f(0.000001), f(1000000.0))));
  }

  @Test
  void toJsonSets() {
    assertEquals("{\"\":0,\"a\":{},\"b\":[1,{\"x\":[],\"y\":null}],\"key with space\":\"v\"}",
        json(set("b", list(i(1), set("y", nul(), "x", list())), "a", set(), "key with space", s("v"), "", i(0))));
    assertEquals("\"ts\"", json(set("__toString", fn(self -> s("ts")), "outPath", s("op"))));
    assertEquals("[1,\"a\"]", json(set("outPath", list(i(1), s("a")))));
    assertEquals("\"inner\"", json(set("outPath", set("outPath", s("inner")))));
    assertEquals("{\"p\":\"/nix/store/00000000000000000000000000000000-f.txt\"}", json(set("p", NixPath.of("/d/f.txt"))));
    NixString ctx = (NixString) nix.call("toJSON", set("p", NixPath.of("/d/f.txt")));
    assertEquals(NixContext.of("/nix/store/00000000000000000000000000000000-f.txt"), ctx.context);
    nix.checkError("error: cannot convert a function to JSON".replace("a function", "the built-in function 'lambda'"),
        "toJSON", set("f", fn(x -> x)));
    nix.checkError("error: cannot coerce an integer to a string", "toJSON", set("__toString", fn(self -> i(1))));
    nix.checkError("error: deep in json", "toJSON", set("a", list(i(1), thrown("deep in json"))));
  }

  @Test
  void toJsonOfACycleIsAStackOverflow() {
    Thunk self = new Thunk(vm -> null);
    NixAttrs x = set("a", self);
    Thunk cyc = Thunk.evaluated(x);
    NixAttrs top = set("a", cyc);
    self.set(top);
    nix.checkError("error: stack overflow (possible infinite recursion)", "toJSON", top);
  }

  @Test
  void toJsonOfDeepNesting() {
    Value v = i(1);
    for (int k = 0; k < 200_000; k++) {
      v = list(v);
    }
    String out = json(v);
    assertEquals(200_000 * 2 + 1, out.length());
  }

  private Value fromJson(String text) {
    return JsonParser.parse(NixString.bytesOf(text));
  }

  @Test
  void fromJson() {
    assertEquals("[ -1 1.84467e+19 -9.22337e+18 -0 0 ]", org.nix4j.value.Printer.print(list(
        fromJson("18446744073709551615"), fromJson("18446744073709551616"), fromJson("-9223372036854775809"),
        fromJson("-1e-400"), fromJson("1e-400"))));
    assertEquals("{ a = 2; b = 3; }", org.nix4j.value.Printer.print(fromJson("{ \"a\": 1, \"a\": 2, \"b\": 3 }")));
    assertEquals("\"a\"", org.nix4j.value.Printer.print(fromJson("\"a\\u0000b\"")));
    String[][] errors = {
      {"[1,2,]", "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error while parsing value - unexpected ']'; expected '[', '{', or a literal"},
      {"", "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"},
      {"[1 /* c */]", "[json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing array - invalid literal; last read: '1 /'; expected ']'"},
      {"\"a\tb\"", "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error while parsing value - invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t; last read: '\"a<U+0009>'"},
      {"1e400", "[json.exception.out_of_range.406] number overflow parsing '1e400'"},
      {"{'a': 1}", "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error while parsing object key - invalid literal; last read: '{''; expected string literal"},
      {"[1\n,\n2\n,x]", "[json.exception.parse_error.101] parse error at line 4, column 2: syntax error while parsing value - invalid literal; last read: '2<U+000A>,x'"},
    };
    for (String[] e : errors) {
      NixError err = assertThrows(NixError.class, () -> fromJson(e[0]), e[0]);
      assertEquals(e[1], err.getMessage());
    }
    nix.checkError("error: value is an integer while a string was expected", "fromJSON", i(1));
    nix.checkError("error: the string 'x' is not allowed to refer to a store path (such as '/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x')",
        "fromJSON", NixString.of("x", NixContext.of("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x")));
  }

  @Test
  void fromJsonOfDeepNesting() {
    int depth = 300_000;
    String text = "[".repeat(depth) + "]".repeat(depth);
    Value v = fromJson(text);
    for (int k = 0; k < depth - 1; k++) {
      v = ((org.nix4j.value.NixList) v).get(0);
    }
    assertEquals(0, ((org.nix4j.value.NixList) v).size());
  }

  @Test
  void fromToml() {
    nix.check("{ bare-key_1 = 2; flt = 3.5; int = 42; neg = -17; no = false; \"quoted key\" = 1; str = \"hello\"; yes = true; }",
        "fromTOML", s("str = \"hello\"\nint = 42\nneg = -17\nflt = 3.5\nyes = true\nno = false\n\"quoted key\" = 1\nbare-key_1 = 2\n"));
    nix.check("{ a = [ { b = [ { m = 1; } { m = 2; } ]; n = 1; } { n = 2; } ]; }", "fromTOML",
        s("[[a]]\nn = 1\n[[a.b]]\nm = 1\n[[a.b]]\nm = 2\n[[a]]\nn = 2\n"));
    nix.checkError("error: while parsing a TOML string: [error] toml::insert_value: value (\"a\") already exists.",
        "fromTOML", s("a = 1\na = 2\n"));
    nix.checkError("error: while parsing a TOML string: Dates and times are not supported", "fromTOML", s("x = { when = [ 2020-01-01 ] }"));
    nix.checkError("error: while parsing a TOML string: [error] toml::parse_boolean:", "fromTOML", s("a = tru"));
    nix.checkError("error: while parsing a TOML string: [error] bad integer: leading zero", "fromTOML", s("a = 012"));
  }

  @Test
  void fromTomlOfDeepTables() {
    String key = String.join(".", java.util.Collections.nCopies(50_000, "a"));
    Value v = TomlParser.parse("[" + key + "]\nx = 1\n");
    for (int k = 0; k < 50_000; k++) {
      v = ((NixAttrs) v).get("a");
    }
    assertEquals("{ x = 1; }", org.nix4j.value.Printer.print(v));
    NixError e = assertThrows(NixError.class, () -> TomlParser.parse("a = " + "[".repeat(5000) + "]".repeat(5000)));
    assertEquals(true, e.getMessage().startsWith("while parsing a TOML string"));
  }

  private static final String HEAD = "<?xml version='1.0' encoding='utf-8'?>\n<expr>\n";

  private String xml(Value v) {
    return NixString.unicodeOf(((NixString) nix.call("toXML", v)).bytes);
  }

  @Test
  void toXml() {
    assertEquals(HEAD + "  <attrs>\n    <attr name=\"&lt;&amp;&gt;\">\n      <string value=\"&quot;quotes&quot; &amp; 'apos' &lt;tag&gt;&#xA;\ttab ü\" />\n    </attr>\n  </attrs>\n</expr>\n",
        xml(set("<&>", s("\"quotes\" & 'apos' <tag>\n\ttab ü"))));
    assertEquals(HEAD + "  <list>\n    <int value=\"1\" />\n    <float value=\"0.1\" />\n    <bool value=\"true\" />\n    <null />\n    <path value=\"/some/path\" />\n    <list>\n    </list>\n    <attrs>\n    </attrs>\n    <unevaluated />\n  </list>\n</expr>\n",
        xml(list(i(1), f(0.1), bool(true), nul(), NixPath.of("/some/path"), list(), set(), nix.b("head"))));
    assertEquals(HEAD + "  <derivation>\n    <repeated />\n  </derivation>\n</expr>\n", xml(set("type", s("derivation"))));
    nix.checkError("error: inside", "toXML", list(i(1), thrown("inside")));
  }

  @Test
  void toXmlOfDerivationsAndLambdas() {
    NixAttrs drv = set("type", s("derivation"), "drvPath", s("/nix/store/x.drv"), "outPath", s("/nix/store/x"), "name", s("x"));
    assertEquals(HEAD + "  <list>\n    <derivation drvPath=\"/nix/store/x.drv\" outPath=\"/nix/store/x\">\n"
        + "      <attr name=\"drvPath\">\n        <string value=\"/nix/store/x.drv\" />\n      </attr>\n"
        + "      <attr name=\"name\">\n        <string value=\"x\" />\n      </attr>\n"
        + "      <attr name=\"outPath\">\n        <string value=\"/nix/store/x\" />\n      </attr>\n"
        + "      <attr name=\"type\">\n        <string value=\"derivation\" />\n      </attr>\n"
        + "    </derivation>\n    <derivation drvPath=\"/nix/store/x.drv\" outPath=\"/nix/store/x\">\n      <repeated />\n    </derivation>\n  </list>\n</expr>\n",
        xml(list(drv, drv)));
    SourceFile f = SourceFile.ofFile(Path.of("/d/f.nix"), "{ b ? 1, a, ... }@args: a\nx: x");
    Formals formals = new Formals(List.of("b", "a"), List.of(true, false), null, true, "args");
    Proto p = new Proto(Proto.Kind.LAMBDA, new int[0], new Object[0], new int[0], new SourcePos[0], new int[0], 1, null,
        formals, f, new SourcePos(f, 0, 25));
    Proto q = new Proto(Proto.Kind.LAMBDA, new int[0], new Object[0], new int[0], new SourcePos[0], new int[0], 1, null,
        null, f, new SourcePos(f, 26, 30));
    assertEquals(HEAD + "  <list>\n    <function>\n      <attrspat ellipsis=\"1\" name=\"args\">\n        <attr name=\"a\" />\n"
        + "        <attr name=\"b\" />\n      </attrspat>\n    </function>\n    <function>\n      <varpat name=\"x\" />\n"
        + "    </function>\n  </list>\n</expr>\n",
        xml(list(new Closure(p, new Value[0]), new Closure(q, new Value[0]))));
    String located = ValueFormats.xml(nix.vm, list(new Closure(q, new Value[0])), true, true);
    assertEquals(HEAD + "  <list>\n    <function column=\"1\" line=\"2\" path=\"/d/f.nix\">\n      <varpat name=\"x\" />\n"
        + "    </function>\n  </list>\n</expr>\n", located);
  }

  @Test
  void nonStrictFormats() {
    Value lazy = new Thunk(vm -> i(2));
    assertEquals(HEAD + "  <attrs>\n    <attr name=\"a\">\n      <unevaluated />\n    </attr>\n  </attrs>\n</expr>\n",
        ValueFormats.xml(nix.vm, set("a", lazy), false, false));
    NixError e = assertThrows(NixError.class, () -> ValueFormats.json(nix.vm, set("a", lazy), false));
    assertEquals("cannot convert a thunk to JSON", e.getMessage());
    assertEquals("{\"a\":2}", ValueFormats.json(nix.vm, set("a", lazy), true));
  }
}
