package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nix4j.builtins.Nix.fn;
import static org.nix4j.builtins.Nix.fn2;
import static org.nix4j.builtins.Nix.i;
import static org.nix4j.builtins.Nix.intOf;
import static org.nix4j.builtins.Nix.ints;
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
import org.nix4j.value.NixList;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;

class AttrBuiltinsTest {
  private final Nix nix = new Nix();

  @Test
  void namesAndValues() {
    nix.check("[ \"a\" \"b\" \"c\" ]", "attrNames", set("b", i(1), "a", i(2), "c", i(3)));
    nix.check("[ \"\" \"1\" \"Z\" \"_\" \"a\" ]", "attrNames", set("Z", i(1), "a", i(1), "_", i(1), "1", i(1), "", i(1)));
    nix.checkError("error: value is a list while a set was expected", "attrNames", list(s("a")));
    nix.checkError("error: attrNames forced", "attrNames", thrown("attrNames forced"));
    nix.check("[ 2 1 3 ]", "attrValues", set("b", i(1), "a", i(2), "c", i(3)));
    nix.check("1", "length", nix.call("attrValues", set("x", thrown("lazy"))));
    nix.checkError("error: value is null while a set was expected", "attrValues", nul());
  }

  @Test
  void getAndHas() {
    nix.check("2", "getAttr", s("b"), set("a", thrown("x"), "b", i(2)));
    nix.checkError("error: attribute 'b' missing for call to 'getAttr'", "getAttr", s("b"), set("a", i(1)));
    nix.checkError("error: value is an integer while a string was expected", "getAttr", i(1), set("a", i(1)));
    nix.checkError("error: name forced", "getAttr", thrown("name forced"), set());
    nix.check("true", "hasAttr", s("a"), set("a", thrown("lazy")));
    nix.check("false", "hasAttr", s(""), set());
    nix.checkError("error: value is a list while a set was expected", "hasAttr", s("a"), list());
  }

  @Test
  void removeAndIntersect() {
    nix.check("{ b = 2; }", "removeAttrs", set("a", i(1), "b", i(2), "c", i(3)), list(s("a"), s("c")));
    nix.check("{ }", "removeAttrs", set("a", i(1)), list(s("a"), s("a")));
    nix.check("[ \"a\" \"b\" ]", "attrNames", nix.call("removeAttrs", set("a", thrown("x"), "b", thrown("y"), "c", i(1)), list(s("c"))));
    nix.checkError("error: value is an integer while a string was expected", "removeAttrs", set("a", i(1)), list(i(1)));
    nix.checkError("error: value is a string while a list was expected", "removeAttrs", set("a", i(1)), s("a"));
    nix.check("{ b = 20; }", "intersectAttrs", set("a", i(1), "b", i(2)), set("b", i(20), "c", i(30)));
    nix.check("{ a = 5; }", "intersectAttrs", set("a", thrown("never")), set("a", i(5)));
    nix.check("{ a = 1; c = 3; e = 5; }", "intersectAttrs", set("a", i(0), "c", i(0), "e", i(0), "g", i(0)),
        set("a", i(1), "b", i(2), "c", i(3), "d", i(4), "e", i(5), "f", i(6)));
    nix.checkError("error: value is a list while a set was expected", "intersectAttrs", list(), set());
  }

  @Test
  void mapAttrsIsLazy() {
    nix.check("{ a = \"a\"; b = \"b\"; }", "mapAttrs", fn2((n, v) -> n), set("a", i(1), "b", i(2)));
    nix.check("[ \"a\" \"b\" ]", "attrNames", nix.call("mapAttrs", thrown("function never called"), set("a", i(1), "b", i(2))));
    nix.checkError("error: value is a list while a set was expected", "mapAttrs", fn2((n, v) -> v), ints(1));
  }

  private static SourceFile file(String text) {
    return SourceFile.ofFile(Path.of("/dir/f.nix"), text);
  }

  @Test
  void unsafeGetAttrPosGivesLineAndByteColumn() {
    String text = "let s = {\n\ta = 1;\n  \"\u00c3\u00bc\" = 2; b = 3;\n}; in s";
    SourceFile f = file(text);
    int a = text.indexOf("a =");
    int b = text.indexOf("b =");
    NixAttrs s = NixAttrs.ofSorted(new String[] {"a", "b"}, new Value[] {i(1), i(3)},
        new SourcePos[] {new SourcePos(f, a, a + 1), new SourcePos(f, b, b + 1)});
    nix.check("{ column = 2; file = \"/dir/f.nix\"; line = 2; }", "unsafeGetAttrPos", s("a"), s);
    nix.check("{ column = 13; file = \"/dir/f.nix\"; line = 3; }", "unsafeGetAttrPos", s("b"), s);
    nix.check("null", "unsafeGetAttrPos", s("missing"), s);
    nix.check("null", "unsafeGetAttrPos", s("a"), set("a", i(1)));
    SourceFile expr = SourceFile.ofString("{ a = 1; }");
    NixAttrs e = NixAttrs.ofSorted(new String[] {"a"}, new Value[] {i(1)},
        new SourcePos[] {new SourcePos(expr, 2, 3)});
    nix.check("{ column = 3; file = \"{ a = 1; }\"; line = 1; }", "unsafeGetAttrPos", s("a"), e);
    nix.checkError("error: value is a list while a set was expected", "unsafeGetAttrPos", s("a"), list());
  }

