package org.nix4j.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nix4j.bytecode.Disassembler;
import org.nix4j.bytecode.Proto;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.Printer;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * The thunks of one set, let, rec or list share one array of captured values
 * ({@link CaptureGroup}): checked on the thunks the VM makes, before and after they are forced.
 */
class CaptureGroupTest {
  private final Evaluator ev = new Evaluator(new EvalOptions());

  /** The set an expression evaluates to, its attributes not forced. */
  private NixAttrs set(String text) {
    return assertInstanceOf(NixAttrs.class, ev.evalString(text, "/"));
  }

  private static Thunk pending(NixAttrs s, String name) {
    Thunk t = assertInstanceOf(Thunk.class, s.get(name));
    assertFalse(t.isEvaluated(), name);
    return t;
  }

  private static Proto proto(Thunk t) {
    return assertInstanceOf(Proto.class, t.code());
  }

  /** Prints a set after forcing its attributes and the elements of lists among them. */
  private String strict(NixAttrs s) {
    for (int i = 0; i < s.size(); i++) {
      if (ev.vm().forceValue(s.valueAt(i)) instanceof NixList l) {
        for (int j = 0; j < l.size(); j++) {
          ev.vm().forceValue(l.get(j));
        }
      }
    }
    return Printer.print(s);
  }

  @Test
  void siblingsThatCaptureSeveralValuesShareOneArray() {
    NixAttrs s = set("let x = 1; y = 2; z = 3; in "
        + "{ a = x + y; b = x * y; c = z + 1; d = 5 + 5; e = x + 1; f = y; }");
    Thunk a = pending(s, "a");
    Thunk b = pending(s, "b");
    Thunk e = pending(s, "e");
    assertSame(a.upvalues(), b.upvalues());
    // One value, already among the shared ones: it shares too.
    assertSame(a.upvalues(), e.upvalues());
    assertEquals(2, a.upvalues().length);
    // One value that no other binding captures: held inline, alone.
    Thunk c = pending(s, "c");
    assertEquals(1, proto(c).captures.length);
    assertEquals(-1, proto(c).shareSlot);
    assertNotSame(a.upvalues(), c.upvalues());
    // Nothing captured: nothing shared.
    assertEquals(0, proto(pending(s, "d")).captures.length);
    assertEquals("{ a = 3; b = 2; c = 4; d = 10; e = 2; f = 2; }", strict(s));
  }

  @Test
  void recBindingsShareAnArrayFilledOnceEveryBindingExists() {
    NixAttrs s = set("let x = 10; in rec { a = b + x; b = x * 2; c = a + b; d = [ a c ]; }");
    Thunk a = pending(s, "a");
    Value[] shared = a.upvalues();
    for (String n : List.of("b", "c", "d")) {
      assertSame(shared, pending(s, n).upvalues(), n);
    }
    // The later binding b is in the array: filled after the last binding was made.
    assertTrue(Arrays.stream(shared).anyMatch(v -> v == s.get("b")), Arrays.toString(shared));
    assertTrue(Arrays.stream(shared).noneMatch(v -> v == null), Arrays.toString(shared));
    assertEquals("{ a = 30; b = 20; c = 50; d = [ 30 50 ]; }", strict(s));
  }

  @Test
  void aGroupThatCapturesOneValueKeepsItInline() {
    NixAttrs s = set("let x = 1; in { a = x + 1; b = x + 2; }");
    for (String n : List.of("a", "b")) {
      Proto p = proto(pending(s, n));
      assertEquals(1, p.captures.length, n);
      assertEquals(-1, p.shareSlot, n);
    }
    assertEquals("{ a = 2; b = 3; }", strict(s));
  }

  @Test
  void listElementsShareOneArrayAlsoInCodeRunWithoutAFrame() {
    for (String text : List.of("let x = 1; y = 2; in [ (x + y) (x * y) x ]",
        // A lambda of straight-line code: the VM calls it without a frame (evalSimple).
        "let x = 1; h = y: [ (x + y) (x * y) x ]; in h 2")) {
      NixList l = assertInstanceOf(NixList.class, ev.evalString(text, "/"));
      Thunk a = assertInstanceOf(Thunk.class, l.get(0));
      Thunk b = assertInstanceOf(Thunk.class, l.get(1));
      assertFalse(a.isEvaluated() || b.isEvaluated(), text);
      assertSame(a.upvalues(), b.upvalues(), text);
      assertEquals("[ 3 2 1 ]", Printer.print(NixList.wrap(new Value[] {
          ev.vm().forceValue(a), ev.vm().forceValue(b), ev.vm().forceValue(l.get(2))})), text);
    }
  }

  @Test
  void siblingsKeepOneArrayOfSourcesAlsoWhenTheirParentIsRenumbered() {
    // q shares with p, so its code is renumbered; the rec inside it keeps one array of sources
    // for its bindings (a copy each would make compiling a big one quadratic).
    CompileResult r = Compiler.compile(SourceFile.ofString(
        "let x = 1; y = 2; in { p = y + x; q = rec { a = x + y; b = a + x; c = b + y; }; }"),
        new CompileOptions(Map.of(), List.of(), "/", "/"));
    Proto q = null;
    for (Object k : r.proto().constants) {
      if (k instanceof Proto p && p.pos.start() == r.file().text().indexOf("rec")) {
        q = p;
      }
    }
    assertTrue(q != null && q.shareSlot >= 0, String.valueOf(q));
    List<int[]> sources = Arrays.stream(q.constants).filter(k -> k instanceof Proto)
        .map(k -> ((Proto) k).captures).toList();
    assertEquals(3, sources.size());
    assertTrue(sources.stream().allMatch(a -> a == sources.get(0)), "one array for all");
  }

  @Test
  void theBytecodeMakesTheArrayOnceAndFillsItAfterTheLastBinding() {
    CompileResult r = Compiler.compile(SourceFile.ofString(
        "let x = 1; y = 2; in rec { a = b + x; b = y + x; c = x; }"),
        new CompileOptions(Map.of(), List.of(), "/", "/"));
    String dump = Disassembler.dump(r.proto());
    String top = dump.substring(0, dump.indexOf("\nproto #1"));
    int group = top.indexOf("THUNK_GROUP");
    int shared = top.indexOf("THUNK_SHARED");
    int fill = top.indexOf("FILL_CAPTURES");
    assertTrue(group >= 0 && group < shared && shared < fill, top);
    assertFalse(top.contains("FINALISE"), top);
    assertTrue(dump.contains("shares the captures of local 2"), dump);
  }
}
