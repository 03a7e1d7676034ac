package org.nix4j.vm;

import java.util.Arrays;
import java.util.IdentityHashMap;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;

/**
 * Forces a value and everything in it, depth first in attribute order, as
 * {@code builtins.deepSeq}, {@code --strict} and {@code toJSON} need. Shared and cyclic values
 * are visited once. The path being walked is an explicit stack, so a list nested a million deep
 * takes heap, not Java stack.
 */
final class DeepForce extends Generator {
  private final Value root;
  private Value rootForced;
  private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
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
      enter(in);
    } else {
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
      // Only sets and lists can lead back to themselves; a thunk forced twice costs nothing.
      Value forced = vm.force(child);
      if (forced == null) {
        return null;
      }
      if (forced == child) {
        // A container held directly (not through a thunk): enter() marks it itself.
        seen.remove(child);
      }
      enter(forced);
    }
    return rootForced;
  }

  private void enter(Value v) {
    Value[] children;
    NixAttrs owner = null;
    int[] order = null;
    if (v instanceof NixAttrs a) {
      if (a.isEmpty() || seen.put(a, Boolean.TRUE) != null) {
        return;
      }
      children = a.values();
      owner = a;
      order = a.iterationOrder();
    } else if (v instanceof NixList l) {
      if (l.size() == 0 || seen.put(l, Boolean.TRUE) != null) {
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
