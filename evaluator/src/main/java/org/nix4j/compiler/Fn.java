package org.nix4j.compiler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.bytecode.Formals;
import org.nix4j.bytecode.Op;
import org.nix4j.bytecode.Proto;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.SourcePos;

/**
 * The code of one {@link Proto} under construction: instructions, constants, source positions,
 * the locals on its stack and what it captures from the functions around it.
 *
 * <p>The compiler tracks the stack depth statically: every expression leaves one value; a
 * local is the stack slot that was the top when its value was pushed.
 */
final class Fn {
  /** A name bound on this function's stack (or a with-scope, which has no name). */
  static final class Local {
    final String name;
    final int slot;
    final Kind kind;
    final TextRange range;
    boolean initialised;
    boolean used;
    /** For a with-scope: whether a dynamic lookup went through it. */
    boolean withUsed;
    /** For a binding of a rec set: the scope it belongs to, to find unneeded recs. */
    Object owner;
    /**
     * Shared by the locals of one recursive scope: set while they are out of name resolution
     * (compiling `inherit x;`, which takes x from around the scope). Null for other locals.
     */
    boolean[] hidden;

    Local(String name, int slot, Kind kind, TextRange range) {
      this.name = name;
      this.slot = slot;
      this.kind = kind;
      this.range = range;
    }
  }

  enum Kind {
    LET,
    REC,
    FORMAL,
    PARAM,
    WITH,
    HIDDEN
  }

  /** A captured value: from a local slot of the parent or one of the parent's captures. */
  static final class Capture {
    final String name;
    /** Encoded as in {@link Proto#captures}. */
    final int source;
    /** The local of the parent captured (when from a local), for liveness. */
    final Local parentLocal;
    /** For a captured with-scope: whether a lookup went through it. */
    final boolean isWith;

    Capture(String name, int source, Local parentLocal, boolean isWith) {
      this.name = name;
      this.source = source;
      this.parentLocal = parentLocal;
      this.isWith = isWith;
    }
  }

  final Fn parent;
  final Proto.Kind kind;
  final SourceFile file;
  final TextRange range;
  String name;
  Formals formals;

  private int[] code = new int[16];
  private int[] spans = new int[16];
  int size;
  final List<Object> constants = new ArrayList<>(4);
  /** Indexes of constants, made when there are enough of them for a scan to cost. */
  private Map<Object, Integer> constantIndex;
  final List<SourcePos> positions = new ArrayList<>(4);
  private TextRange lastRange;
  private int lastRangeIndex = -1;
  int currentSpan = -1;

  /** Every local on the stack, in slot order (read only: use add/removeLocals). */
  final List<Local> locals = new ArrayList<>();
  /** The locals with each name, innermost last: name resolution without a scan. */
  private final Map<String, ArrayList<Local>> byName = new HashMap<>(4);
  /** The with-scopes, innermost last. */
  final List<Local> withs = new ArrayList<>();
  final List<Capture> captures = new ArrayList<>();
  private Map<Integer, Integer> captureIndex;
  int depth;
  int maxDepth;
  /** The sibling thunks being made in this function for a set, let or rec; null between them. */
  CaptureGroup group;

  Fn(Fn parent, Proto.Kind kind, SourceFile file, TextRange range) {
    this.parent = parent;
    this.kind = kind;
    this.file = file;
    this.range = range;
  }

  // ---- emission ----

  /** Sets the source span of the instructions emitted next; returns the previous one. */
  int span(TextRange r) {
    int prev = currentSpan;
    if (r != null) {
      if (!r.equals(lastRange)) {
        // Spans repeat mostly back to back (an expression, its parts, the expression again):
        // a short look back finds them; a rare duplicate entry costs only a few bytes.
        int found = -1;
        for (int i = positions.size() - 1, n = 0; i >= 0 && n < 8; i--, n++) {
          SourcePos p = positions.get(i);
          if (p.start() == r.start() && p.end() == r.end()) {
            found = i;
            break;
          }
        }
        if (found < 0) {
          found = positions.size();
          positions.add(new SourcePos(file, r.start(), r.end()));
        }
        lastRange = r;
        lastRangeIndex = found;
      }
      currentSpan = lastRangeIndex;
    }
    return prev;
  }

