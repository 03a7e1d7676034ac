package org.nix4j.bytecode;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;

/**
 * Prints bytecode for people ({@code nix4j eval --dump-bytecode}): each proto with its kind,
 * name, position and captures, then one instruction per line with its operands and what the
 * constants they refer to are. Nested protos (thunks, lambdas) follow, numbered.
 */
public final class Disassembler {
  private Disassembler() {}

  public static String dump(Proto top) {
    StringBuilder out = new StringBuilder();
    Map<Proto, Integer> ids = new IdentityHashMap<>();
    Deque<Proto> todo = new ArrayDeque<>();
    ids.put(top, 0);
    todo.add(top);
    while (!todo.isEmpty()) {
      Proto p = todo.poll();
      out.append("proto #").append(ids.get(p)).append(' ').append(p.kind);
      if (p.name != null) {
        out.append(" '").append(p.name).append('\'');
      }
      if (p.pos != null) {
        out.append(" at ").append(p.pos.location());
      }
      out.append(", stack ").append(p.maxStack);
      if (p.shareSlot >= 0) {
        out.append(", shares the captures of local ").append(p.shareSlot);
      } else if (p.captures.length > 0) {
        out.append(", captures");
        for (int c : p.captures) {
          out.append((c & 1) == 0 ? " local " : " upvalue ").append(c >> 1);
        }
      }
      if (p.formals != null) {
        out.append(", formals ").append(p.formals.names());
        if (p.formals.ellipsis()) {
          out.append(" ...");
        }
      }
      out.append('\n');
      int ip = 0;
      while (ip < p.code.length) {
        int op = p.code[ip];
        out.append(String.format("  %4d  %-14s", ip, op < Op.COUNT ? Op.NAMES[op] : "?" + op));
        int n = op < Op.COUNT ? Op.OPERANDS[op] : 0;
        for (int i = 1; i <= n && ip + i < p.code.length; i++) {
          out.append(' ').append(p.code[ip + i]);
        }
        String note = note(p, op, ip, ids, todo);
        if (note != null) {
          out.append("    ; ").append(note);
        }
        out.append('\n');
        ip += 1 + n;
      }
    }
    return out.toString();
  }

  private static String note(Proto p, int op, int ip, Map<Proto, Integer> ids, Deque<Proto> todo) {
    switch (op) {
      case Op.CONST, Op.SELECT, Op.SELECT_OR, Op.HAS_ATTR, Op.ASSERT, Op.FORMAL, Op.MISSING_FORMAL,
          Op.THUNK, Op.CLOSURE, Op.THUNK_DEFER, Op.CLOSURE_DEFER, Op.THUNK_CALL, Op.THUNK_SHARED,
          Op.THUNK_GROUP, Op.ATTRS, Op.WITH_LOOKUP,
          Op.DYN_ATTR -> {
        Object c = p.constants[p.code[ip + 1]];
        if (c instanceof Proto q) {
          Integer id = ids.get(q);
          if (id == null) {
            id = ids.size();
            ids.put(q, id);
            todo.add(q);
          }
          return "proto #" + id;
        }
        return describe(c);
      }
      case Op.JUMP, Op.AND_JUMP, Op.OR_JUMP, Op.IMPL_JUMP -> {
        return "to " + (ip + 2 + p.code[ip + 1]);
      }
      case Op.JUMP_IF_FALSE -> {
        return "to " + (ip + 3 + p.code[ip + 1]) + ", unknown to " + (ip + 3 + p.code[ip + 2]);
      }
      default -> {
        return null;
      }
    }
  }

  private static String describe(Object c) {
    if (c instanceof Value v) {
      String s = Printer.print(v);
      return NixString.unicodeOf(s.length() > 60 ? s.substring(0, 60) + "…" : s);
    }
    if (c instanceof String s) {
      return "'" + NixString.unicodeOf(s) + "'";
    }
    if (c instanceof int[] a) {
      return Arrays.toString(a);
    }
    if (c instanceof AttrsShape shape) {
      return "{ " + String.join(" ", shape.names()) + " }";
    }
    return String.valueOf(c);
  }
}
