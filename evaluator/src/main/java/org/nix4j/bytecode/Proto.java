package org.nix4j.bytecode;

import java.util.IdentityHashMap;
import java.util.Map;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.NixInt;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;

/**
 * Compiled code: the body of a lambda, of a thunk, or of a whole file. Immutable once the
 * compiler has built it; shared by every closure or thunk made from it.
 *
 * <p>{@link #code} holds opcodes ({@link Op}) each followed by its operands. {@link #spans}
 * gives, for each code index that starts an instruction, the index in {@link #positions} of the
 * source span it was compiled from (for error messages and the observer).
 */
public final class Proto {
  public enum Kind {
    /** The top level of a file or an expression: runs once, no argument. */
    TOP,
    /** A lambda body: slot 0 holds the argument. */
    LAMBDA,
    /** A thunk body: no argument. */
    THUNK
  }

  public final Kind kind;
  public final int[] code;
  public final Object[] constants;
  public final int[] spans;
  public final SourcePos[] positions;
  /**
   * What a closure or thunk made from this proto captures, in upvalue order: {@code slot << 1}
   * for a local of the enclosing frame, {@code (index << 1) | 1} for one of its upvalues.
   */
  public final int[] captures;
  /**
   * For a thunk made by {@link Op#THUNK_SHARED}: the slot of the enclosing frame that holds the
   * sibling thunk whose array of captured values it shares; -1 for other code.
   */
  public final int shareSlot;
  /** The most stack slots the code uses above its base (locals and temporaries). */
  public final int maxStack;
  /** The name a lambda is bound to ({@code f = x: …}), or null; used in traces. */
  public final String name;
  /** The formals of a lambda with a pattern, or null. */
  public final Formals formals;
  public final SourceFile file;
  /** The span of the whole lambda or thunk expression. */
  public final SourcePos pos;
  /**
   * Whether this is a thunk or a lambda (with a plain parameter) of straight-line code without
   * calls (such as {@code n - 1}, {@code s.a} or {@code x: [ x (x + 1) ]}) that the VM may run
   * without a frame when everything it reads is already evaluated.
   */
  public final boolean simple;
  /**
   * Whether {@link #simple} code uses only the smallest set of instructions (constants,
   * upvalues, forcing, arithmetic, comparisons, selects): the VM runs those with a smaller loop
   * that the JIT can inline into the instruction loop.
   */
  public final boolean arithmetic;

  public Proto(
      Kind kind,
      int[] code,
      Object[] constants,
      int[] spans,
      SourcePos[] positions,
      int[] captures,
      int maxStack,
      String name,
      Formals formals,
      SourceFile file,
      SourcePos pos) {
    this.kind = kind;
    this.shareSlot = -1;
    this.code = code;
    this.constants = constants;
    this.spans = spans;
    this.positions = positions;
    this.captures = captures;
    this.maxStack = maxStack;
    this.name = name;
    this.formals = formals;
    this.file = file;
    this.pos = pos;
    this.simple = (kind == Kind.THUNK || (kind == Kind.LAMBDA && formals == null))
        && maxStack <= SIMPLE_MAX_STACK && isStraightLine(code, false);
    this.arithmetic = simple && kind == Kind.THUNK && isStraightLine(code, true);
    // A thunk `a OP b` of two upvalues, or of an upvalue and a constant (`n - 1`).
    int qop = -1;
    int qa = -1;
    int qb = -1;
    Value qk = null;
    if (arithmetic && code.length >= 6 && code[0] == Op.UPVAL && code[2] == Op.FORCE) {
      int at = 3;
      if (code[at] == Op.CONST && constants[code[at + 1]] instanceof NixInt c) {
        qk = c;
        at += 2;
      } else if (code[at] == Op.UPVAL && at + 2 < code.length && code[at + 2] == Op.FORCE) {
        qb = code[at + 1];
        at += 3;
      } else {
        at = -1;
      }
      if (at > 0 && at < code.length) {
        int op = code[at];
        if (op == Op.ADD || op == Op.SUB || op == Op.MUL || op == Op.LESS) {
          int end = at + 1 + Op.OPERANDS[op];
          if (end == code.length - 1 && code[end] == Op.RETURN) {
            qop = op;
            qa = code[1];
          }
        }
      }
    }
    this.quickOp = qop;
    this.quickA = qa;
    this.quickB = qb;
    this.quickConst = qk;
    fuse(code);
  }

  /** A copy of this proto whose closures or thunks take their captured values from elsewhere. */
  public Proto withCaptures(int[] captures) {
    return new Proto(this, code, constants, captures, shareSlot, quickA, quickB);
  }

