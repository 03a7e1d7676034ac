package org.nix4j.bytecode;

/**
 * The opcodes of nix4j's bytecode. Each instruction is one {@code int} opcode followed by its
 * operands ({@link #OPERANDS}). "Forced" means in weak head normal form (not a thunk).
 *
 * <p>Stack discipline: every expression leaves exactly one value on the stack. Locals (let and
 * rec bindings, with-scopes, formals) are stack slots above the frame's base, addressed by their
 * index; {@link #CLOSE_SCOPE} drops a scope's slots from under the value an expression left.
 */
public final class Op {
  private Op() {}

  /** CONST k: push constants[k] (a value). */
  public static final int CONST = 0;
  /** LOCAL s: push the frame's slot s. */
  public static final int LOCAL = 1;
  /** UPVAL i: push the closure's upvalue i. */
  public static final int UPVAL = 2;
  /** POP: drop the top value. */
  public static final int POP = 3;
  /** FORCE: force the top value to weak head normal form. */
  public static final int FORCE = 4;
  /** THUNK k: push a thunk of proto constants[k], capturing now. */
  public static final int THUNK = 5;
  /** CLOSURE k: push a closure of proto constants[k], capturing now. */
  public static final int CLOSURE = 6;
  /** THUNK_DEFER k: push a thunk of proto constants[k] whose captures FINALISE fills later. */
  public static final int THUNK_DEFER = 7;
  /** CLOSURE_DEFER k: as THUNK_DEFER, for a closure. */
  public static final int CLOSURE_DEFER = 8;
  /** FINALISE s: fill the captures of the deferred thunk or closure in slot s (if it is one). */
  public static final int FINALISE = 9;
  /** CLOSE_SCOPE n: keep the top value, drop the n slots beneath it. */
  public static final int CLOSE_SCOPE = 10;
  /**
   * ADD k: a b (forced) → a + b (numbers, strings, paths); constants[k] holds the positions of
   * the two operands (SourcePos[2]) for errors about one of them.
   */
  public static final int ADD = 11;
  /** SUB: a b (forced) → a - b. */
  public static final int SUB = 12;
  /** MUL: a b (forced) → a * b. */
  public static final int MUL = 13;
  /** DIV: a b (forced) → a / b. */
  public static final int DIV = 14;
  /** LESS: a b (forced) → a < b (numbers, strings, paths, lists). */
  public static final int LESS = 15;
  /** EQ: a b → a == b (forces what it compares). */
  public static final int EQ = 16;
  /** NEQ: a b → a != b. */
  public static final int NEQ = 17;
  /** NOT: b (forced Boolean) → !b. */
  public static final int NOT = 18;
  /** CONCAT: a b (forced lists) → a ++ b. */
  public static final int CONCAT = 19;
  /** UPDATE: a b (forced sets) → a // b. */
  public static final int UPDATE = 20;
  /** JUMP d: ip += d (d relative to the next instruction). */
  public static final int JUMP = 21;
  /**
   * JUMP_IF_FALSE d e: pop a forced Boolean; jump by d if false. An unknown condition stays on
   * the stack as the result of the whole {@code if}, and the jump is by e (to its end).
   */
  public static final int JUMP_IF_FALSE = 22;
  /** AND_JUMP d: the top is a forced Boolean; if false keep it and jump, else pop it. */
  public static final int AND_JUMP = 23;
  /** OR_JUMP d: the top is a forced Boolean; if true keep it and jump, else pop it. */
  public static final int OR_JUMP = 24;
  /** IMPL_JUMP d: the top is a forced Boolean; if false replace it by true and jump, else pop it. */
  public static final int IMPL_JUMP = 25;
  /** ASSERT_BOOL: the top must be a Boolean. */
  public static final int ASSERT_BOOL = 26;
  /** ATTRS k n: pop n values; push a set with the sorted names constants[k] (String[]). */
  public static final int ATTRS = 27;
  /** DYN_ATTR k: set name(forced) value → set with name added (null names skip); k: position. */
  public static final int DYN_ATTR = 28;
  /** LIST n: pop n values, push a list of them. */
  public static final int LIST = 29;
  /** SELECT k: pop a forced set, push its attribute constants[k]. */
  public static final int SELECT = 30;
  /** SELECT_DYN: set(forced) name(forced) → the attribute. */
  public static final int SELECT_DYN = 31;
  /** SELECT_OR k d: forced value → its attribute constants[k], or pop and jump if missing. */
  public static final int SELECT_OR = 32;
  /** SELECT_DYN_OR d: value(forced) name(forced) → attribute, or pop both and jump. */
  public static final int SELECT_DYN_OR = 33;
  /** HAS_ATTR k: forced value → whether it is a set with attribute constants[k]. */
  public static final int HAS_ATTR = 34;
  /** HAS_ATTR_DYN: value(forced) name(forced) → Boolean. */
  public static final int HAS_ATTR_DYN = 35;
  /** CALL n: f a1 … an → f a1 … an (forced result). */
  public static final int CALL = 36;
  /** RETURN: finish the frame with the top value (forced). */
  public static final int RETURN = 37;
  /**
   * INTERP n k: pop n forced parts, push their concatenation (coerced to strings);
   * constants[k] holds the parts' positions (SourcePos[n]) for coercion errors.
   */
  public static final int INTERP = 38;
  /** ASSERT k: pop a forced Boolean; if false fail with message constants[k]. */
  public static final int ASSERT = 39;
  /** WITH_LOOKUP k c: look constants[k] up in the with-scopes listed by constants[c] (int[]). */
  public static final int WITH_LOOKUP = 40;
  /** TO_PATH k: forced string → path, relative ones resolved against constants[k]. */
  public static final int TO_PATH = 41;
  /** FORMAL k d: slot 0 is the forced argument set; push its attribute constants[k] and jump, or fall through. */
  public static final int FORMAL = 42;
  /** FORMALS_CHECK: check slot 0 (forced set) against the proto's formals. */
  public static final int FORMALS_CHECK = 43;
  /** MISSING_FORMAL k: fail: the argument constants[k] is required. */
  public static final int MISSING_FORMAL = 44;
  /** NOP: does nothing. */
  public static final int NOP = 45;
  /** SET_SLOT s: pop the top value into slot s. */
  public static final int SET_SLOT = 46;