  void restoreSpan(int s) {
    currentSpan = s;
  }

  private void put(int word) {
    if (size == code.length) {
      code = java.util.Arrays.copyOf(code, size * 2);
      spans = java.util.Arrays.copyOf(spans, size * 2);
    }
    spans[size] = currentSpan;
    code[size++] = word;
  }

  /** Emits an instruction; {@code stackEffect} is how it changes the depth. */
  int emit(int op, int stackEffect, int... operands) {
    int at = size;
    put(op);
    for (int o : operands) {
      put(o);
    }
    adjust(stackEffect);
    return at;
  }

  void adjust(int stackEffect) {
    depth += stackEffect;
    if (depth > maxDepth) {
      maxDepth = depth;
    }
  }

  /** Emits a jump with a placeholder offset; returns the index of the offset operand. */
  int emitJump(int op, int stackEffect, int... before) {
    put(op);
    for (int o : before) {
      put(o);
    }
    int at = size;
    put(0);
    adjust(stackEffect);
    return at;
  }

  /** Emits {@code op} with two placeholder offsets; returns the index of the first. */
  int emitJump2(int op, int stackEffect) {
    put(op);
    int at = size;
    put(0);
    put(0);
    adjust(stackEffect);
    return at;
  }

  /** Points the second offset of a two-offset jump (relative to its instruction's end) here. */
  void patchSecond(int firstOperand) {
    code[firstOperand + 1] = size - (firstOperand + 2);
  }

  /** Points the first offset of a two-offset jump (relative to its instruction's end) here. */
  void patchFirst(int firstOperand) {
    code[firstOperand] = size - (firstOperand + 2);
  }

  /** Points the jump whose offset operand is at {@code operand} to the current end. */
  void patch(int operand) {
    code[operand] = size - (operand + 1);
  }

  /**
   * The index of constant {@code v}, added if new. Strings are shared by equality, everything
   * else (values, protos, shapes) by identity.
   */
  int constant(Object v) {
    boolean byEquality = v instanceof String;
    if (constantIndex == null) {
      for (int i = 0; i < constants.size(); i++) {
        Object c = constants.get(i);
        if (c == v || (byEquality && v.equals(c))) {
          return i;
        }
      }
      constants.add(v);
      if (constants.size() > 8) {
        constantIndex = new HashMap<>();
        for (int i = 0; i < constants.size(); i++) {
          constantIndex.putIfAbsent(key(constants.get(i)), i);
        }
      }
      return constants.size() - 1;
    }
    Object key = key(v);
    Integer i = constantIndex.get(key);
    if (i == null) {
      i = constants.size();
      constants.add(v);
      constantIndex.put(key, i);
    }
    return i;
  }

  /** The map key of a constant: the string itself, or an identity wrapper. */
  private static Object key(Object v) {
    return v instanceof String ? v : new IdentityKey(v);
  }

