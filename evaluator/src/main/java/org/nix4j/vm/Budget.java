package org.nix4j.vm;

/**
 * Limits on an evaluation: a cancel flag, a number of steps (frames pushed), a deadline and a
 * memory floor. The VM calls {@link #tick} on every frame it pushes; checks that cost more than
 * a counter run every {@link #CHECK_EVERY} ticks. Evaluation stops with a {@link NixError} of
 * kind {@link NixError.Kind#INTERRUPTED}; threads are never killed.
 */
public final class Budget {
  /** No limits at all (the command line). */
  public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE, Long.MAX_VALUE, 0);

  static final int CHECK_EVERY = 4096;

  private volatile boolean cancelled;
  private long stepsLeft;
  private final long deadlineNanos;
  private final long minFreeBytes;
  private int countdown = CHECK_EVERY;

  /**
   * @param maxSteps frames the evaluation may push
   * @param maxNanos wall time it may take, from now
   * @param minFreeBytes stop when less heap than this remains free (0: no check)
   */
  public Budget(long maxSteps, long maxNanos, long minFreeBytes) {
    this.stepsLeft = maxSteps;
    long now = System.nanoTime();
    this.deadlineNanos = maxNanos == Long.MAX_VALUE ? Long.MAX_VALUE : now + maxNanos;
    this.minFreeBytes = minFreeBytes;
  }

  /** Asks the evaluation to stop; safe from any thread. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Clears a cancellation, so that an owner that outlives one evaluation (the REPL, where Ctrl-C
   * stops the current input only) can run the next one under the same budget.
   */
  public void clearCancel() {
    cancelled = false;
  }

  /** Counts one step; small and final, so that even C1 inlines it into the VM loop. */
  final void tick() {
    if (--countdown > 0) {
      return;
    }
    countdown = CHECK_EVERY;
    check();
  }

  private void check() {
    if (cancelled) {
      throw new NixError(NixError.Kind.INTERRUPTED, "evaluation cancelled");
    }
    stepsLeft -= CHECK_EVERY;
    if (stepsLeft < 0) {
      throw new NixError(NixError.Kind.INTERRUPTED, "evaluation stopped: step budget exhausted");
    }
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw new NixError(NixError.Kind.INTERRUPTED, "evaluation stopped: time budget exhausted");
    }
    if (minFreeBytes > 0) {
      Runtime rt = Runtime.getRuntime();
      long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
      if (free < minFreeBytes) {
        throw new NixError(NixError.Kind.INTERRUPTED, "evaluation stopped: memory budget exhausted");
      }
    }
  }
}
