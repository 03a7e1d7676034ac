package org.nix4j.builtins;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.nix4j.bytecode.Formals;
import org.nix4j.bytecode.Proto;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Printer;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * {@code builtins.toXML}: the value forced deeply and written as Nix 2.8's XML writer writes it,
 * byte for byte: two spaces of indentation per level, attributes of an element in name order,
 * {@code " < > & newline} escaped in attribute values, sets' attributes in name order,
 * derivations as {@code <derivation drvPath=… outPath=…>} with their attributes the first time a
 * derivation is met and {@code <repeated />} after, lambdas with their patterns, builtins as
 * {@code <unevaluated />}. The contexts of the strings make the result's context.
 */
final class XmlBuiltin extends Generator {
  static void register(Registry r) {
    r.def("toXML", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new XmlBuiltin(a[0], true, false));
      }
    });
  }

  /** Text to write as it is. */
  private record Text(String s) {}

  /** A value to write at an indentation depth. */
  private record Item(Value v, int depth) {}

  /** The end of a container being written (for cycle detection). */
  private record Close(Value container) {}

  /** The closing tag of an element being written (text, kept apart for {@link #partial}). */
  private record Closing(String s) {}

  /** The opening tag of an attribute not written yet (text; its {@link Closing} is below it). */
  private record AttrOpening(String s) {}

  private final ArrayDeque<Object> work = new ArrayDeque<>();
  private final StringBuilder out = new StringBuilder();
  private final Set<String> drvsSeen = new HashSet<>();
  private final IdentityHashMap<Value, Boolean> open = new IdentityHashMap<>();
  private NixContext context = NixContext.EMPTY;

  // A derivation being looked at: its set, depth, and the attributes found so far.
  private NixAttrs drv;
  private int drvDepth;
  private String drvPath;
  private String outPath;
  /** What the VM is computing: 0 a value to write, 1 a set's type, 2 drvPath, 3 outPath. */
  private int waitingFor = -1;
  private int depth;

  private final boolean strict;
  private final boolean location;

  /**
   * @param strict force what is not evaluated yet (else it is written {@code <unevaluated />})
   * @param location write where attributes and lambdas are defined, as
   *     {@code nix-instantiate --eval --xml} does
   */
  XmlBuiltin(Value v, boolean strict, boolean location) {
    this.strict = strict;
    this.location = location;
    out.append("<?xml version='1.0' encoding='utf-8'?>\n<expr>\n");
    work.push(new Closing("</expr>\n"));
    work.push(new Item(v, 1));
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (waitingFor >= 0 && step(vm, in)) {
      return null;
    }
    while (!work.isEmpty()) {
      Object item = work.pop();
      if (item instanceof Text t) {
        out.append(t.s());
        continue;
      }
      if (item instanceof Closing t) {
        out.append(t.s());
        continue;
      }
      if (item instanceof AttrOpening t) {
        out.append(t.s());
        continue;
      }
      if (item instanceof Close c) {
        open.remove(c.container());
        continue;
      }
      Item it = (Item) item;
      depth = it.depth();
      Value v = strict ? vm.force(it.v()) : it.v();
      if (v instanceof Thunk t) {
        v = t.valueOrNull();
        if (v == null) {
          empty(depth, "unevaluated", null);
          continue;
        }
      }
      if (v == null) {
        waitingFor = 0;
        return null;
      }
      if (step(vm, v)) {
        return null;
      }
    }
    return NixString.of(out.toString(), context);
  }

  /**
   * The document written so far with the elements being written closed, as Nix leaves it on
   * stdout when a value fails: its writer closes them as the error unwinds.
   */
  String partial() {
    StringBuilder b = new StringBuilder(out);
    boolean notOpened = false;
    for (Object item : work) {
      if (item instanceof AttrOpening) {
        // An attribute still to write: the next closing tag is its own.
        notOpened = true;
      } else if (item instanceof Closing c) {
        if (notOpened) {
          notOpened = false;
        } else {
          b.append(c.s());
        }
      }
    }
    return b.toString();
  }

  /** Goes on with the answer {@code in} to what was asked; true if it asked the VM again. */
  private boolean step(Vm vm, Value in) {
    while (true) {
      int w = waitingFor;
      waitingFor = -1;
      switch (w) {
        case -1, 0 -> {
          if (!(in instanceof NixAttrs a)) {
            write(in);
            return false;
          }
          Value type = a.get("type");
          if (type == null) {
            writeAttrs(a);
            return false;
          }
          drv = a;
          drvDepth = depth;
          waitingFor = 1;
          in = vm.force(type);
          if (in == null) {
            return true;
          }
        }
        case 1 -> {
          if (!(in instanceof NixString s && s.bytes.equals("derivation"))) {
            NixAttrs a = drv;
            drv = null;
            depth = drvDepth;
            writeAttrs(a);
            return false;
          }
          drvPath = null;
          outPath = null;
          Value p = drv.get("drvPath");
          waitingFor = 2;
          if (p == null) {
            in = null;
            continue;
          }
          in = strict ? vm.force(p) : shallow(p);
          if (in == null) {
            return true;
          }
        }
        case 2 -> {
          if (in instanceof NixString s) {
            drvPath = s.bytes;
          }
          Value p = drv.get("outPath");
          waitingFor = 3;
          if (p == null) {
            in = null;
            continue;
          }
          in = strict ? vm.force(p) : shallow(p);
          if (in == null) {
            return true;
          }
        }
        case 3 -> {
          if (in instanceof NixString s) {
            outPath = s.bytes;
          }
          NixAttrs a = drv;
          drv = null;
          writeDerivation(a, drvDepth);
          return false;
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  /** A value as it is, or null (not a string) for an unevaluated thunk. */
  private static Value shallow(Value v) {
    if (v instanceof Thunk t) {
      Value done = t.valueOrNull();
      return done == null ? NixNull.NULL : done;
    }
    return v;
  }

  private void indent(int d) {
    for (int i = 0; i < d; i++) {
      out.append("  ");
    }
  }

  private static void attrs(StringBuilder sb, TreeMap<String, String> attrs) {
    for (var e : attrs.entrySet()) {
      sb.append(' ').append(e.getKey()).append("=\"");
      String v = e.getValue();
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        switch (c) {
          case '"' -> sb.append("&quot;");
          case '<' -> sb.append("&lt;");
          case '>' -> sb.append("&gt;");
          case '&' -> sb.append("&amp;");
          case '\n' -> sb.append("&#xA;");
          default -> sb.append(c);
        }
      }
      sb.append('"');
    }
  }

  private static TreeMap<String, String> one(String name, String value) {
    TreeMap<String, String> m = new TreeMap<>();
    m.put(name, value);
    return m;
  }

  private void empty(int d, String name, TreeMap<String, String> attrs) {
    indent(d);
    out.append('<').append(name);
    if (attrs != null) {
      attrs(out, attrs);
    }
    out.append(" />\n");
  }

  private void openElement(int d, String name, TreeMap<String, String> attrs) {
    indent(d);
    out.append('<').append(name);
    if (attrs != null) {
      attrs(out, attrs);
    }
    out.append(">\n");
  }

  private static String closing(int d, String name) {
    return "  ".repeat(d) + "</" + name + ">\n";
  }

  private void write(Value v) {
    int d = depth;
    if (v instanceof NixInt i) {
      empty(d, "int", one("value", Long.toString(i.value)));
    } else if (v instanceof NixBool b) {
      empty(d, "bool", one("value", b.value ? "true" : "false"));
    } else if (v instanceof NixString s) {
      context = context.union(s.context);
      empty(d, "string", one("value", s.bytes));
    } else if (v instanceof NixPath p) {
      empty(d, "path", one("value", p.path));
    } else if (v instanceof NixNull) {
      empty(d, "null", null);
    } else if (v instanceof NixFloat f) {
      empty(d, "float", one("value", Printer.formatFloat(f.value)));
    } else if (v instanceof NixList l) {
      enter(v);
      openElement(d, "list", null);
      work.push(new Close(v));
      work.push(new Closing(closing(d, "list")));
      for (int i = l.size() - 1; i >= 0; i--) {
        work.push(new Item(l.get(i), d + 1));
      }
    } else if (v instanceof Closure c) {
      writeLambda(c.proto, d);
    } else if (v instanceof Builtin || v instanceof PrimOpApp) {
      empty(d, "unevaluated", null);
    } else {
      throw new IllegalStateException("toXML of " + v.typeOf());
    }
  }

  private void writeAttrs(NixAttrs a) {
    int d = depth;
    enter(a);
    openElement(d, "attrs", null);
    work.push(new Close(a));
    work.push(new Closing(closing(d, "attrs")));
    pushAttributes(a, d + 1);
  }

  private void writeDerivation(NixAttrs a, int d) {
    TreeMap<String, String> xmlAttrs = new TreeMap<>();
    if (drvPath != null) {
      xmlAttrs.put("drvPath", drvPath);
    }
    if (outPath != null) {
      xmlAttrs.put("outPath", outPath);
    }
    openElement(d, "derivation", xmlAttrs);
    work.push(new Closing(closing(d, "derivation")));
    if (drvPath != null && !drvPath.isEmpty() && drvsSeen.add(drvPath)) {
      pushAttributes(a, d + 1);
    } else {
      empty(d + 1, "repeated", null);
    }
  }

  private void pushAttributes(NixAttrs a, int d) {
    for (int i = a.size() - 1; i >= 0; i--) {
      StringBuilder sb = new StringBuilder();
      sb.append("  ".repeat(d)).append("<attr");
      TreeMap<String, String> xmlAttrs = one("name", a.nameAt(i));
      if (location) {
        position(xmlAttrs, a.positionAt(i));
      }
      attrs(sb, xmlAttrs);
      sb.append(">\n");
      work.push(new Closing(closing(d, "attr")));
      work.push(new Item(a.valueAt(i), d + 1));
      work.push(new AttrOpening(sb.toString()));
    }
  }

  private void writeLambda(Proto p, int d) {
    TreeMap<String, String> fa = new TreeMap<>();
    if (location) {
      position(fa, p.pos);
    }
    openElement(d, "function", fa);
    Formals f = p.formals;
    if (f != null) {
      TreeMap<String, String> a = new TreeMap<>();
      if (f.atName() != null && !f.atName().isEmpty()) {
        a.put("name", f.atName());
      }
      if (f.ellipsis()) {
        a.put("ellipsis", "1");
      }
      openElement(d + 1, "attrspat", a);
      List<String> names = new ArrayList<>(f.names());
      names.sort(null);
      for (String n : names) {
        empty(d + 2, "attr", one("name", n));
      }
      out.append(closing(d + 1, "attrspat"));
    } else {
      empty(d + 1, "varpat", one("name", argName(p)));
    }
    out.append(closing(d, "function"));
  }

  /** Nix's posToXML: path, line and column of a known position. */
  private static void position(TreeMap<String, String> xmlAttrs, SourcePos pos) {
    if (pos == null || pos.file() == null) {
      return;
    }
    var lc = pos.file().lines().lineCol(pos.start());
    xmlAttrs.put("path", AttrBuiltins.fileName(pos.file()));
    xmlAttrs.put("line", Integer.toString(lc.line() + 1));
    xmlAttrs.put("column", Integer.toString(lc.column() + 1));
  }

  /**
   * The argument name of a lambda without a pattern ({@code x: …}): the identifier its source
   * span starts with.
   */
  static String argName(Proto p) {
    if (p.pos == null || p.pos.file() == null) {
      return "";
    }
    String text = p.pos.file().text();
    int i = p.pos.start();
    int j = i;
    while (j < text.length()) {
      char c = text.charAt(j);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
          || (j > i && ((c >= '0' && c <= '9') || c == '\'' || c == '-'));
      if (!ok) {
        break;
      }
      j++;
    }
    return text.substring(i, j);
  }

  private void enter(Value container) {
    if (open.put(container, Boolean.TRUE) != null || open.size() > JsonBuiltins.MAX_DEPTH) {
      throw NixError.eval("stack overflow (possible infinite recursion)").withoutShownPos();
    }
  }
}
