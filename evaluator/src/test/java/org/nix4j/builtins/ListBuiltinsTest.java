package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.nix4j.builtins.Nix.bool;
import static org.nix4j.builtins.Nix.f;
import static org.nix4j.builtins.Nix.fn;
import static org.nix4j.builtins.Nix.fn2;
import static org.nix4j.builtins.Nix.i;
import static org.nix4j.builtins.Nix.intOf;
import static org.nix4j.builtins.Nix.ints;
import static org.nix4j.builtins.Nix.lazy;
import static org.nix4j.builtins.Nix.list;
import static org.nix4j.builtins.Nix.nul;
import static org.nix4j.builtins.Nix.s;
import static org.nix4j.builtins.Nix.set;
import static org.nix4j.builtins.Nix.thrown;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;

/** List builtins; expected values and messages are those of the fixtures (real Nix 2.8). */
class ListBuiltinsTest {
  private final Nix nix = new Nix();

  @Test
  void lengthHeadTailElemAt() {
    nix.check("3", "length", list(i(1), thrown("a"), thrown("b")));
    nix.checkError("error: value is a set while a list was expected", "length", set("a", i(1)));
    nix.check("[ 1 ]", "head", list(ints(1), thrown("no")));
    nix.checkError("error: list index 0 is out of bounds", "head", list());
    nix.checkError("error: value is a string while a list was expected", "head", s("abc"));
    nix.check("1", "length", nix.call("tail", list(thrown("first"), i(2))));
    nix.checkError("error: 'tail' called on an empty list", "tail", list());
    nix.check("5", "elemAt", list(thrown("x"), i(5)), i(1));
    nix.checkError("error: list index -1 is out of bounds", "elemAt", ints(1, 2, 3), i(-1));
    nix.checkError("error: list index 3 is out of bounds", "elemAt", ints(1, 2, 3), i(3));
    nix.checkError("error: value is a float while an integer was expected", "elemAt", ints(1, 2, 3), f(1.0));
    // The index is forced before the list; Nix truncates it to a C int.
    nix.checkError("error: value is a float while an integer was expected", "elemAt", thrown("list"), f(1.0));
    nix.check("2", "elemAt", ints(1, 2, 3), i(4294967297L));
  }

  @Test
  void elem() {
    nix.check("true", "elem", i(2), ints(1, 2, 3));
    nix.check("false", "elem", i(4), ints(1, 2, 3));
    nix.check("true", "elem", i(1), list(f(1.0)));
    nix.check("true", "elem", i(1), list(i(1), thrown("never")));
    nix.checkError("error: forced", "elem", i(2), list(thrown("forced"), i(2)));
    nix.check("false", "elem", thrown("never"), list());
    Value g = fn(x -> x);
    nix.check("true", "elem", g, list(g));
    nix.check("false", "elem", fn(x -> x), list(fn(x -> x)));
  }

  @Test
  void concat() {
    nix.check("[ 1 2 3 ]", "concatLists", list(ints(1, 2), list(), lazy(ints(3))));
    nix.check("3", "length", nix.call("concatLists", list(list(thrown("a")), list(thrown("b"), thrown("c")))));
    nix.checkError("error: value is an integer while a list was expected", "concatLists", list(ints(1), i(2)));
    nix.check("[ 1 1 2 2 ]", "concatMap", fn(x -> list(x, x)), ints(1, 2));
    nix.checkError("error: value is an integer while a function was expected", "concatMap", i(1), list());
    nix.checkError("error: value is an integer while a list was expected", "concatMap", fn(x -> x), ints(1, 2));
  }

  @Test
  void mapIsLazy() {
    nix.check("[ 2 4 6 ]", "map", fn(x -> i(intOf(x) * 2)), ints(1, 2, 3));
    nix.check("2", "length", nix.call("map", fn(x -> { throw new AssertionError("called"); }), ints(1, 2)));
    nix.check("[ ]", "map", i(1), list());
    nix.checkError("error: attempt to call something which is not a function but an integer", "map", i(1), ints(1));
    nix.checkError("error: value is a set while a list was expected", "map", fn(x -> x), set("a", i(1)));
  }

  @Test
  void filter() {
    nix.check("[ 5 3 ]", "filter", fn(x -> bool(intOf(x) > 2)), ints(1, 5, 2, 3));
    nix.check("2", "length", nix.call("filter", Nix.lazyFn(x -> NixBool.TRUE), list(thrown("a"), thrown("b"))));
    nix.checkError("error: value is an integer while a Boolean was expected", "filter", fn(x -> i(1)), ints(1));
    nix.checkError("error: value is an integer while a function was expected", "filter", i(1), list());
    nix.checkError("error: value is an integer while a function was expected", "filter", i(1), thrown("list"));
    NixList l = ints(1, 2, 3);
    assertSame(l, nix.call("filter", fn(x -> NixBool.TRUE), l));
  }

