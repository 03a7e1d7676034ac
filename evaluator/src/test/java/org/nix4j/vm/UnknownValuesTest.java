package org.nix4j.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixString;
import org.nix4j.value.NixUnknown;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/** Operations on unknown values give unknowns, never errors; known parts stay known. */
class UnknownValuesTest {
  private static String evalWithUnknownArgs(String text) {
    Evaluator ev = new Evaluator(new EvalOptions());
    Value f = ev.evalString(NixString.bytesOf(text), "/");
    NixAttrs args = NixAttrs.ofSorted(new String[] {"lib", "pkgs"},
        new Value[] {NixUnknown.UNKNOWN, NixUnknown.UNKNOWN}, null);
    Value v = ev.vm().apply(f, args);
    return Printer.print(ev.vm().runGenerator(new DeepForce(v)));
  }

  @Test
  void operationsOnUnknownsGiveUnknowns() {
    assertEquals("{ a = <UNKNOWN>; b = <UNKNOWN>; c = <UNKNOWN>; d = 3; e = <UNKNOWN>; "
            + "f = <UNKNOWN>; g = <UNKNOWN>; h = <UNKNOWN>; i = <UNKNOWN>; j = true; k = <UNKNOWN>; }",
        evalWithUnknownArgs("{ lib, pkgs, ... }: { a = lib.foo 1; b = if pkgs.x then 1 else 2; "
            + "c = \"${pkgs.y}\"; d = 1 + 2; e = builtins.add pkgs.list 1; f = lib.a.b.c or 5; "
            + "g = pkgs.n + 1; h = pkgs ? x; i = pkgs == 1; j = with pkgs; true; k = with pkgs; zz; }"));
  }

  @Test
  void assertionsAndLogicOnUnknownsDoNotFail() {
    assertEquals("[ 1 <UNKNOWN> <UNKNOWN> <UNKNOWN> ]",
        evalWithUnknownArgs("{ lib, pkgs }: [ (assert pkgs.ok; 1) (pkgs.a && true) (!lib.b) "
            + "(builtins.isInt pkgs.z) ]"));
  }

  @Test
  void formalsOfAFunctionCalledWithAnUnknownAreUnknown() {
    assertEquals("<UNKNOWN>",
        evalWithUnknownArgs("{ lib, pkgs }: ({ a, b ? 2 }: a + b) pkgs"));
  }
}