  @Test
  void functionArgs() {
    SourceFile f = file("{ b ? 1, a, ... }: a");
    Formals formals = new Formals(List.of("b", "a"), List.of(true, false),
        List.of(new SourcePos(f, 2, 3), new SourcePos(f, 9, 10)), true, null);
    Proto p = new Proto(Proto.Kind.LAMBDA, new int[0], new Object[0], new int[0], new SourcePos[0],
        new int[0], 1, null, formals, f, new SourcePos(f, 0, 20));
    Closure c = new Closure(p, new Value[0]);
    nix.check("{ a = false; b = true; }", "functionArgs", c);
    Value args = nix.call("functionArgs", c);
    nix.check("{ column = 10; file = \"/dir/f.nix\"; line = 1; }", "unsafeGetAttrPos", s("a"), args);
    Proto plain = new Proto(Proto.Kind.LAMBDA, new int[0], new Object[0], new int[0], new SourcePos[0],
        new int[0], 1, null, null, f, null);
    nix.check("{ }", "functionArgs", new Closure(plain, new Value[0]));
    nix.check("{ }", "functionArgs", nix.b("head"));
    nix.check("{ }", "functionArgs", nix.call("map", fn(x -> x)));
    nix.checkError("error: 'functionArgs' requires a function", "functionArgs", i(1));
    nix.checkError("error: 'functionArgs' requires a function", "functionArgs", set("__functor", fn(x -> x)));
  }

  private static Value keyed(Value key, Object... more) {
    Object[] kv = new Object[more.length + 2];
    kv[0] = "key";
    kv[1] = key;
    System.arraycopy(more, 0, kv, 2, more.length);
    return set(kv);
  }

  @Test
  void genericClosure() {
    Value op = fn(item -> {
      long k = intOf(((NixAttrs) item).get("key"));
      return k < 5 ? list(keyed(i(k + 1)), keyed(i(k * 2))) : list();
    });
    nix.check("[ { key = 1; } { key = 2; } { key = 3; } { key = 4; } { key = 6; } { key = 5; } { key = 8; } ]",
        "genericClosure", set("startSet", list(keyed(i(1))), "operator", op));
    nix.check("[ ]", "genericClosure", set("startSet", list(), "operator", i(1)));
    nix.check("[ { key = 1; } { key = 2.5; } ]", "genericClosure",
        set("startSet", list(keyed(i(1)), keyed(Nix.f(1.0)), keyed(Nix.f(2.5))), "operator", fn(x -> list())));
    nix.check("[ { key = \"a\"; tag = 1; } { key = \"b\"; tag = 3; } ]", "genericClosure",
        set("startSet", list(keyed(s("a"), "tag", i(1)), keyed(s("a"), "tag", i(2)), keyed(s("b"), "tag", i(3))),
            "operator", fn(x -> list(keyed(s("b"), "tag", i(4))))));
    nix.checkError("error: cannot compare a string with an integer", "genericClosure",
        set("startSet", list(keyed(i(1)), keyed(s("1"))), "operator", fn(x -> list())));
    nix.checkError("error: attribute 'key' required", "genericClosure",
        set("startSet", list(set("foo", i(1))), "operator", fn(x -> list())));
    nix.checkError("error: attribute 'operator' missing for call to 'genericClosure'", "genericClosure",
        set("startSet", list(keyed(i(1)))));
    nix.checkError("error: attribute 'startSet' missing for call to 'genericClosure'", "genericClosure",
        set("operator", fn(x -> list())));
    nix.checkError("error: value is a set while a list was expected", "genericClosure",
        set("startSet", list(keyed(i(1))), "operator", fn(x -> keyed(i(2)))));
  }

  @Test
  void genericClosureWithManyKeys() {
    // Keys 0..9999 reached in a scrambled order; every key once.
    Value op = fn(item -> {
      long k = intOf(((NixAttrs) item).get("key"));
      return list(keyed(i((k * 7 + 3) % 10000)), keyed(i((k * 13 + 1) % 10000)));
    });
    NixList out = (NixList) nix.call("genericClosure", set("startSet", list(keyed(i(0))), "operator", op));
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Value v : out.items()) {
      seen.add(intOf(((NixAttrs) v).get("key")));
    }
    assertEquals(out.size(), seen.size());
  }
}