  @Test
  void foldl() {
    nix.check("6", "foldl'", nix.b("add"), i(0), ints(1, 2, 3));
    nix.check("4", "foldl'", fn2((a, b) -> i(intOf(a) - intOf(b))), i(10), ints(1, 2, 3));
    nix.check("7", "foldl'", fn2((a, b) -> b), i(7), list());
    nix.checkError("error: init", "foldl'", fn2((a, b) -> a), thrown("init"), ints());
    nix.check("1", "foldl'", Nix.lazyFn2((a, b) -> b), thrown("init"), ints(1));
    nix.checkError("error: value is an integer while a function was expected", "foldl'", i(1), i(0), list());
    nix.checkError("error: value is a set while a list was expected", "foldl'", fn2((a, b) -> a), i(0), set());
    Value big = nix.call("genList", fn(x -> x), i(100000));
    nix.check("4999950000", "foldl'", nix.b("add"), i(0), big);
  }

  @Test
  void genList() {
    nix.check("[ 0 1 4 9 16 ]", "genList", fn(x -> i(intOf(x) * intOf(x))), i(5));
    nix.check("[ ]", "genList", i(1), i(0));
    nix.check("3", "length", nix.call("genList", fn(x -> { throw new AssertionError(); }), i(3)));
    nix.checkError("error: cannot create list of size -1", "genList", fn(x -> x), i(-1));
    nix.checkError("error: value is a string while an integer was expected", "genList", fn(x -> x), s("3"));
  }

  @Test
  void partitionGroupByAllAny() {
    nix.check("{ right = [ 3 4 ]; wrong = [ 1 2 ]; }", "partition", fn(x -> bool(intOf(x) > 2)), ints(1, 3, 2, 4));
    nix.checkError("error: value is null while a Boolean was expected", "partition", fn(x -> nul()), ints(1));
    nix.checkError("error: e", "partition", Nix.lazyFn(x -> NixBool.TRUE), list(thrown("e")));
    nix.check("{ big = [ 3 4 ]; small = [ 1 2 ]; }", "groupBy",
        fn(x -> s(intOf(x) > 2 ? "big" : "small")), ints(1, 3, 2, 4));
    nix.checkError("error: value is an integer while a string was expected", "groupBy", fn(x -> x), ints(1));
    nix.check("false", "all", fn(x -> bool(intOf(x) < 3)), list(i(1), i(2), i(3), thrown("unforced")));
    nix.check("true", "any", fn(x -> bool(intOf(x) == 2)), list(i(1), i(2), thrown("unforced")));
    nix.checkError("error: value is an integer while a function was expected", "all", i(1), list());
  }

  @Test
  void allAnyCheckTheFunctionFirst() {
    nix.checkError("error: value is an integer while a function was expected", "all", i(1), list());
    nix.checkError("error: value is a Boolean while a function was expected", "any", bool(true), ints(1));
    nix.checkError("error: forced first", "any", fn(x -> bool(intOf(x) == 2)), list(thrown("forced first"), i(2)));
  }

  @Test
  void listToAttrs() {
    nix.check("{ a = 1; b = 3; }", "listToAttrs", list(set("name", s("a"), "value", i(1)),
        set("name", s("a"), "value", i(2)), set("name", s("b"), "value", i(3)), set("name", s("a"))));
    nix.check("[ \"x\" ]", "attrNames", nix.call("listToAttrs", list(set("name", s("x"), "value", thrown("lazy")))));
    nix.checkError("error: attribute 'name' missing for call to 'listToAttrs'", "listToAttrs", list(set("value", i(1))));
    nix.checkError("error: attribute 'value' missing for call to 'listToAttrs'", "listToAttrs", list(set("name", s("a"))));
    nix.checkError("error: value is an integer while a string was expected", "listToAttrs", list(set("name", i(1), "value", i(1))));
    nix.checkError("error: value is an integer while a set was expected", "listToAttrs", list(set("name", s("a"), "value", i(1)), i(2)));
  }

  @Test
  void catAttrsAndZip() {
    nix.check("[ 3 1 2 ]", "catAttrs", s("v"), list(set("v", i(3)), set("v", i(1)), set("w", i(0)), set("v", i(2))));
    nix.checkError("error: value is an integer while a set was expected", "catAttrs", s("a"), list(set("a", i(1)), i(2)));
    Value concat = fn2((n, vs) -> vs);
    nix.check("{ a = [ 1 3 ]; b = [ 2 ]; c = [ 4 ]; }", "zipAttrsWith", concat,
        list(set("a", i(1), "b", i(2)), set("a", i(3)), set("c", i(4))));
    nix.check("{ x = \"x\"; }", "zipAttrsWith", fn2((n, vs) -> n), list(set("x", i(1))));
    nix.checkError("error: value is an integer while a function was expected", "zipAttrsWith", i(1), list());
    nix.checkError("error: value is an integer while a set was expected", "zipAttrsWith", concat, list(i(1)));
  }

