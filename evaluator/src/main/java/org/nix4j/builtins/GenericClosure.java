package org.nix4j.builtins;

import static org.nix4j.builtins.Registry.allStrict;

import java.util.ArrayDeque;
import java.util.ArrayList;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixList;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * {@code builtins.genericClosure { startSet; operator; }}: a work list of sets, each kept the
 * first time its {@code key} is seen; the operator applied to each kept set adds its results to
 * the work list.
 *
 * <p>Nix 2.8 keeps the keys seen in a {@code std::set} ordered by {@code <} (numbers, strings,
 * paths, lists). The keys here live in a red-black tree that is built and searched exactly like
 * libstdc++'s, so that the same pairs are compared in the same order: comparing keys of
 * different types fails with the same "cannot compare" message, and comparing lists (which can
 * need evaluation) goes through the VM.
 */
final class GenericClosure extends Generator {
  private final NixAttrs args;
  private int state;
  private Value operator;
  private final ArrayDeque<Value> work = new ArrayDeque<>();
  private final ArrayList<Value> result = new ArrayList<>();
  private NixAttrs current;
  private Value key;
  private NixList produced;
  private int producedIndex;
  private final KeyTree keys = new KeyTree();

  private GenericClosure(NixAttrs args) {
    this.args = args;
  }