  private record IdentityKey(Object v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.v == v;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(v);
    }
  }

  // ---- locals ----

  Local declare(String name, Kind kind, TextRange range) {
    Local l = new Local(name, depth, kind, range);
    add(l);
    return l;
  }

  /** Declares a local at a given slot that will be pushed later (recursive scopes). */
  Local declareAt(String name, int slot, Kind kind, TextRange range) {
    Local l = new Local(name, slot, kind, range);
    add(l);
    return l;
  }

  /** Adds a local (innermost). */
  void add(Local l) {
    locals.add(l);
    if (l.kind == Kind.WITH) {
      withs.add(l);
    } else if (l.kind != Kind.HIDDEN) {
      ArrayList<Local> same = byName.get(l.name);
      if (same == null) {
        same = new ArrayList<>(1);
        byName.put(l.name, same);
      }
      same.add(l);
    }
  }

  /** Removes the locals of a scope that ends (they are the innermost ones). */
  void removeLocals(List<Local> scope) {
    if (scope.isEmpty()) {
      return;
    }
    java.util.Set<Local> gone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    gone.addAll(scope);
    // The scope's locals are at the end of the list: trim from there.
    int i = locals.size();
    while (i > 0 && gone.contains(locals.get(i - 1))) {
      i--;
    }
    if (locals.size() - i == gone.size()) {
      locals.subList(i, locals.size()).clear();
    } else {
      int w = 0;
      for (Local l : locals) {
        if (!gone.contains(l)) {
          locals.set(w++, l);
        }
      }
      locals.subList(w, locals.size()).clear();
    }
    for (Local l : scope) {
      if (l.kind == Kind.WITH) {
        withs.remove(l);
      } else if (l.kind != Kind.HIDDEN) {
        ArrayList<Local> same = byName.get(l.name);
        if (same != null) {
          for (int j = same.size() - 1; j >= 0; j--) {
            if (same.get(j) == l) {
              same.remove(j);
              break;
            }
          }
          if (same.isEmpty()) {
            byName.remove(l.name);
          }
        }
      }
    }
  }

  Local findLocal(String name) {
    ArrayList<Local> same = byName.get(name);
    if (same == null) {
      return null;
    }
    for (int i = same.size() - 1; i >= 0; i--) {
      Local l = same.get(i);
      if (l.hidden == null || !l.hidden[0]) {
        return l;
      }
    }
    return null;
  }

  /** The local with-scope at {@code slot}, or null. */
  Local withAt(int slot) {
    for (int i = withs.size() - 1; i >= 0; i--) {
      if (withs.get(i).slot == slot) {
        return withs.get(i);
      }
    }
    return null;
  }

  /** The index of the capture of {@code source}, adding it if new. */
  int capture(String name, int source, Local parentLocal, boolean isWith) {
    if (captureIndex == null) {
      for (int i = 0; i < captures.size(); i++) {
        if (captures.get(i).source == source) {
          return i;
        }
      }
      if (captures.size() >= 8) {
        captureIndex = new HashMap<>();
        for (int i = 0; i < captures.size(); i++) {
          captureIndex.put(captures.get(i).source, i);
        }
      }
    } else {
      Integer i = captureIndex.get(source);
      if (i != null) {
        return i;
      }
    }
    captures.add(new Capture(name, source, parentLocal, isWith));
    if (captureIndex != null) {
      captureIndex.put(source, captures.size() - 1);
    }
    return captures.size() - 1;
  }

  Proto build(SourcePos pos) {
    int[] caps = new int[captures.size()];
    for (int i = 0; i < caps.length; i++) {
      caps[i] = captures.get(i).source;
    }
    return new Proto(kind, java.util.Arrays.copyOf(code, size), constants.toArray(),
        java.util.Arrays.copyOf(spans, size), positions.toArray(new SourcePos[0]), caps,
        maxDepth + 2, name, formals, file, pos);
  }

  /** Replaces constant {@code i} (a proto rebuilt after it was emitted). */
  void replaceConstant(int i, Object v) {
    Object old = constants.set(i, v);
    if (constantIndex != null) {
      constantIndex.remove(key(old));
      constantIndex.put(key(v), i);
    }
  }

  /** Replaces the opcode at {@code at} by one with the same operands. */
  void patchOp(int at, int op) {
    code[at] = op;
  }

  /** The opcode at {@code at}. */
  int opAt(int at) {
    return code[at];
  }

  /** The constant that the code from {@code at} to the end pushes, if it is one CONST; else null. */
  Object constantFrom(int at) {
    return size == at + 2 && code[at] == Op.CONST ? constants.get(code[at + 1]) : null;
  }

  /** Whether the last instruction emitted is {@code op} (for small peephole choices). */
  boolean lastIs(int op, int at) {
    return at >= 0 && at < size && code[at] == op;
  }

  static String opName(int op) {
    return Op.NAMES[op];
  }
}