  /**
   * A copy of this proto whose upvalue {@code i} is upvalue {@code map[i]} of an array of
   * captured values laid out for several protos (siblings that share one), made from
   * {@code captures}, or shared with the thunk in {@code shareSlot} ({@link #shareSlot}).
   * Rewrites the operands of UPVAL and UPVAL_FORCE, the with-scopes of WITH_LOOKUP and what the
   * protos made in this code take from its upvalues.
   */
  public Proto renumbered(int[] map, int[] captures, int shareSlot) {
    int[] c = code.clone();
    Object[] k = constants.clone();
    boolean[] done = new boolean[k.length];
    int ip = 0;
    while (ip < c.length) {
      int op = c[ip];
      if (op == Op.UPVAL || op == Op.UPVAL_FORCE) {
        c[ip + 1] = map[c[ip + 1]];
      } else if (op == Op.WITH_LOOKUP && !done[c[ip + 2]]) {
        done[c[ip + 2]] = true;
        k[c[ip + 2]] = renumberSources((int[]) k[c[ip + 2]], map);
      }
      ip += 1 + Op.OPERANDS[op];
    }
    // Sibling protos share one array of sources: renumbered once, still shared.
    Map<int[], int[]> renumbered = new IdentityHashMap<>();
    for (int i = 0; i < k.length; i++) {
      if (k[i] instanceof Proto q && !done[i]) {
        int[] sources = renumbered.get(q.captures);
        if (sources == null) {
          sources = renumberSources(q.captures, map);
          renumbered.put(q.captures, sources);
        }
        k[i] = q.withCaptures(sources);
      }
    }
    return new Proto(this, c, k, captures, shareSlot,
        quickA >= 0 ? map[quickA] : -1, quickB >= 0 ? map[quickB] : -1);
  }

  /** Sources as in {@link #captures}, with the upvalues among them renumbered by {@code map}. */
  private static int[] renumberSources(int[] sources, int[] map) {
    int[] out = sources.clone();
    for (int i = 0; i < out.length; i++) {
      if ((out[i] & 1) == 1) {
        out[i] = (map[out[i] >> 1] << 1) | 1;
      }
    }
    return out;
  }

  /** A copy of {@code p} with other code, constants, captures and upvalue numbers. */
  private Proto(Proto p, int[] code, Object[] constants, int[] captures, int shareSlot,
      int quickA, int quickB) {
    this.kind = p.kind;
    this.code = code;
    this.constants = constants;
    this.spans = p.spans;
    this.positions = p.positions;
    this.captures = captures;
    this.shareSlot = shareSlot;
    this.maxStack = p.maxStack;
    this.name = p.name;
    this.formals = p.formals;
    this.file = p.file;
    this.pos = p.pos;
    this.simple = p.simple;
    this.arithmetic = p.arithmetic;
    this.quickOp = p.quickOp;
    this.quickA = quickA;
    this.quickB = quickB;
    this.quickConst = p.quickConst;
  }

  /**
   * For a thunk that computes {@code a OP b} (ADD, SUB, MUL or LESS) from upvalue
   * {@link #quickA} and upvalue {@link #quickB} or the integer {@link #quickConst}: the op, which
   * the VM runs on integers without interpreting the code; -1 for other code.
   */
  public final int quickOp;
  public final int quickA;
  public final int quickB;
  public final Value quickConst;

  /**
   * Rewrites pairs of instructions into their fused forms ({@link Op#LOCAL_FORCE},
   * {@link Op#UPVAL_FORCE}, {@link Op#SELECT_FORCE}, {@link Op#LESS_JUMP}, {@link Op#THUNK_CALL}),
   * in place: the second
   * instruction stays, for jumps that land on it and for the fused one's slow paths.
   */
  private static void fuse(int[] code) {
    int ip = 0;
    while (ip < code.length) {
      int op = code[ip];
      int next = ip + 1 + Op.OPERANDS[op];
      if (next < code.length) {
        int following = code[next];
        if (following == Op.FORCE && op == Op.LOCAL) {
          code[ip] = Op.LOCAL_FORCE;
        } else if (following == Op.FORCE && op == Op.UPVAL) {
          code[ip] = Op.UPVAL_FORCE;
        } else if (following == Op.FORCE && op == Op.SELECT) {
          code[ip] = Op.SELECT_FORCE;
        } else if (following == Op.JUMP_IF_FALSE && op == Op.LESS) {
          code[ip] = Op.LESS_JUMP;
        } else if (following == Op.CALL && op == Op.THUNK && code[next + 1] == 1) {
          code[ip] = Op.THUNK_CALL;
        }
      }
      ip = next;
    }
  }

  /** The most stack a {@link #simple} thunk may use. */
  public static final int SIMPLE_MAX_STACK = 16;

  private static boolean isStraightLine(int[] code, boolean arithmeticOnly) {
    int ip = 0;
    while (ip < code.length) {
      int op = code[ip];
      switch (op) {
        case Op.CONST, Op.UPVAL, Op.UPVAL_FORCE, Op.FORCE, Op.ADD_LEFT, Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.LESS,
            Op.EQ, Op.NEQ,
            Op.NOT, Op.SELECT, Op.HAS_ATTR, Op.RETURN -> ip += 1 + Op.OPERANDS[op];
        case Op.LOCAL, Op.LOCAL_FORCE, Op.LIST, Op.THUNK, Op.THUNK_SHARED, Op.CLOSURE -> {
          if (arithmeticOnly) {
            return false;
          }
          ip += 1 + Op.OPERANDS[op];
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  /** The source position of the instruction at code index {@code ip}, or the proto's own. */
  public SourcePos positionAt(int ip) {
    if (ip >= 0 && ip < spans.length) {
      int s = spans[ip];
      if (s >= 0 && s < positions.length) {
        return positions[s];
      }
    }
    return pos;
  }

  @Override
  public String toString() {
    return kind + (name != null ? " " + name : "") + " at " + pos;
  }
}
