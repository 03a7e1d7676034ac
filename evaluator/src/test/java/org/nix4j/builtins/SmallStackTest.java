package org.nix4j.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.io.RealIO;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/**
 * The builtins that call back into Nix or walk nested values run on a thread with a 512 KiB
 * stack, with inputs far deeper or longer than that stack could hold as recursion: they are
 * generators and explicit stacks, not Java recursion.
 */
class SmallStackTest {
  private static String eval(String expr) throws Exception {
    String[] out = new String[1];
    Throwable[] err = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        EvalOptions o = new EvalOptions();
        o.io = new RealIO(Map.of());
        o.traceSink = s -> { };
        Evaluator ev = new Evaluator(o);
        Value v = ev.evalString(expr, "/");
        out[0] = NixString.unicodeOf(Printer.print(v));
      } catch (Throwable e) {
        err[0] = e;
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (err[0] != null) {
      throw new AssertionError(err[0]);
    }
    return out[0];
  }

  @Test
  void sortWithANixComparator() throws Exception {
    assertEquals("524273", eval("builtins.elemAt (builtins.sort (a: b: a < b) "
        + "(builtins.genList (i: builtins.bitAnd (i * 2654435761) 1048575) 100000)) 50000"));
  }

  @Test
  void deepValues() throws Exception {
    String deepList = "builtins.foldl' (acc: i: [ acc ]) 1 (builtins.genList (i: i) 100000)";
    assertEquals("200001", eval("builtins.stringLength (builtins.toJSON (" + deepList + "))"));
    assertEquals("100000", eval("let d = builtins.fromJSON (builtins.toJSON (" + deepList + ")); "
        + "in builtins.length (builtins.genericClosure { startSet = [ { key = 0; v = d; } ]; "
        + "operator = x: if builtins.isList x.v then [ { key = x.key + 1; v = builtins.head x.v; } ] else [ ]; }) - 1"));
    assertEquals("1", eval("builtins.deepSeq (" + deepList + ") 1"));
    // XML indents each level: its size grows with the square of the depth (18057074 is what
    // nix-instantiate gives).
    assertEquals("18057074", eval("builtins.stringLength (builtins.toXML ("
        + deepList.replace("100000", "3000") + "))"));
  }

  @Test
  void longFoldsAndMaps() throws Exception {
    assertEquals("4999950000", eval("builtins.foldl' builtins.add 0 (builtins.genList (i: i) 100000)"));
    assertEquals("100000", eval("builtins.length (builtins.filter (x: x >= 0) "
        + "(builtins.concatMap (x: [ x ]) (map (x: x * 2) (builtins.genList (i: i) 100000))))"));
  }
}
