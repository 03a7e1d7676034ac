package org.nix4j.builtins;

import java.util.ArrayList;
import org.nix4j.value.Builtin;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixList;
import org.nix4j.value.Value;
import org.nix4j.vm.Generator;
import org.nix4j.vm.Vm;

/**
 * {@code builtins.sort cmp list}: forces every element in order, then sorts stably with exactly
 * the comparisons libstdc++'s {@code std::stable_sort} makes (the one Nix 2.8 calls), in the same
 * order. A comparator that is not a strict weak order ({@code a: b: a <= b}, {@code a: b: true})
 * then gives the permutation Nix gives, and a comparator that fails fails on the same pair.
 *
 * <p>libstdc++ (with its temporary buffer allocated, as it always is in practice) sorts each
 * half of the range, first by insertion sort on chunks of 7 elements and then by merge passes
 * that alternate between the array and the buffer, and finally merges the two halves through the
 * buffer, forwards or backwards. Which ranges each step works on depends only on the length, so
 * the steps are listed up front ({@link Step}); running them is a state machine that stops at
 * each comparison: the comparator is a Nix function called through the VM, and the sort resumes
 * with its answer. Nothing recurses on the Java stack.
 *
 * <p>{@code builtins.lessThan} as comparator is compared directly, as Nix does.
 */
final class SortBuiltin {
  private SortBuiltin() {}

  /** libstdc++'s {@code _S_chunk_size}. */
  private static final int CHUNK = 7;

