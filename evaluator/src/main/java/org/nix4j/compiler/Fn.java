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

  private int[] code = new int[64];
  private int[] spans = new int[64];
  int size;
  final List<Object> constants = new ArrayList<>();
  private final Map<Object, Integer> constantIndex = new HashMap<>();
  private final Map<Object, Integer> identityConstantIndex = new IdentityHashMap<>();
  final List<SourcePos> positions = new ArrayList<>();
  private final Map<TextRange, Integer> positionIndex = new HashMap<>();
  int currentSpan = -1;

  final List<Local> locals = new ArrayList<>();
  final List<Capture> captures = new ArrayList<>();
  int depth;
  int maxDepth;

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
      Integer i = positionIndex.get(r);
      if (i == null) {
        i = positions.size();
        positions.add(new SourcePos(file, r.start(), r.end()));
        positionIndex.put(r, i);
      }
      currentSpan = i;
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

  int constant(Object v) {
    if (v instanceof String || v instanceof Long || v instanceof Double) {
      Integer i = constantIndex.get(v);
      if (i == null) {
        i = constants.size();
        constants.add(v);
        constantIndex.put(v, i);
      }
      return i;
    }
    Integer i = identityConstantIndex.get(v);
    if (i == null) {
      i = constants.size();
      constants.add(v);
      identityConstantIndex.put(v, i);
    }
    return i;
  }

  // ---- locals ----

  Local declare(String name, Kind kind, TextRange range) {
    Local l = new Local(name, depth, kind, range);
    locals.add(l);
    return l;
  }

  /** Declares a local at a given slot that will be pushed later (recursive scopes). */
  Local declareAt(String name, int slot, Kind kind, TextRange range) {
    Local l = new Local(name, slot, kind, range);
    locals.add(l);
    return l;
  }

  Local findLocal(String name) {
    for (int i = locals.size() - 1; i >= 0; i--) {
      Local l = locals.get(i);
      if (l.kind != Kind.WITH && l.kind != Kind.HIDDEN && l.name.equals(name)) {
        return l;
      }
    }
    return null;
  }

  /** The index of the capture of {@code source}, adding it if new. */
  int capture(String name, int source, Local parentLocal, boolean isWith) {
    for (int i = 0; i < captures.size(); i++) {
      if (captures.get(i).source == source) {
        return i;
      }
    }
    captures.add(new Capture(name, source, parentLocal, isWith));
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

  /** Whether the last instruction emitted is {@code op} (for small peephole choices). */
  boolean lastIs(int op, int at) {
    return at >= 0 && at < size && code[at] == op;
  }

  static String opName(int op) {
    return Op.NAMES[op];
  }
}