  @Test
  void sortBasics() {
    nix.check("[ 1 2 3 ]", "sort", nix.b("lessThan"), ints(3, 1, 2));
    nix.check("[ 3 2 1 ]", "sort", fn2((a, b) -> bool(intOf(a) > intOf(b))), ints(3, 1, 2));
    nix.check("[ 1 ]", "sort", fn2((a, b) -> { throw new AssertionError(); }), ints(1));
    nix.checkError("error: cannot compare a string with an integer", "sort", nix.b("lessThan"), list(i(1), s("a")));
    nix.checkError("error: value is an integer while a Boolean was expected", "sort", fn2((a, b) -> i(1)), ints(2, 1));
    nix.checkError("error: value is an integer while a function was expected", "sort", i(1), list());
    nix.checkError("error: value is a set while a list was expected", "sort", nix.b("lessThan"), set());
    // Not strict weak orders, as in builtin-sort-not-strict.nix.
    nix.check("[ 3 2 1 ]", "sort", fn2((a, b) -> NixBool.TRUE), ints(1, 2, 3));
    nix.check("[ 3 1 2 ]", "sort", fn2((a, b) -> NixBool.FALSE), ints(3, 1, 2));
  }

  @Test
  void sortIsStable() {
    // builtin-sort-long-stable.nix
    Value[] items = new Value[30];
    for (int k = 0; k < 30; k++) {
      items[k] = set("k", i((k * 7) & 3), "v", i(k));
    }
    NixList sorted = (NixList) nix.call("sort", fn2((a, b) -> bool(key(a) < key(b))), list(items));
    StringBuilder sb = new StringBuilder();
    for (Value v : sorted.items()) {
      sb.append(intOf(((NixAttrs) v).get("v"))).append(' ');
    }
    assertEquals("0 4 8 12 16 20 24 28 3 7 11 15 19 23 27 2 6 10 14 18 22 26 1 5 9 13 17 21 25 29 ",
        sb.toString());
    // builtin-sort-not-strict-long.nix: a <= comparator.
    for (int k = 0; k < 20; k++) {
      items[k] = set("k", i(k & 1), "v", i(k));
    }
    sorted = (NixList) nix.call("sort", fn2((a, b) -> bool(key(a) <= key(b))),
        list(java.util.Arrays.copyOf(items, 20)));
    sb.setLength(0);
    for (Value v : sorted.items()) {
      sb.append(intOf(((NixAttrs) v).get("v"))).append(' ');
    }
    assertEquals("18 16 14 12 10 8 6 4 2 0 19 17 15 13 11 9 7 5 3 1 ", sb.toString());
  }

  private static long key(Value set) {
    return intOf(((NixAttrs) set).get("k"));
  }

  /** The comparator of builtin-sort-not-an-order*.nix, in Java. */
  private static Value hashComparator() {
    return fn2((a, b) -> {
      try {
        byte[] d = MessageDigest.getInstance("MD5").digest(
            (intOf(a) + "<" + intOf(b)).getBytes(StandardCharsets.US_ASCII));
        String hex = String.format("%02x", d[0] & 0xff);
        return bool(hex.substring(0, 1).compareTo("8") < 0);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
  }

  @Test
  void sortMakesTheComparisonsOfLibstdcxx() throws Exception {
    int[] sizes = {2, 3, 5, 7, 8, 9, 13, 14, 15, 16, 28, 29, 30, 31, 57, 100};
    StringBuilder sb = new StringBuilder("[ ");
    for (int n : sizes) {
      sb.append(nix.eval("sort", hashComparator(), nix.call("genList", fn(x -> x), i(n)))).append(' ');
    }
    sb.append(']');
    assertEquals(Fixtures.expected("builtin-sort-not-an-order"), sb.toString());
    assertEquals(Fixtures.expected("builtin-sort-not-an-order-large"),
        nix.eval("sort", hashComparator(), nix.call("genList", fn(x -> x), i(1000))));
  }

  @Test
  void sortOfALongListWithANixComparator() {
    int n = 100_000;
    Value[] items = new Value[n];
    for (int k = 0; k < n; k++) {
      items[k] = i((k * 7919L) % n);
    }
    NixList sorted = (NixList) nix.call("sort", fn2((a, b) -> bool(intOf(a) < intOf(b))), list(items));
    for (int k = 0; k < n; k++) {
      assertEquals(k, ((NixInt) sorted.get(k)).value);
    }
  }

  @Test
  void sortPropagatesComparatorErrors() {
    nix.checkError("error: comparator failed", "sort",
        fn2((a, b) -> { throw new org.nix4j.vm.NixError(org.nix4j.vm.NixError.Kind.THROW, "comparator failed"); }),
        ints(2, 1));
  }

  static final class Fixtures {
    static String expected(String name) throws java.io.IOException {
      Path dir = Path.of(System.getProperty("nix4j.fixtures", "../fixtures"), "eval", "ok");
      return Files.readString(dir.resolve(name + ".exp"), StandardCharsets.UTF_8).strip();
    }
  }

  static NixString str(Value v) {
    return (NixString) v;
  }
}
