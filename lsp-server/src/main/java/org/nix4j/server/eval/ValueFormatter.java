package org.nix4j.server.eval;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.bytecode.Formals;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.NixUnknown;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Printer;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Values as Nix text for people: sets and lists laid out on one line when they fit, else one
 * element per line; cut with {@code …} past a depth, a number of elements or a length of
 * string. Forces what it shows, each value on its own (an error shows as {@code «error: …»}
 * in its place); when the budget runs out, what is left unevaluated shows as {@code …}.
 * Recursion is bounded by the depth limit, never by the value. Output is a byte string.
 */
public final class ValueFormatter {
  /** How much to show. */
  public record Limits(int depth, int items, int stringBytes, int width) {
    public static final Limits HOVER = new Limits(3, 25, 400, 80);
    public static final Limits INLAY = new Limits(1, 6, 40, 40);
    public static final Limits EVALUATE = new Limits(8, 200, 4000, 100);
  }

  /** «, » and … as byte strings (the output is one). */
  static final String LQ = org.nix4j.syntax.Bytes.fromUnicode("\u00ab");
  static final String RQ = org.nix4j.syntax.Bytes.fromUnicode("\u00bb");
  static final String DOTS = org.nix4j.syntax.Bytes.fromUnicode("\u2026");

  private final Vm vm;
  private final Limits limits;
  private boolean stopped;

  public ValueFormatter(Vm vm, Limits limits) {
    this.vm = vm;
    this.limits = limits;
  }

  /** The text of {@code v}, forcing it (and what is shown of it) first. */
  public String format(Value v) {
    Node n = build(v, 0);
    StringBuilder sb = new StringBuilder();
    n.render(sb, 0, limits.width);
    return sb.toString();
  }

  /** Forces {@code v}; null when the budget ran out (or ran out before). */
  private Value force(Value v) {
    if (!(v instanceof Thunk t)) {
      return v;
    }
    if (t.valueOrNull() != null) {
      return t.valueOrNull();
    }
    if (stopped) {
      return null;
    }
    try {
      return vm.forceValue(v);
    } catch (NixError e) {
      if (e.kind() == NixError.Kind.INTERRUPTED) {
        stopped = true;
        return null;
      }
      throw e;
    }
  }