  static void register(Registry r) {
    r.def("genericClosure", 1, allStrict(1),
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new GenericClosure(Args.toAttrs(a[0])));
          }
        });
  }

  private static final int START_SET = 0;
  private static final int GOT_START_SET = 1;
  private static final int GOT_OPERATOR = 2;
  private static final int NEXT = 3;
  private static final int GOT_ELEMENT = 4;
  private static final int GOT_KEY = 5;
  private static final int COMPARED = 6;
  private static final int GOT_RESULTS = 7;
  private static final int GOT_PRODUCED = 8;

  @Override
  public Value resume(Vm vm, Value in) {
    while (true) {
      switch (state) {
        case START_SET -> {
          Value startSet = args.get("startSet");
          if (startSet == null) {
            throw NixError.eval("attribute 'startSet' missing for call to 'genericClosure'");
          }
          state = GOT_START_SET;
          in = vm.force(startSet);
          if (in == null) {
            return null;
          }
        }
        case GOT_START_SET -> {
          NixList start = Args.toList(in);
          for (Value v : start.items()) {
            work.addLast(v);
          }
          Value op = args.get("operator");
          if (op == null) {
            throw NixError.eval("attribute 'operator' missing for call to 'genericClosure'");
          }
          state = GOT_OPERATOR;
          in = vm.force(op);
          if (in == null) {
            return null;
          }
        }
        case GOT_OPERATOR -> {
          operator = in;
          state = NEXT;
        }
        case NEXT -> {
          if (work.isEmpty()) {
            return NixList.wrap(org.nix4j.value.Arrays2.values(result));
          }
          state = GOT_ELEMENT;
          in = vm.force(work.pollFirst());
          if (in == null) {
            return null;
          }
        }
        case GOT_ELEMENT -> {
          current = Args.toAttrs(in);
          Value k = current.get("key");
          if (k == null) {
            throw NixError.eval("attribute 'key' required");
          }
          state = GOT_KEY;
          in = vm.force(k);
          if (in == null) {
            return null;
          }
        }
        case GOT_KEY -> {
          key = in;
          keys.begin(key);
          in = null;
          state = COMPARED;
        }
        case COMPARED -> {
          // Walk the tree: each step may need a comparison answered by the VM.
          if (in != null) {
            keys.answer(in == NixBool.TRUE);
          }
          while (keys.needsComparison()) {
            in = vm.lessThan(keys.left(), keys.right());
            if (in == null) {
              return null;
            }
            keys.answer(in == NixBool.TRUE);
          }
          if (!keys.insert()) {
            state = NEXT;
            continue;
          }
          result.add(current);
          state = GOT_RESULTS;
          in = vm.call(operator, current);
          if (in == null) {
            return null;
          }
        }
        case GOT_RESULTS -> {
          produced = Args.toList(in);
          producedIndex = 0;
          state = GOT_PRODUCED;
          in = null;
        }
        case GOT_PRODUCED -> {
          if (in != null) {
            work.addLast(in);
            producedIndex++;
          }
          while (producedIndex < produced.size()) {
            in = vm.force(produced.get(producedIndex));
            if (in == null) {
              return null;
            }
            work.addLast(in);
            producedIndex++;
          }
          produced = null;
          state = NEXT;
        }
        default -> throw new IllegalStateException();
      }
    }
  }

  /**
   * The keys seen: a red-black tree with libstdc++'s {@code _M_get_insert_unique_pos} search and
   * its insertion rebalancing. A search is driven from outside: {@link #needsComparison} says
   * whether it needs {@code left() < right()}, {@link #answer} gives the answer.
   */
  static final class KeyTree {
    private static final class Node {
      final Value key;
      Node left;
      Node right;
      Node parent;
      boolean red = true;

      Node(Value key) {
        this.key = key;
      }
    }

    private Node root;
    private Node leftmost;
    // The search in progress.
    private Value k;
    private Node x;
    private Node y;
    private boolean comp;
    /** 0: walking down; 1: need key(j) < k; 2: done, insert; 3: done, present. */
    private int phase;
    private Node j;

    void begin(Value key) {
      k = key;
      x = root;
      y = null;
      comp = true;
      phase = 0;
      advance();
    }

    boolean needsComparison() {
      return phase == 0 || phase == 1;
    }

    Value left() {
      return phase == 0 ? k : j.key;
    }

    Value right() {
      return phase == 0 ? x.key : k;
    }

    void answer(boolean less) {
      if (phase == 0) {
        comp = less;
        y = x;
        x = less ? x.left : x.right;
        advance();
      } else {
        phase = less ? 2 : 3;
      }
    }

    private void advance() {
      if (x != null) {
        return;
      }
      // The walk has ended below y.
      if (y == null) {
        phase = 2;
        return;
      }
      j = y;
      if (comp) {
        if (j == leftmost) {
          phase = 2;
          return;
        }
        j = predecessor(j);
      }
      phase = 1;
    }

    private static Node predecessor(Node n) {
      if (n.left != null) {
        n = n.left;
        while (n.right != null) {
          n = n.right;
        }
        return n;
      }
      Node p = n.parent;
      while (p != null && n == p.left) {
        n = p;
        p = p.parent;
      }
      return p;
    }

    /** Ends the search: inserts the key and returns true, or returns false if it was there. */
    boolean insert() {
      if (phase == 3) {
        return false;
      }
      Node z = new Node(k);
      if (y == null) {
        root = z;
        leftmost = z;
        z.red = false;
        return true;
      }
      // libstdc++ compares k with y's key again to choose the side: the same answer as the
      // last step of the walk.
      z.parent = y;
      if (comp) {
        y.left = z;
        if (y == leftmost) {
          leftmost = z;
        }
      } else {
        y.right = z;
      }
      rebalance(z);
      return true;
    }

    private void rebalance(Node z) {
      while (z != root && z.parent.red) {
        Node xpp = z.parent.parent;
        if (z.parent == xpp.left) {
          Node u = xpp.right;
          if (u != null && u.red) {
            z.parent.red = false;
            u.red = false;
            xpp.red = true;
            z = xpp;
          } else {
            if (z == z.parent.right) {
              z = z.parent;
              rotateLeft(z);
            }
            z.parent.red = false;
            xpp.red = true;
            rotateRight(xpp);
          }
        } else {
          Node u = xpp.left;
          if (u != null && u.red) {
            z.parent.red = false;
            u.red = false;
            xpp.red = true;
            z = xpp;
          } else {
            if (z == z.parent.left) {
              z = z.parent;
              rotateRight(z);
            }
            z.parent.red = false;
            xpp.red = true;
            rotateLeft(xpp);
          }
        }
      }
      root.red = false;
    }

    private void rotateLeft(Node n) {
      Node r = n.right;
      n.right = r.left;
      if (r.left != null) {
        r.left.parent = n;
      }
      r.parent = n.parent;
      if (n == root) {
        root = r;
      } else if (n == n.parent.left) {
        n.parent.left = r;
      } else {
        n.parent.right = r;
      }
      r.left = n;
      n.parent = r;
    }

    private void rotateRight(Node n) {
      Node l = n.left;
      n.left = l.right;
      if (l.right != null) {
        l.right.parent = n;
      }
      l.parent = n.parent;
      if (n == root) {
        root = l;
      } else if (n == n.parent.right) {
        n.parent.right = l;
      } else {
        n.parent.left = l;
      }
      l.right = n;
      n.parent = l;
    }
  }
}
