package org.nix4j.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nix4j.bytecode.Op;
import org.nix4j.bytecode.Proto;

/**
 * The thunks made for the bindings of one set literal, {@code let} or {@code rec}, or for the
 * elements of one list (siblings: one function makes them one after the other, and nothing runs
 * between them), which share one array of captured values instead of one each, as Nix's
 * bindings share one environment.
 *
 * <p>Each sibling is compiled on its own, with its own upvalues, and emitted as usual. When the
 * last one is emitted, {@link #end} decides which of them share: every sibling that captures
 * two values or more, and those that capture one value already among them (a thunk that
 * captures a single value holds it inline, without an array, so one that would add its value to
 * the array stays alone). Their upvalues are renumbered to the union of what they capture
 * ({@link Proto#renumbered}); the first one (in emission order) makes the array, with
 * {@link Op#THUNK} when every value it holds exists already, else with {@link Op#THUNK_GROUP}
 * and a {@link Op#FILL_CAPTURES} after the last sibling (bindings of a rec or let that capture
 * later ones); the others are {@link Op#THUNK_SHARED}, which takes the array from the first
 * one's slot. A sibling that captures nothing stays capture-free.
 */
final class CaptureGroup {
  /** A thunk emitted as a sibling: where its instruction and proto are, and its slot. */
  private record Member(int at, int constant, Proto proto, int slot) {}

  private final Fn owner;
  /** The slots the scope will FINALISE (deferred thunks), or null outside a recursive scope. */
  private final List<Integer> deferred;
  private final List<Member> members = new ArrayList<>();

  CaptureGroup(Fn owner, List<Integer> deferred) {
    this.owner = owner;
    this.deferred = deferred;
  }

  /**
   * Records a thunk that {@code owner} made at code index {@code at} (THUNK or THUNK_DEFER of
   * its constant {@code constant}) and pushed into {@code slot}.
   */
  void add(int at, int constant, Proto proto, int slot) {
    members.add(new Member(at, constant, proto, slot));
  }

  /** After the last sibling: makes those that gain from it share one array. */
  void end() {
    // The union of what they capture, numbered in order: the layout of the shared array.
    Map<Integer, Integer> index = new LinkedHashMap<>();
    for (Member m : members) {
      if (m.proto.captures.length >= 2) {
        for (int source : m.proto.captures) {
          index.putIfAbsent(source, index.size());
        }
      }
    }
    if (index.size() < 2) {
      return;
    }
    List<Member> sharing = new ArrayList<>();
    for (Member m : members) {
      int[] own = m.proto.captures;
      if (own.length >= 2 || (own.length == 1 && index.containsKey(own[0]))) {
        sharing.add(m);
      }
    }
    if (sharing.size() < 2) {
      return;
    }
    int[] sources = new int[index.size()];
    for (Map.Entry<Integer, Integer> e : index.entrySet()) {
      sources[e.getValue()] = e.getKey();
    }
    Member first = sharing.get(0);
    // The array can be filled when the first sibling is made unless it holds a slot that is
    // pushed at or after the first sibling's own (a later binding of a rec or let).
    boolean fillLater = false;
    for (int source : sources) {
      fillLater |= (source & 1) == 0 && (source >> 1) >= first.slot;
    }
    Set<Integer> finalised = new HashSet<>();
    for (Member m : sharing) {
      int[] own = m.proto.captures;
      int[] map = new int[own.length];
      for (int i = 0; i < map.length; i++) {
        map[i] = index.get(own[i]);
      }
      // Every sibling's proto names the one array of sources (only the first one's are read,
      // to fill the array).
      owner.replaceConstant(m.constant,
          m.proto.renumbered(map, sources, m == first ? -1 : first.slot));
      if (owner.opAt(m.at) == Op.THUNK_DEFER) {
        // Its captured values are the shared array's, filled below: nothing left to finalise.
        finalised.add(m.slot);
      }
      owner.patchOp(m.at, m != first ? Op.THUNK_SHARED : fillLater ? Op.THUNK_GROUP : Op.THUNK);
    }
    if (!finalised.isEmpty()) {
      deferred.removeAll(finalised);
    }
    if (fillLater) {
      owner.emit(Op.FILL_CAPTURES, 0, first.slot);
    }
  }
}