  /** FAIL: pop a string and fail with it as the message (code that did not compile). */
  public static final int FAIL = 47;

  /**
   * LOCAL_FORCE s: LOCAL s then FORCE, in one instruction. The VM rewrites {@code LOCAL s; FORCE}
   * into it in place ({@link Proto}): the FORCE stays after it, for jumps that land on it and for
   * the slow path (a thunk that needs a frame), and the fused instruction skips it otherwise.
   */
  public static final int LOCAL_FORCE = 48;
  /** UPVAL_FORCE i: UPVAL i then FORCE, as {@link #LOCAL_FORCE}. */
  public static final int UPVAL_FORCE = 49;

  /**
   * LESS_JUMP: LESS then JUMP_IF_FALSE d e (its operands follow, in the JUMP_IF_FALSE), fused in
   * place as {@link #LOCAL_FORCE}: on two integers it branches at once; otherwise it is a LESS.
   */
  public static final int LESS_JUMP = 50;
  /**
   * THUNK_CALL k: THUNK k then CALL 1, fused in place as {@link #LOCAL_FORCE}: a lambda is
   * called with the new thunk at once; anything else goes on with the CALL that follows.
   */
  public static final int THUNK_CALL = 51;

  /**
   * SELECT_FORCE k: SELECT k then FORCE, fused in place as {@link #LOCAL_FORCE}: an attribute
   * that is evaluated skips the FORCE; a pending one is left to it.
   */
  public static final int SELECT_FORCE = 52;

  /**
   * ADD_LEFT k: the forced left operand of {@code +} on top, before the right one is evaluated:
   * fails as Nix does when it can be neither added to nor coerced to a string, and replaces a
   * set by its coercion (Nix coerces the left operand before it evaluates the right one);
   * constants[k] is its position.
   */
  public static final int ADD_LEFT = 53;

  /**
   * INTERP_PART k: a forced part of an interpolated string on top, before the next parts are
   * evaluated: fails as Nix's coercion of it does when it cannot become a string (numbers
   * cannot), and replaces a set by its string; constants[k] is its position.
   */
  public static final int INTERP_PART = 54;

