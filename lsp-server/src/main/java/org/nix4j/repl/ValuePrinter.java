package org.nix4j.repl;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
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
import org.nix4j.vm.Budget;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Prints a value as the REPL of Nix 2.8 does, forcing what it shows:
 *
 * <ul>
 *   <li>sets and lists to a depth: {@code { a = 1; b = { ... }; }} for a plain input (depth 1),
 *       everything for {@code :p}; attribute names bare when they are identifiers, else quoted;
 *   <li>{@code «lambda @ file:line:col»} ({@code (string)} for what was typed), {@code «primop»},
 *       {@code «primop-app»}, {@code «derivation DRVPATH»} for a set whose {@code type} is
 *       {@code "derivation"};
 *   <li>{@code «repeated»} for a set or list whose value cell was printed before;
 *   <li>{@code «error: …»} in place of a value whose evaluation throws or fails an assertion (what
 *       {@code tryEval} catches); other errors stop the printing and are reported.
 * </ul>
 *
 * Strings are quoted with Nix's escapes for {@code " \ \n \r \t} (unlike
 * {@code nix-instantiate}, {@code ${} is not escaped). Printing is a loop over an explicit
 * stack: deep values do not grow the Java stack. The output is a byte string (see
 * {@link NixString}); colours are ANSI escapes, as Nix uses them, when asked for.
 */
final class ValuePrinter {
  static final String RESET = "\u001b[0m";
  static final String RED = "\u001b[31;1m";
  static final String GREEN = "\u001b[32;1m";
  static final String BLUE = "\u001b[34;1m";
  static final String MAGENTA = "\u001b[35;1m";
  static final String CYAN = "\u001b[36;1m";

  private static final String LQ = NixString.bytesOf("\u00ab");
  private static final String RQ = NixString.bytesOf("\u00bb");

  private final Vm vm;
  private final Budget budget;
  private final boolean color;
  /** The text of a caught error (Unicode), as {@code «error: TEXT»} shows it. */
  private final Function<NixError, String> errorText;

  ValuePrinter(Vm vm, Budget budget, boolean color, Function<NixError, String> errorText) {
    this.vm = vm;
    this.budget = budget;
    this.color = color;
    this.errorText = errorText;
  }

  /** A value to print and how many levels of sets and lists below it are shown. */
  private record Item(Value ref, int depth) {}

  /**
   * Prints {@code root} to {@code out} (a byte string), showing sets and lists {@code maxDepth}
   * levels deep. Throws the errors that Nix's REPL does not show in place; what was printed
   * before stays in {@code out}, as Nix leaves it on the screen.
   */
  void print(Value root, int maxDepth, StringBuilder out) {
    // Which value cells were printed: Nix compares the cells (a variable used twice is one
    // cell); the root is a fresh cell of its own, so it is never «repeated».
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    List<Object> todo = new ArrayList<>();
    todo.add(new Item(root, maxDepth));
    boolean first = true;
    while (!todo.isEmpty()) {
      Object next = todo.remove(todo.size() - 1);
      if (next instanceof String s) {
        out.append(s);
        continue;
      }
      if (budget.isCancelled()) {
        throw new NixError(NixError.Kind.INTERRUPTED, "evaluation cancelled");
      }
      Item item = (Item) next;
      Object key = first ? new Object() : item.ref();
      first = false;
      Value v;
      try {
        v = vm.forceValue(item.ref());
      } catch (NixError e) {
        if (!e.catchable()) {
          throw e;
        }
        String text = errorText.apply(e);
        if (text.endsWith("\n")) {
          text = text.substring(0, text.length() - 1);
        }
        out.append(paint(RED, LQ + "error: " + NixString.bytesOf(text) + RQ));
        continue;
      }
      if (v instanceof NixAttrs a) {
        if (repeated(seen, key, item.ref(), a.isEmpty())) {
          out.append(LQ).append("repeated").append(RQ);
          continue;
        }
        if (isDerivation(a)) {
          out.append(paint(GREEN, LQ + "derivation " + drvPath(a) + RQ));
          continue;
        }
        out.append("{ ");
        todo.add("}");
        if (item.depth() <= 0) {
          todo.add("... ");
          continue;
        }
        for (int i = a.size() - 1; i >= 0; i--) {
          todo.add("; ");
          todo.add(new Item(a.valueAt(i), item.depth() - 1));
          todo.add(attrName(a.nameAt(i)) + " = ");
        }
      } else if (v instanceof NixList l) {
        if (repeated(seen, key, item.ref(), l.size() == 0)) {
          out.append(LQ).append("repeated").append(RQ);
          continue;
        }
        out.append("[ ");
        todo.add("]");
        if (item.depth() <= 0) {
          todo.add("... ");
          continue;
        }
        for (int i = l.size() - 1; i >= 0; i--) {
          todo.add(" ");
          todo.add(new Item(l.get(i), item.depth() - 1));
        }
      } else {
        scalar(v, out);
      }
    }
  }