  static void register(Registry r) {
    r.add(new OrderedPrimop("sort", 2, new int[] {0, 1},
        new Expect[] {Expect.FUNCTION, Expect.LIST},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            return vm.push(new Sort(a[0], (NixList) a[1]));
          }
        }), false);
  }

  /** One step of the sort: an insertion sort of a range, or a merge of two runs. */
  private static final class Step {
    final boolean insertion;
    final int first;
    final int last;
    // Merges: run 1 is in1[f1, l1), run 2 is in2[f2, l2), written to out from outAt.
    final boolean in1Buf;
    final int l1;
    final boolean in2Buf;
    final int f2;
    final int l2;
    final boolean outBuf;
    final int outAt;
    /** A backward merge (the final merge when the first half is the longer). */
    final boolean backward;

    private Step(boolean insertion, int first, int last, boolean in1Buf, int l1, boolean in2Buf,
        int f2, int l2, boolean outBuf, int outAt, boolean backward) {
      this.insertion = insertion;
      this.first = first;
      this.last = last;
      this.in1Buf = in1Buf;
      this.l1 = l1;
      this.in2Buf = in2Buf;
      this.f2 = f2;
      this.l2 = l2;
      this.outBuf = outBuf;
      this.outAt = outAt;
      this.backward = backward;
    }

    static Step insertion(int first, int last) {
      return new Step(true, first, last, false, 0, false, 0, 0, false, 0, false);
    }

    static Step merge(boolean in1Buf, int f1, int l1, boolean in2Buf, int f2, int l2,
        boolean outBuf, int outAt) {
      return new Step(false, f1, 0, in1Buf, l1, in2Buf, f2, l2, outBuf, outAt, false);
    }
  }

  /** The steps of libstdc++'s {@code __stable_sort_adaptive} for {@code n} elements. */
  static ArrayList<Step> plan(int n) {
    ArrayList<Step> steps = new ArrayList<>();
    if (n < 2) {
      return steps;
    }
    int mid = (n + 1) / 2;
    mergeSortWithBuffer(steps, 0, mid);
    mergeSortWithBuffer(steps, mid, n);
    int len1 = mid;
    int len2 = n - mid;
    if (len1 <= len2) {
      // Copy the first half to the buffer, merge forwards into the array.
      steps.add(Step.merge(true, 0, len1, false, mid, n, false, 0));
    } else {
      // Copy the second half to the buffer, merge backwards into the array.
      steps.add(new Step(false, 0, 0, false, mid, true, 0, len2, false, n, true));
    }
    return steps;
  }

  private static void mergeSortWithBuffer(ArrayList<Step> steps, int first, int last) {
    int len = last - first;
    int f = first;
    while (last - f >= CHUNK) {
      steps.add(Step.insertion(f, f + CHUNK));
      f += CHUNK;
    }
    steps.add(Step.insertion(f, last));
    int step = CHUNK;
    while (step < len) {
      mergeSortLoop(steps, false, first, last, true, 0, step);
      step *= 2;
      mergeSortLoop(steps, true, 0, len, false, first, step);
      step *= 2;
    }
  }

  /** libstdc++'s {@code __merge_sort_loop}: merges runs of {@code step} from one array to the other. */
  private static void mergeSortLoop(ArrayList<Step> steps, boolean fromBuf, int first, int last,
      boolean toBuf, int result, int step) {
    int twoStep = 2 * step;
    while (last - first >= twoStep) {
      steps.add(Step.merge(fromBuf, first, first + step, fromBuf, first + step, first + twoStep,
          toBuf, result));
      result += twoStep;
      first += twoStep;
    }
    int s = Math.min(last - first, step);
    steps.add(Step.merge(fromBuf, first, first + s, fromBuf, first + s, last, toBuf, result));
  }

  /** The sort as a generator: forcing the elements, then the steps, one comparison at a time. */
  static final class Sort extends Generator {
    // Nix calls the function with the position of the builtin's call.
    @Override
    public boolean callsAtItsPosition() {
      return true;
    }

    private final Value cmp;
    private final boolean lessThan;
    private final NixList list;
    private final Value[] a;
    private Value[] buf;
    private int forced;
    private boolean forcing = true;
    private boolean waiting;
    /** Waiting for {@code cmp x}, to apply it to y. */
    private boolean halfway;

    private ArrayList<Step> steps;
    private int stepIndex = -1;
    private Step step;
    // State of the current step.
    private int i;
    private int j;
    private int next;
    private Value val;
    private int mode;
    private int f1;
    private int l1;
    private int f2;
    private int l2;
    private int out;
    // The comparison asked for.
    private Value x;
    private Value y;

    Sort(Value cmp, NixList list) {
      this.cmp = cmp;
      this.lessThan = cmp instanceof Builtin b && b.name.equals("lessThan") && b.arity == 2;
      this.list = list;
      this.a = new Value[list.size()];
    }

    @Override
    public Value resume(Vm vm, Value in) {
      if (forcing) {
        if (waiting) {
          waiting = false;
          a[forced++] = in;
        }
        while (forced < a.length) {
          Value v = vm.force(list.get(forced));
          if (v == null) {
            waiting = true;
            return null;
          }
          a[forced++] = v;
        }
        forcing = false;
        if (a.length < 2) {
          return NixList.wrap(a);
        }
        buf = new Value[a.length];
        steps = plan(a.length);
        in = null;
      }
      boolean answer = false;
      boolean haveAnswer = false;
      if (halfway) {
        // The comparator applied to x: apply that to y.
        halfway = false;
        in = vm.call(in, y);
        if (in == null) {
          waiting = true;
          return null;
        }
        answer = truth(in);
        haveAnswer = true;
      } else if (waiting) {
        waiting = false;
        answer = truth(in);
        haveAnswer = true;
      }
      while (true) {
        if (!advance(haveAnswer, answer)) {
          return NixList.wrap(a);
        }
        Value r;
        if (lessThan) {
          r = vm.lessThan(x, y);
        } else {
          // cmp x y, one argument at a time (no frame of its own for the application).
          r = vm.call(cmp, x);
          if (r == null) {
            halfway = true;
            return null;
          }
          r = vm.call(r, y);
        }
        if (r == null) {
          waiting = true;
          return null;
        }
        answer = truth(r);
        haveAnswer = true;
      }
    }

    private boolean truth(Value r) {
      return lessThan ? r == NixBool.TRUE : Expect.bool(r);
    }

    private Value[] arr(boolean isBuf) {
      return isBuf ? buf : a;
    }

    /**
     * Runs the steps until a comparison is needed ({@link #x} &lt; {@link #y}?; returns true) or
     * the sort is done (returns false). {@code answer} answers the comparison asked last.
     */
    private boolean advance(boolean haveAnswer, boolean answer) {
      while (true) {
        if (step == null) {
          if (++stepIndex == steps.size()) {
            return false;
          }
          start(steps.get(stepIndex));
          haveAnswer = false;
        }
        boolean asked = step.insertion ? insertion(haveAnswer, answer)
            : step.backward ? backward(haveAnswer, answer) : merge(haveAnswer, answer);
        if (asked) {
          return true;
        }
        step = null;
        haveAnswer = false;
      }
    }

    private void start(Step s) {
      step = s;
      if (s.insertion) {
        i = s.first + 1;
        mode = 0;
      } else if (s.backward) {
        // Copy the second half to the buffer; merge a[0, mid) and buf[0, len2) from the back.
        System.arraycopy(a, s.l1, buf, 0, s.l2);
        l1 = s.l1 - 1;
        l2 = s.l2 - 1;
        out = s.outAt;
        mode = s.l2 == 0 ? 2 : 0;
      } else {
        f1 = s.first;
        l1 = s.l1;
        f2 = s.f2;
        l2 = s.l2;
        out = s.outAt;
        if (s.in1Buf != s.in2Buf) {
          // The final forward merge: the first half goes to the buffer first.
          System.arraycopy(a, 0, buf, 0, s.l1);
        }
      }
    }

    /** __insertion_sort on a[first, last), with __unguarded_linear_insert. */
    private boolean insertion(boolean haveAnswer, boolean answer) {
      int first = step.first;
      int last = step.last;
      while (true) {
        if (mode == 0) {
          if (i >= last) {
            return false;
          }
          if (!haveAnswer) {
            x = a[i];
            y = a[first];
            return true;
          }
          haveAnswer = false;
          if (answer) {
            Value v = a[i];
            System.arraycopy(a, first, a, first + 1, i - first);
            a[first] = v;
            i++;
            continue;
          }
          val = a[i];
          j = i;
          next = i - 1;
          mode = 1;
        } else {
          if (haveAnswer) {
            haveAnswer = false;
            if (answer) {
              a[j] = a[next];
              j = next;
              next--;
            } else {
              a[j] = val;
              val = null;
              i++;
              mode = 0;
              continue;
            }
          }
          // libstdc++ does not check the bound (the comparison with a[first] said stop); a
          // comparator that is not an order could walk below it: as in C++, down to the
          // array's start, which we do not pass.
          if (next < 0) {
            a[j] = val;
            val = null;
            i++;
            mode = 0;
            continue;
          }
          x = val;
          y = a[next];
          return true;
        }
      }
    }

    /** __move_merge / __move_merge_adaptive: run 2's head first if it is less than run 1's. */
    private boolean merge(boolean haveAnswer, boolean answer) {
      Value[] in1 = arr(step.in1Buf);
      Value[] in2 = arr(step.in2Buf);
      Value[] dst = arr(step.outBuf);
      while (f1 < l1 && f2 < l2) {
        if (!haveAnswer) {
          x = in2[f2];
          y = in1[f1];
          return true;
        }
        haveAnswer = false;
        if (answer) {
          dst[out++] = in2[f2++];
        } else {
          dst[out++] = in1[f1++];
        }
      }
      int r1 = l1 - f1;
      System.arraycopy(in1, f1, dst, out, r1);
      out += r1;
      if (!(in2 == dst && out == f2)) {
        System.arraycopy(in2, f2, dst, out, l2 - f2);
      }
      return false;
    }

    /** __move_merge_adaptive_backward of a[0, mid) and buf[0, len2) into a, from the end. */
    private boolean backward(boolean haveAnswer, boolean answer) {
      if (mode == 2) {
        return false;
      }
      while (true) {
        if (!haveAnswer) {
          x = buf[l2];
          y = a[l1];
          return true;
        }
        haveAnswer = false;
        if (answer) {
          a[--out] = a[l1];
          if (l1 == 0) {
            int len = l2 + 1;
            System.arraycopy(buf, 0, a, out - len, len);
            return false;
          }
          l1--;
        } else {
          a[--out] = buf[l2];
          if (l2 == 0) {
            return false;
          }
          l2--;
        }
      }
    }
  }
}
