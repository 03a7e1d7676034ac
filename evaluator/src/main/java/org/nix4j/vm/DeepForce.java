package org.nix4j.vm;

import java.util.Arrays;
import java.util.IdentityHashMap;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * Forces a value and everything in it, depth first in attribute order, as
 * {@code builtins.deepSeq}, {@code --strict} and {@code toJSON} need. Like Nix, which remembers
 * the value cells it has visited, the walk visits each thunk once: a thunk it has forced is
 * {@linkplain Thunk#markVisited marked} with this walk's token (no hashing of what was seen),
 * so shared values are walked once and a value that contains itself (always through a thunk:
 * values are immutable) ends the walk there. The path being walked is an explicit stack, so a
 * list nested a million deep takes heap, not Java stack.
 */
final class DeepForce extends Generator {
  private final Value root;
  private Value rootForced;
  /** This walk's mark on the thunks it visited. */
  private final Object token = new Object();
  /** The thunk being forced while the walk waits for the VM. */
  private Thunk forcing;
  /** The sets and lists held directly (not through a thunk) that were walked, see below. */
  private IdentityHashMap<Value, Boolean> directSeen;
  // The walk: containers being visited and the index of the next child in each.
  private Value[][] items = new Value[16][];
  private NixAttrs[] owners = new NixAttrs[16];
  private int[][] orders = new int[16][];
  private int[] next = new int[16];
  private int top = -1;
  /** Whether the answer being waited for is the root's forced value. */
  private int state;

  DeepForce(Value root) {
    this.root = root;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    if (state == 0) {
      state = 1;
      in = vm.force(root);
      if (in == null) {
        return null;
      }
    }
    if (state == 1) {
      rootForced = in;
      state = 2;
      if (root instanceof Thunk t) {
        t.markVisited(token);
      }
      enter(in);
    } else {
      if (forcing != null) {
        forcing.markVisited(token);
        forcing = null;
      }
      enter(in);
    }
    while (top >= 0) {
      Value[] its = items[top];
      int i = next[top];
      if (i == its.length) {
        items[top] = null;
        owners[top] = null;
        orders[top] = null;
        top--;
        continue;
      }
      next[top] = i + 1;
      int[] order = orders[top];
      Value child = its[order == null ? i : order[i]];
      Value forced;
      if (child instanceof Thunk t) {
        if (t.visitedBy(token)) {
          continue;
        }
        forced = vm.force(t);
        if (forced == null) {
          forcing = t;
          return null;
        }
        t.markVisited(token);
      } else {
        forced = child;
        if (leadsFurther(child)) {
          // A set or list held directly that holds more than scalars: the same one may be
          // held again (e.g. `[ acc acc ]` with acc a forced argument), and walking it each time
          // would grow exponentially with the nesting; Nix walks the cell it is in once.
          if (directSeen == null) {
            directSeen = new IdentityHashMap<>();
          }
          if (directSeen.put(child, Boolean.TRUE) != null) {
            continue;
          }
        }
      }
      enter(forced);
    }
    return rootForced;
  }

  /** Whether v is a set or list holding a thunk, a set or a list (more than scalars). */
  private static boolean leadsFurther(Value v) {
    Value[] children;
    if (v instanceof NixAttrs a) {
      children = a.values();
    } else if (v instanceof NixList l) {
      children = l.items();
    } else {
      return false;
    }
    for (Value c : children) {
      if (c instanceof Thunk || c instanceof NixAttrs || c instanceof NixList) {
        return true;
      }
    }
    return false;
  }

  private void enter(Value v) {
    Value[] children;
    NixAttrs owner = null;
    int[] order = null;
    if (v instanceof NixAttrs a) {
      if (a.isEmpty()) {
        return;
      }
      children = a.values();
      owner = a;
      order = a.iterationOrder();
    } else if (v instanceof NixList l) {
      if (l.size() == 0) {
        return;
      }
      children = l.items();
    } else {
      return;
    }
    if (++top == items.length) {
      items = Arrays.copyOf(items, top * 2);
      owners = Arrays.copyOf(owners, top * 2);
      next = Arrays.copyOf(next, top * 2);
      orders = Arrays.copyOf(orders, top * 2);
    }
    items[top] = children;
    owners[top] = owner;
    orders[top] = order;
    next[top] = 0;
  }

  @Override
  public Value onError(Vm vm, NixError error) {
    // Add the attribute path being forced to the trace, innermost first.
    for (int t = top; t >= 0; t--) {
      NixAttrs owner = owners[t];
      if (owner != null && next[t] > 0) {
        int i = orders[t] == null ? next[t] - 1 : orders[t][next[t] - 1];
        SourcePos pos = owner.positionAt(i);
        error.addTrace("while evaluating the attribute '" + owner.nameAt(i) + "'", pos);
      }
    }
    return null;
  }
}
