package org.nix4j.vm;

import java.io.PrintStream;
import org.nix4j.bytecode.Op;
import org.nix4j.bytecode.Proto;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/** An observer that prints what the VM does ({@code nix4j eval --trace-runtime}). */
public final class TracingObserver implements VmObserver {
  private final PrintStream out;
  private final boolean instructions;

  public TracingObserver(PrintStream out, boolean instructions) {
    this.out = out;
    this.instructions = instructions;
  }

  private String indent(int depth) {
    return "  ".repeat(Math.min(depth, 40));
  }

  @Override
  public void enterFrame(Proto proto, int depth) {
    out.println(indent(depth) + "enter " + proto);
  }

  @Override
  public void exitFrame(Proto proto, int depth, Value result) {
    out.println(indent(depth) + "exit " + proto.kind + (result == null ? " (failed)" : " = " + show(result)));
  }

  @Override
  public void enterGenerator(Generator g, int depth) {
    out.println(indent(depth) + "generator " + g.getClass().getSimpleName());
  }

  @Override
  public void exitGenerator(Generator g, int depth, Value result) {
    out.println(indent(depth) + "generator " + g.getClass().getSimpleName()
        + (result == null ? " (failed)" : " = " + show(result)));
  }

  @Override
  public void instruction(Proto proto, int ip, int depth) {
    if (instructions) {
      int op = proto.code[ip];
      out.println(indent(depth) + "  " + ip + " " + (op < Op.COUNT ? Op.NAMES[op] : op));
    }
  }

  private static String show(Value v) {
    String s = NixString.unicodeOf(Printer.print(v));
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
