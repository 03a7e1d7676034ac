package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nix4j.builtins.Nix.bool;
import static org.nix4j.builtins.Nix.fn;
import static org.nix4j.builtins.Nix.i;
import static org.nix4j.builtins.Nix.ints;
import static org.nix4j.builtins.Nix.list;
import static org.nix4j.builtins.Nix.nul;
import static org.nix4j.builtins.Nix.s;
import static org.nix4j.builtins.Nix.set;
import static org.nix4j.builtins.Nix.thrown;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nix4j.value.NixPath;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.EvalHost;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

class ControlBuiltinsTest {
  private final Nix nix = new Nix();

  private static Value failing(NixError.Kind kind, String msg) {
    return new Thunk(vm -> {
      throw new NixError(kind, msg);
    });
  }

  @Test
  void throwAndAbort() {
    NixError e = assertThrows(NixError.class, () -> nix.call("throw", s("custom failure")));
    assertEquals("custom failure", e.getMessage());
    assertEquals(NixError.Kind.THROW, e.kind());
    nix.checkError("error: cannot coerce an integer to a string", "throw", i(1));
    e = assertThrows(NixError.class, () -> nix.call("abort", s("stop here")));
    assertEquals("evaluation aborted with the following error message: 'stop here'", e.getMessage());
    assertEquals(NixError.Kind.ABORT, e.kind());
    nix.checkError("error: cannot coerce a list to a string", "abort", list(s("a"), s("b")));
  }

  @Test
  void seqAndDeepSeq() {
    nix.check("2", "seq", i(1), i(2));
    nix.check("\"list not deep-forced\"", "seq", list(thrown("inner")), s("list not deep-forced"));
    nix.checkError("error: first forced", "seq", thrown("first forced"), i(2));
    nix.check("\"ok\"", "deepSeq", list(i(1), ints(2), set("a", set("b", i(3)))), s("ok"));
    nix.checkError("error: in list", "deepSeq", list(i(1), thrown("in list")), i(2));
    nix.checkError("error: deep in set", "deepSeq", set("a", set("b", thrown("deep in set"))), i(2));
    nix.check("1", "length", nix.call("deepSeq", i(1), list(thrown("lazy"))));
  }

  @Test
  void tryEvalCatchesThrowAndAssertOnly() {
    nix.check("{ success = true; value = 1; }", "tryEval", i(1));
    nix.check("{ success = false; value = false; }", "tryEval", thrown("x"));
    nix.check("{ success = false; value = false; }", "tryEval", failing(NixError.Kind.ASSERT, "assertion failed"));
    nix.check("{ success = true; value = null; }", "tryEval", nul());
    nix.check("{ success = true; value = { success = false; value = false; }; }", "tryEval",
        new Thunk(vm -> vm.call(nix.b("tryEval"), thrown("x"))));
    nix.checkError("error: evaluation aborted with the following error message: 'not catchable'", "tryEval",
        new Thunk(vm -> vm.call(nix.b("abort"), s("not catchable"))));
    nix.checkError("error: attribute 'a' missing", "tryEval", failing(NixError.Kind.EVAL, "attribute 'a' missing"));
    // Shallow: an error inside the value comes later, outside tryEval.
    nix.checkError("error: deep", "tryEval", list(thrown("deep")));
    // A throw inside deepSeq inside tryEval is caught.
    nix.check("{ success = false; value = false; }", "tryEval",
        new Thunk(vm -> vm.call(nix.b("deepSeq"), list(thrown("deep")), i(1))));
  }

  @Test
  void traceGoesToTheHostsSink() {
    List<String> seen = new ArrayList<>();
    class Host implements EvalHost, TraceSink {
      @Override
      public String copyPathToStore(String path) {
        return path;
      }

      @Override
      public void trace(Value value, String text) {
        seen.add(text);
      }
    }
    Vm vm = new Vm(new Host(), null);
    Builtins b = new Builtins();
    assertEquals(42L, Nix.intOf(vm.apply(b.set().get("trace"), s("tracing"),
        new Thunk(v -> v.call(b.set().get("trace"), set("a", i(1)), i(42))))));
    vm.apply(b.set().get("trace"), list(i(1), thrown("x"), s("s")), s("a"));
    vm.apply(b.set().get("trace"), fn(x -> x), s("c"));
    vm.apply(b.set().get("trace"), nul(), s("b"));
    vm.apply(b.set().get("trace"), NixPath.of("/p"), s("b"));
    assertEquals(List.of("tracing", "{ a = 1; }", "[ 1 <CODE> \"s\" ]", "<PRIMOP>", "null", "/p"), seen);
    // The message is forced first; the value stays lazy.
    NixError e = assertThrows(NixError.class, () -> vm.apply(b.set().get("trace"), thrown("in trace message"), i(1)));
    assertEquals("in trace message", e.getMessage());
    assertEquals(1L, Nix.intOf(vm.apply(b.set().get("length"),
        list(new Thunk(v -> v.call(b.set().get("trace"), s("msg"), thrown("unforced")))))));
  }

  @Test
  void addErrorContext() {
    nix.check("1", "addErrorContext", s("ctx"), i(1));
    NixError e = assertThrows(NixError.class, () -> nix.call("addErrorContext", s("while doing something"), thrown("inner failure")));
    assertEquals("inner failure", e.getMessage());
    assertTrue(e.trace().stream().anyMatch(t -> t.message().equals("while doing something")));
    nix.checkError("error: cannot coerce an integer to a string", "addErrorContext", i(1), thrown("x"));
    nix.checkError("error: list index 0 is out of bounds", "addErrorContext", s("outer"),
        new Thunk(vm -> vm.call(nix.b("addErrorContext"), s("inner"), new Thunk(v -> v.call(nix.b("head"), list())))));
    nix.check("{ success = false; value = false; }", "tryEval",
        new Thunk(vm -> vm.call(nix.b("addErrorContext"), s("ctx"), thrown("x"))));
  }

  @Test
  void tryEvalOfAThrowInsideAnErrorContextIsStillCaught() {
    nix.check("{ success = false; value = false; }", "tryEval",
        new Thunk(vm -> vm.call(nix.b("addErrorContext"), s("ctx"), thrown("x"))));
    nix.check("true", "seq", bool(true), bool(true));
  }
}