  /**
   * Whether the cell was printed before (and marks it printed). An empty set or list that is not
   * in a thunk may be the shared empty constant of every {@code {}} or {@code []} literal, so it
   * never counts as repeated.
   */
  private static boolean repeated(IdentityHashMap<Object, Boolean> seen, Object key, Value ref,
      boolean empty) {
    if (empty && !(ref instanceof Thunk)) {
      return false;
    }
    return seen.put(key, Boolean.TRUE) != null;
  }

  private boolean isDerivation(NixAttrs a) {
    Value type = a.get("type");
    if (type == null) {
      return false;
    }
    Value t = vm.forceValue(type);
    return t instanceof NixString s && s.bytes.equals("derivation");
  }

  private String drvPath(NixAttrs a) {
    Value p = a.get("drvPath");
    if (p == null) {
      return "???";
    }
    Value v = vm.forceValue(p);
    if (v instanceof NixString s) {
      return s.bytes;
    }
    if (v instanceof NixPath path) {
      return path.path;
    }
    throw NixError.eval("cannot coerce " + v.describe() + " to a string");
  }

  private void scalar(Value v, StringBuilder out) {
    if (v instanceof NixInt i) {
      out.append(paint(CYAN, Long.toString(i.value)));
    } else if (v instanceof NixFloat f) {
      out.append(Printer.formatFloat(f.value));
    } else if (v instanceof NixBool b) {
      out.append(paint(CYAN, b.value ? "true" : "false"));
    } else if (v instanceof NixNull) {
      out.append(paint(CYAN, "null"));
    } else if (v instanceof NixString s) {
      out.append(paint(MAGENTA, quote(s.bytes)));
    } else if (v instanceof NixPath p) {
      out.append(paint(GREEN, p.path));
    } else if (v instanceof Closure c) {
      out.append(paint(BLUE, LQ + "lambda @ " + position(c.proto.pos) + RQ));
    } else if (v instanceof Builtin) {
      out.append(paint(MAGENTA, LQ + "primop" + RQ));
    } else if (v instanceof PrimOpApp) {
      out.append(paint(BLUE, LQ + "primop-app" + RQ));
    } else {
      out.append(LQ).append(v.typeOf()).append(RQ);
    }
  }

  /** {@code file:line:col} of a lambda; Nix names a typed text {@code (string)} here. */
  static String position(SourcePos pos) {
    if (pos == null) {
      return "undefined position";
    }
    SourceFile f = pos.file();
    String name = f.path() == null && f.name().equals(SourceFile.STRING_NAME) ? "(string)" : f.name();
    return name + ":" + f.lineColumn(pos.start());
  }

  private String paint(String ansi, String text) {
    return color ? ansi + text + RESET : text;
  }

  /** An attribute name as the REPL prints it: bare when it is an identifier, else quoted. */
  static String attrName(String name) {
    return isIdentifier(name) ? name : quote(name);
  }

  /** Nix's identifiers: a letter or {@code _}, then letters, digits, {@code _ ' -}. */
  static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    char c = s.charAt(0);
    if (!(Character.isLetter(c) && c < 128 || c == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '\'' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A string in double quotes with the escapes of Nix's REPL: {@code " \ \n \r \t}. */
  static String quote(String bytes) {
    StringBuilder sb = new StringBuilder(bytes.length() + 2);
    sb.append('"');
    for (int i = 0; i < bytes.length(); i++) {
      char c = bytes.charAt(i);
      switch (c) {
        case '"', '\\' -> sb.append('\\').append(c);
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
