package org.nix4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/**
 * Frames leave nothing behind on the VM stack: when a call, a thunk or a builtin's frame returns,
 * or an error unwinds it, the slots it used are emptied. A stale slot above the top would keep
 * whatever it pointed to alive (a whole package set, once) for as long as the VM lives.
 */
class StackRetentionTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "let f = x: let y = [ x x ]; in builtins.length y; in f 1 + f 2",
    "let s = builtins.listToAttrs (builtins.genList (i: { name = \"a${toString i}\"; value = i; }) 50);"
        + " in builtins.foldl' (a: n: a + s.${n}) 0 (builtins.attrNames s)",
    "builtins.deepSeq (map (x: { y = [ x ]; }) [ 1 2 3 ]) (builtins.filter (x: x > 1) [ 1 2 3 ])",
    "(builtins.tryEval (let f = n: if n == 0 then throw \"no\" else 1 + f (n - 1); in f 20)).success",
    "builtins.sort (a: b: a < b) (builtins.genList (i: 100 - i) 100)",
    "(builtins.tryEval (builtins.deepSeq [ 1 { a = assert false; 2; } ] 3)).success",
  })
  void noSlotAboveTheTopAfterAnEvaluation(String text) {
    Evaluator ev = new Evaluator(new EvalOptions());
    Value v = ev.evalString(NixString.bytesOf(text), "/");
    v = ev.vm().runGenerator(new DeepForce(v));
    Printer.print(v);
    Vm vm = ev.vm();
    for (int i = vm.sp; i < vm.stack.length; i++) {
      assertNull(vm.stack[i], "slot " + i + " above the top (" + vm.sp + ") still holds a value");
    }
    assertEquals(0, vm.sp);
  }
}