  private Node build(Value v0, int depth) {
    Value v;
    try {
      v = force(v0);
    } catch (NixError e) {
      return new Leaf(LQ + "error: " + firstLine(e.getMessage()) + RQ);
    }
    if (v == null) {
      return new Leaf(DOTS);
    }
    if (v instanceof NixAttrs a) {
      if (a.isDerivationShallow()) {
        return new Leaf(derivation(a));
      }
      if (a.isEmpty()) {
        return new Leaf("{ }");
      }
      if (depth >= limits.depth) {
        return new Leaf("{ " + DOTS + " }");
      }
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        if (i == limits.items) {
          items.add(new Leaf(DOTS + " (" + (a.size() - i) + " more)"));
          break;
        }
        items.add(new Binding(Printer.attrName(a.nameAt(i)), build(a.valueAt(i), depth + 1)));
      }
      return new Group("{", items, "}");
    }
    if (v instanceof NixList l) {
      if (l.size() == 0) {
        return new Leaf("[ ]");
      }
      if (depth >= limits.depth) {
        return new Leaf("[ " + DOTS + " ]");
      }
      List<Node> items = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        if (i == limits.items) {
          items.add(new Leaf(DOTS + " (" + (l.size() - i) + " more)"));
          break;
        }
        items.add(build(l.get(i), depth + 1));
      }
      return new Group("[", items, "]");
    }
    return new Leaf(scalar(v, limits.stringBytes));
  }

  private String derivation(NixAttrs a) {
    Value name = a.get("name");
    try {
      name = name == null ? null : force(name);
    } catch (NixError e) {
      name = null;
    }
    return name instanceof NixString s ? LQ + "derivation " + s.bytes + RQ : LQ + "derivation" + RQ;
  }

  /** A value that is not a set or a list, as Nix text. */
  public static String scalar(Value v, int maxStringBytes) {
    if (v instanceof NixString s) {
      String b = s.bytes;
      if (b.length() > maxStringBytes) {
        String q = Printer.quoteString(b.substring(0, maxStringBytes));
        return q.substring(0, q.length() - 1) + DOTS + "\"";
      }
      return Printer.quoteString(b);
    }
    if (v instanceof Closure c) {
      return lambda(c);
    }
    if (v instanceof Builtin b) {
      return LQ + "primop " + b.name + RQ;
    }
    if (v instanceof PrimOpApp p) {
      return LQ + "partially applied primop " + p.builtin.name + RQ;
    }
    if (v instanceof NixAttrs || v instanceof NixList) {
      return v instanceof NixAttrs ? "{ " + DOTS + " }" : "[ " + DOTS + " ]";
    }
    if (v instanceof NixUnknown u) {
      return LQ + "unknown: " + u.origin + RQ;
    }
    return Printer.print(v);
  }

  /** A lambda: its formals (or {@code x: …}) and where it is defined. */
  public static String lambda(Closure c) {
    Formals f = c.proto.formals;
    String head;
    if (f == null) {
      head = LQ + "lambda";
    } else {
      StringBuilder sb = new StringBuilder(LQ + "lambda { ");
      for (int i = 0; i < f.names().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(f.names().get(i));
        if (f.hasDefault().get(i)) {
          sb.append(" ? " + DOTS);
        }
      }
      if (f.ellipsis()) {
        sb.append(f.names().isEmpty() ? "..." : ", ...");
      }
      head = sb.append(" }").toString();
    }
    SourcePos p = c.proto.pos;
    return p == null ? head + RQ : head + " @ " + org.nix4j.syntax.Bytes.fromUnicode(shortLocation(p)) + RQ;
  }

  /**
   * Whether {@code v} is a thunk not forced yet whose code only makes a function (a binding
   * {@code f = x: …;} compiles to one): a function, known without forcing anything.
   */
  public static boolean isFunctionThunk(Value v) {
    if (!(v instanceof Thunk t) || t.valueOrNull() != null || !(t.code() instanceof org.nix4j.bytecode.Proto p)) {
      return false;
    }
    for (Object k : p.constants) {
      if (k instanceof org.nix4j.bytecode.Proto q && q.kind == org.nix4j.bytecode.Proto.Kind.LAMBDA
          && q.pos != null && p.pos != null && q.pos.start() == p.pos.start() && q.pos.end() == p.pos.end()) {
        return true;
      }
    }
    return false;
  }

  /** {@code file.nix:line:col}: the file's name without its directory. */
  static String shortLocation(SourcePos p) {
    String loc = p.file().lineColumn(p.start());
    java.nio.file.Path path = p.file().path();
    return (path != null && path.getFileName() != null ? path.getFileName().toString() : p.file().name()) + ":" + loc;
  }

  /** The type of a forced value as a person says it: {@code set of 3 attributes}, {@code list of 2}. */
  public static String type(Value v) {
    if (v instanceof NixAttrs a) {
      if (a.isDerivationShallow()) {
        return "derivation";
      }
      return a.size() == 1 ? "set of 1 attribute" : "set of " + a.size() + " attributes";
    }
    if (v instanceof NixList l) {
      return l.size() == 1 ? "list of 1 element" : "list of " + l.size() + " elements";
    }
    if (v instanceof Closure) {
      return "function";
    }
    if (v instanceof Builtin || v instanceof PrimOpApp) {
      return "built-in function";
    }
    return v.typeOf();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  // ---- layout ----

  private interface Node {
    int flatWidth();

    void flat(StringBuilder sb);

    void render(StringBuilder sb, int indent, int width);
  }

  private record Leaf(String text) implements Node {
    public int flatWidth() {
      return text.length();
    }

    public void flat(StringBuilder sb) {
      sb.append(text);
    }

    public void render(StringBuilder sb, int indent, int width) {
      sb.append(text);
    }
  }

  private record Binding(String name, Node value) implements Node {
    public int flatWidth() {
      return name.length() + 4 + value.flatWidth();
    }

    public void flat(StringBuilder sb) {
      sb.append(name).append(" = ");
      value.flat(sb);
      sb.append(';');
    }

    public void render(StringBuilder sb, int indent, int width) {
      sb.append(name).append(" = ");
      value.render(sb, indent, width);
      sb.append(';');
    }
  }

  private record Group(String open, List<Node> items, String close) implements Node {
    public int flatWidth() {
      int w = open.length() + close.length() + 2;
      for (Node n : items) {
        w += n.flatWidth() + 1;
      }
      return w;
    }

    public void flat(StringBuilder sb) {
      sb.append(open).append(' ');
      for (Node n : items) {
        n.flat(sb);
        sb.append(' ');
      }
      sb.append(close);
    }

    public void render(StringBuilder sb, int indent, int width) {
      if (indent * 2 + flatWidth() <= width) {
        flat(sb);
        return;
      }
      sb.append(open).append('\n');
      for (Node n : items) {
        sb.append("  ".repeat(indent + 1));
        n.render(sb, indent + 1, width);
        sb.append('\n');
      }
      sb.append("  ".repeat(indent)).append(close);
    }
  }
}
