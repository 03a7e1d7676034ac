package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.IdentityHashMap;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixContext;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixPath;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/** toJSON, fromJSON and fromTOML (the parsers are {@link JsonParser} and {@link TomlParser}). */
final class JsonBuiltins {
  private JsonBuiltins() {}

  static void register(Registry r) {
    r.def("toJSON", 1, 0, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return vm.push(new ToJson(a[0], true, true));
      }
    });
    r.def("fromJSON", 1, allStrict(1), new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        String text = Expect.stringNoContext(a[0]);
        try {
          return JsonParser.parse(text);
        } catch (NixError e) {
          // Nix: no position, and a trace at the call.
          throw e.withoutShownPos().traceAtCall("while decoding a JSON string");
        }
      }
    });
    r.add(new Primop("fromTOML", 1, allStrict(1),
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return TomlParser.parse(Expect.stringNoContext(a[0]));
          }
        }), true);
  }

  /** A string as Nix 2.8 writes it in JSON: only {@code " \ \n \r \t} and other controls escaped. */
  static void quote(String bytes, StringBuilder out) {
    out.append('"');
    int n = bytes.length();
    for (int i = 0; i < n; i++) {
      char c = bytes.charAt(i);
      switch (c) {
        case '"', '\\' -> out.append('\\').append(c);
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** Deeper than this, a value is taken for an infinite one, as Nix's stack would overflow. */
  static final int MAX_DEPTH = 1_000_000;

  /**
   * toJSON v: forces v deeply, depth first, attributes in name order, writing as it goes. Sets
   * with {@code __toString} are written as the string it gives, sets with {@code outPath} as
   * that value; paths are copied to the store. The contexts of the strings written make the
   * result's context. A set or list that contains itself is "stack overflow (possible infinite
   * recursion)", as in Nix.
   */
  static final class ToJson extends Generator {
    // The work stack: parallel arrays of an object and a tag. Tag VALUE: a value to write;
    // TEXT: a String to write as it is; CLOSE: the end of a container (the object); a tag >= 0:
    // the name of that attribute of the set (the object), to write before its value. No object
    // is allocated per entry.
    private static final int VALUE = -1;
    private static final int TEXT = -2;
    private static final int CLOSE = -3;
    /** After an attribute's value: its position is no longer the current one. */
    private static final int LEAVE = -4;
    private Object[] workObj = new Object[64];
    private int[] workTag = new int[64];
    private int sp;
    /** How many sets and lists are open (being written) around the current value. */
    private int depth;
    /**
     * The open containers deeper than {@link #CYCLE_CHECK_DEPTH}: a container that contains
     * itself repeats on the path below that depth (the shallow levels of ordinary values are
     * written without hashing each container).
     */
    private IdentityHashMap<Value, Boolean> deepOpen;
    private static final int CYCLE_CHECK_DEPTH = 1000;
    /**
     * The text written so far is {@link #chunks} then {@link #out}: out is moved into a chunk
     * whenever it grows past {@link #CHUNK}, and the chunks are joined once at the end. A large
     * result is thus copied once more, not reallocated at every doubling of one buffer (which
     * left the discarded halves in the old generation of the heap).
     */
    private final StringBuilder out = new StringBuilder();
    private java.util.ArrayList<String> chunks;
    private static final int CHUNK = 1 << 15;
    private NixContext context = NixContext.EMPTY;
    private long lastFloatBits;
    private String lastFloatText;
    /** 0: the answer is a forced value; 1: the answer is the string of a __toString. */
    private int waitingFor = -1;

    private final boolean strict;
    /**
     * The positions of the attributes being written, innermost on top: where Nix positions the
     * errors of values it cannot convert.
     */
    private final java.util.ArrayList<org.nix4j.value.SourcePos> attrPositions =
        new java.util.ArrayList<>();
    /** Whether the value outside every attribute is at the call of toJSON (not --json). */
    private final boolean atCall;

    /** {@code strict}: force what is not evaluated yet (else it is "cannot convert a thunk"). */
    ToJson(Value v, boolean strict) {
      this(v, strict, false);
    }

    ToJson(Value v, boolean strict, boolean atCall) {
      this.strict = strict;
      this.atCall = atCall;
      push(v, VALUE);
    }

    private void push(Object o, int tag) {
      if (sp == workObj.length) {
        workObj = java.util.Arrays.copyOf(workObj, sp * 2);
        workTag = java.util.Arrays.copyOf(workTag, sp * 2);
      }
      workObj[sp] = o;
      workTag[sp++] = tag;
    }

    private org.nix4j.value.SourcePos currentAttrPosition() {
      return attrPositions.isEmpty() ? null : attrPositions.get(attrPositions.size() - 1);
    }

    /**
     * Nix's error for a value it cannot convert: at the value's own position (a lambda's) or at
     * the attribute holding it, traced with Nix 2.8's placeholder at that attribute.
     */
    private NixError cannotConvert(String what, org.nix4j.value.SourcePos own) {
      org.nix4j.value.SourcePos at = currentAttrPosition();
      NixError e = NixError.eval("cannot convert " + what + " to JSON");
      if (own != null || at != null) {
        e.at(own != null ? own : at);
      } else if (!atCall) {
        e.withoutShownPos();
      }
      if (at == null && atCall) {
        return e.traceAtCall("message for the trace");
      }
      e.addTrace("message for the trace", at);
      return e;
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (waitingFor == 0) {
        waitingFor = -1;
        if (emit(vm, in)) {
          return null;
        }
      } else if (waitingFor == 1) {
        waitingFor = -1;
        string((NixString) in);
      }
      while (sp > 0) {
        if (out.length() >= CHUNK) {
          if (chunks == null) {
            chunks = new java.util.ArrayList<>();
          }
          chunks.add(out.toString());
          out.setLength(0);
        }
        Object item = workObj[--sp];
        workObj[sp] = null;
        int tag = workTag[sp];
        if (tag == TEXT) {
          out.append((String) item);
          continue;
        }
        if (tag == LEAVE) {
          attrPositions.remove(attrPositions.size() - 1);
          continue;
        }
        if (tag >= 0) {
          org.nix4j.value.SourcePos p = ((NixAttrs) item).positionAt(tag);
          attrPositions.add(p != null ? p : currentAttrPosition());
          if (tag > 0) {
            out.append(',');
          }
          quote(((NixAttrs) item).nameAt(tag), out);
          out.append(':');
          continue;
        }
        if (tag == CLOSE) {
          if (depth-- > CYCLE_CHECK_DEPTH) {
            deepOpen.remove(item);
          }
          continue;
        }
        Value v = strict ? vm.force((Value) item) : shallow((Value) item);
        if (v == null) {
          waitingFor = 0;
          return null;
        }
        if (emit(vm, v)) {
          return null;
        }
      }
      if (chunks == null) {
        return NixString.of(out.toString(), context);
      }
      chunks.add(out.toString());
      // String.join sizes the result first and copies each chunk once into it.
      return NixString.of(String.join("", chunks), context);
    }

    /**
     * The text written so far with the lists and sets being written closed, as Nix leaves it on
     * stdout when a value fails: its writer closes them as the error unwinds.
     */
    String partial() {
      StringBuilder b = new StringBuilder();
      if (chunks != null) {
        for (String c : chunks) {
          b.append(c);
        }
      }
      b.append(out);
      for (int i = sp - 1; i >= 0; i--) {
        if (workTag[i] == TEXT && ("]".equals(workObj[i]) || "}".equals(workObj[i]))) {
          b.append((String) workObj[i]);
        }
      }
      return b.toString();
    }

    private Value shallow(Value v) {
      if (v instanceof Thunk t) {
        Value done = t.valueOrNull();
        if (done == null) {
          throw t.isApplication()
              ? cannotConvert("a function application", t.applicationFunctionPos())
              : cannotConvert("a thunk", null);
        }
        return done;
      }
      return v;
    }

    private void string(NixString s) {
      quote(s.bytes, out);
      context = context.union(s.context);
    }

    /** Writes a forced value or schedules its parts; true if it waits for the VM. */
    private boolean emit(Vm vm, Value v) {
      if (v instanceof NixInt i) {
        out.append(i.value);
      } else if (v instanceof NixFloat f) {
        // Documents repeat floats (0.5, 1.0 …): the text of the last one is reused.
        if (lastFloatText == null || Double.doubleToRawLongBits(f.value) != lastFloatBits) {
          lastFloatBits = Double.doubleToRawLongBits(f.value);
          lastFloatText = Printer.formatFloat(f.value);
        }
        out.append(lastFloatText);
      } else if (v instanceof NixBool b) {
        out.append(b.value ? "true" : "false");
      } else if (v instanceof NixNull) {
        out.append("null");
      } else if (v instanceof NixString s) {
        string(s);
      } else if (v instanceof NixPath p) {
        String storePath = vm.host().copyPathToStore(p.path);
        quote(storePath, out);
        context = context.union(NixContext.of(storePath));
      } else if (v instanceof NixAttrs a) {
        if (a.has("__toString")) {
          Value s = vm.coerceToString(a, StringBuiltins.NO_COPY);
          if (s == null) {
            waitingFor = 1;
            return true;
          }
          string((NixString) s);
          return false;
        }
        enter(v);
        push(v, CLOSE);
        Value outPath = a.get("outPath");
        if (outPath != null) {
          push(outPath, VALUE);
          return false;
        }
        if (a.isEmpty()) {
          out.append("{}");
          return false;
        }
        out.append('{');
        push("}", TEXT);
        for (int i = a.size() - 1; i >= 0; i--) {
          push(null, LEAVE);
          push(a.valueAt(i), VALUE);
          push(a, i);
        }
      } else if (v instanceof NixList l) {
        if (l.size() == 0) {
          out.append("[]");
          return false;
        }
        enter(v);
        push(v, CLOSE);
        out.append('[');
        push("]", TEXT);
        for (int i = l.size() - 1; i >= 0; i--) {
          push(l.get(i), VALUE);
          if (i > 0) {
            push(",", TEXT);
          }
        }
      } else {
        throw cannotConvert(v.describe(),
            v instanceof org.nix4j.value.Closure c ? c.proto.pos : null);
      }
      return false;
    }

    private void enter(Value container) {
      if (++depth > CYCLE_CHECK_DEPTH) {
        if (deepOpen == null) {
          deepOpen = new IdentityHashMap<>();
        }
        if (deepOpen.put(container, Boolean.TRUE) != null || depth > MAX_DEPTH) {
          throw NixError.eval("stack overflow (possible infinite recursion)").withoutShownPos();
        }
      }
    }
  }
}