  /**
   * THUNK_SHARED k: push a thunk of proto constants[k] that shares the array of captured values
   * of the thunk in slot constants[k].shareSlot: a sibling of the same set, let, rec or list,
   * made just before by THUNK or THUNK_GROUP (the compiler lays the siblings' upvalues out as one
   * array, the union of what they capture).
   */
  public static final int THUNK_SHARED = 55;
  /**
   * THUNK_GROUP k: push a thunk of proto constants[k] with a new, empty array for its captured
   * values, which its siblings share (THUNK_SHARED) and FILL_CAPTURES fills once every slot
   * they come from exists (a rec or let whose bindings capture later ones).
   */
  public static final int THUNK_GROUP = 56;
  /** FILL_CAPTURES s: fill the array of captured values of the THUNK_GROUP thunk in slot s. */
  public static final int FILL_CAPTURES = 57;

  public static final int COUNT = 58;

  /** Number of operands of each opcode. */
  public static final int[] OPERANDS = new int[COUNT];
  /** Names for the disassembler. */
  public static final String[] NAMES = new String[COUNT];

  static {
    def(CONST, "CONST", 1);
    def(LOCAL, "LOCAL", 1);
    def(UPVAL, "UPVAL", 1);
    def(POP, "POP", 0);
    def(FORCE, "FORCE", 0);
    def(ADD_LEFT, "ADD_LEFT", 1);
    def(INTERP_PART, "INTERP_PART", 1);
    def(THUNK, "THUNK", 1);
    def(CLOSURE, "CLOSURE", 1);
    def(THUNK_DEFER, "THUNK_DEFER", 1);
    def(CLOSURE_DEFER, "CLOSURE_DEFER", 1);
    def(FINALISE, "FINALISE", 1);
    def(CLOSE_SCOPE, "CLOSE_SCOPE", 1);
    def(ADD, "ADD", 1);
    def(SUB, "SUB", 0);
    def(MUL, "MUL", 0);
    def(DIV, "DIV", 0);
    def(LESS, "LESS", 0);
    def(EQ, "EQ", 0);
    def(NEQ, "NEQ", 0);
    def(NOT, "NOT", 0);
    def(CONCAT, "CONCAT", 0);
    def(UPDATE, "UPDATE", 0);
    def(JUMP, "JUMP", 1);
    def(JUMP_IF_FALSE, "JUMP_IF_FALSE", 2);
    def(AND_JUMP, "AND_JUMP", 1);
    def(OR_JUMP, "OR_JUMP", 1);
    def(IMPL_JUMP, "IMPL_JUMP", 1);
    def(ASSERT_BOOL, "ASSERT_BOOL", 0);
    def(ATTRS, "ATTRS", 2);
    def(DYN_ATTR, "DYN_ATTR", 1);
    def(LIST, "LIST", 1);
    def(SELECT, "SELECT", 1);
    def(SELECT_DYN, "SELECT_DYN", 0);
    def(SELECT_OR, "SELECT_OR", 2);
    def(SELECT_DYN_OR, "SELECT_DYN_OR", 1);
    def(HAS_ATTR, "HAS_ATTR", 1);
    def(HAS_ATTR_DYN, "HAS_ATTR_DYN", 0);
    def(CALL, "CALL", 1);
    def(RETURN, "RETURN", 0);
    def(INTERP, "INTERP", 2);
    def(ASSERT, "ASSERT", 1);
    def(WITH_LOOKUP, "WITH_LOOKUP", 2);
    def(TO_PATH, "TO_PATH", 1);
    def(FORMAL, "FORMAL", 2);
    def(FORMALS_CHECK, "FORMALS_CHECK", 0);
    def(MISSING_FORMAL, "MISSING_FORMAL", 1);
    def(NOP, "NOP", 0);
    def(SET_SLOT, "SET_SLOT", 1);
    def(FAIL, "FAIL", 0);
    def(LOCAL_FORCE, "LOCAL_FORCE", 1);
    def(UPVAL_FORCE, "UPVAL_FORCE", 1);
    def(LESS_JUMP, "LESS_JUMP", 0);
    def(THUNK_CALL, "THUNK_CALL", 1);
    def(SELECT_FORCE, "SELECT_FORCE", 1);
    def(THUNK_SHARED, "THUNK_SHARED", 1);
    def(THUNK_GROUP, "THUNK_GROUP", 1);
    def(FILL_CAPTURES, "FILL_CAPTURES", 1);
  }

  private static void def(int op, String name, int operands) {
    NAMES[op] = name;
    OPERANDS[op] = operands;
  }
}
