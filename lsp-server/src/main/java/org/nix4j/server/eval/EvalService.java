package org.nix4j.server.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.vm.Budget;
import org.nix4j.vm.NixError;

/**
 * Evaluation for the editor, on one thread of its own: the background evaluation of each open
 * document (its evaluation errors and traces, as diagnostics) and the evaluations requests need
 * (hover values, completion after a dot, evaluate). Every run has a {@link Budget}; a request
 * goes before background work, which it interrupts and which resumes after it; a new version of
 * a document cancels the evaluation of the old one.
 */
public final class EvalService implements AutoCloseable {
  /** What evaluation may do: where it may read, the search path, the budget of a background run. */
  public record Config(List<String> roots, List<String> searchPath, long timeMs, long steps, long memoryMb) {}

  /** The result of a background evaluation of one document version. */
  public interface BackgroundListener {
    void finished(String uri, FileAnalysis file, List<IdeDiagnostic> diagnostics);
  }

  private static final int INTERACTIVE = 0;
  private static final int BACKGROUND = 1;

  private abstract static class Job implements Comparable<Job> {
    final int priority;
    final long seq;

    Job(int priority, long seq) {
      this.priority = priority;
      this.seq = seq;
    }

    abstract void run();

    @Override
    public int compareTo(Job o) {
      return priority != o.priority ? Integer.compare(priority, o.priority) : Long.compare(seq, o.seq);
    }
  }

  private final Function<Path, String> openText;
  private final PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>();
  private final AtomicLong seq = new AtomicLong();
  private final Thread thread;
  private final Map<String, Background> background = new ConcurrentHashMap<>();
  private final Consumer<Boolean> busy;
  private volatile Config config;
  private volatile boolean closed;
  private volatile boolean working;
  private volatile long generation;
  /** The background run in progress, or null (eval thread writes; others read to preempt). */
  private volatile Background running;
  // Evaluation-thread state.
  private EvalWorld world;
  private final Map<String, FileAnalysis> current = new java.util.HashMap<>();

  /**
   * @param openText the text of the open document at a path (a byte string), or null
   * @param busy told true when background evaluation starts and false when none is left
   */
  public EvalService(Config config, Function<Path, String> openText, Consumer<Boolean> busy) {
    this.config = config;
    this.openText = openText;
    this.busy = busy;
    this.thread = new Thread(null, this::loop, "nix4j-eval", 1L << 30);
    thread.setDaemon(true);
    thread.start();
  }

  /** New settings: values computed so far are dropped. */
  public void configure(Config c) {
    if (c.equals(config)) {
      return;
    }
    config = c;
    submit(new Job(INTERACTIVE, seq.incrementAndGet()) {
      @Override
      void run() {
        world = null;
      }
    });
  }

  /** A file changed: if the evaluator read it, its values are stale and are dropped. */
  public void invalidate(Path changed) {
    invalidate(changed, () -> { });
  }

  /** As {@link #invalidate(Path)}; {@code whenDropped} runs (on the evaluation thread) if they were. */
  public void invalidate(Path changed, Runnable whenDropped) {
    submit(new Job(INTERACTIVE, seq.incrementAndGet()) {
      @Override
      void run() {
        if (world != null && world.hasRead(changed)) {
          world = null;
          generation++;
          whenDropped.run();
        }
      }
    });
  }

  /**
   * How many times the values computed so far were dropped because a file they were computed
   * from changed: a document evaluated in an older generation may have stale diagnostics.
   */
  public long generation() {
    return generation;
  }

  private EvalWorld world() {
    if (world == null) {
      Config c = config;
      world = new EvalWorld(c.roots(), c.searchPath(), openText);
    }
    return world;
  }

  /** The evaluation of a document version; the world forgets the version it replaces. */
  private DocumentEval document(EvalWorld w, String uri, FileAnalysis file) {
    FileAnalysis previous = current.put(uri, file);
    if (previous != null && previous != file) {
      w.forget(previous.source());
    }
    return w.document(file);
  }

  private Budget budget(long timeMs) {
    Config c = config;
    Runtime rt = Runtime.getRuntime();
    long used = rt.totalMemory() - rt.freeMemory();
    long minFree = Math.max(32L << 20, rt.maxMemory() - used - (c.memoryMb() << 20));
    return new Budget(c.steps(), timeMs * 1_000_000L, minFree);
  }

  // ---- requests ----

  /**
   * Runs {@code work} on the evaluation of {@code file} with a budget of {@code timeMs}, before
   * any background work. Cancelling the future stops the evaluation.
   */
  public <T> CompletableFuture<T> request(String uri, FileAnalysis file, long timeMs,
      Function<DocumentEval, T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Budget[] budget = new Budget[1];
    result.whenComplete((v, e) -> {
      Budget b = budget[0];
      if (result.isCancelled() && b != null) {
        b.cancel();
      }
    });
    submit(new Job(INTERACTIVE, seq.incrementAndGet()) {
      @Override
      void run() {
        if (result.isDone()) {
          return;
        }
        budget[0] = budget(Math.min(timeMs, config.timeMs()));
        EvalWorld w = world();
        w.evaluator().vm().setBudget(budget[0]);
        try {
          result.complete(work.apply(document(w, uri, file)));
        } catch (Throwable e) {
          // An answer is always given, even for an error of nix4j itself.
          result.completeExceptionally(e);
          if (e instanceof OutOfMemoryError) {
            world = null;
          }
        }
      }
    });
    Background bg = running;
    if (bg != null) {
      bg.preempt();
    }
    return result;
  }

  // ---- background evaluation ----

  /** Evaluates a document version in the background; replaces the evaluation of older versions. */
  public void evaluate(String uri, FileAnalysis file, BackgroundListener listener) {
    Background b = new Background(uri, file, listener);
    Background old = background.put(uri, b);
    if (old != null) {
      old.cancel();
    }
    submit(b.job());
  }

  /** Stops evaluating a document (it was closed). */
  public void forget(String uri) {
    Background old = background.remove(uri);
    if (old != null) {
      old.cancel();
    }
    submit(new Job(INTERACTIVE, seq.incrementAndGet()) {
      @Override
      void run() {
        FileAnalysis last = current.remove(uri);
        if (last != null && world != null) {
          world.forget(last.source());
        }
      }
    });
  }

  /** The background evaluation of one document version, run in slices. */
  private final class Background {
    final String uri;
    final FileAnalysis file;
    final BackgroundListener listener;
    volatile boolean cancelled;
    volatile boolean preempted;
    volatile Budget budget;
    long spentNanos;
    EvalDiagnostics diagnostics;

    Background(String uri, FileAnalysis file, BackgroundListener listener) {
      this.uri = uri;
      this.file = file;
      this.listener = listener;
    }

    Job job() {
      return new Job(BACKGROUND, seq.incrementAndGet()) {
        @Override
        void run() {
          slice();
        }
      };
    }

    void cancel() {
      cancelled = true;
      Budget b = budget;
      if (b != null) {
        b.cancel();
      }
    }

    void preempt() {
      preempted = true;
      Budget b = budget;
      if (b != null) {
        b.cancel();
      }
    }

    void slice() {
      if (cancelled || background.get(uri) != this) {
        return;
      }
      long left = config.timeMs() * 1_000_000L - spentNanos;
      EvalWorld w = world();
      DocumentEval doc = document(w, uri, file);
      if (diagnostics == null) {
        diagnostics = new EvalDiagnostics(doc);
      }
      preempted = false;
      Budget b = budget(Math.max(1, left / 1_000_000L));
      budget = b;
      w.evaluator().vm().setBudget(b);
      w.setTraceListener(diagnostics::trace);
      running = this;
      busy.accept(true);
      long t0 = System.nanoTime();
      boolean finished = true;
      try {
        diagnostics.run(w.evaluator().vm());
      } catch (NixError e) {
        if (cancelled) {
          return;
        }
        if (preempted) {
          finished = false;
        } else {
          diagnostics.note(e.getMessage() + "; later evaluation errors may be missing");
        }
      } catch (RuntimeException | StackOverflowError e) {
        diagnostics.note("evaluation failed: internal error of nix4j: " + e);
      } finally {
        running = null;
        budget = null;
        w.setTraceListener(null);
        spentNanos += System.nanoTime() - t0;
      }
      if (!finished) {
        submit(job());
        return;
      }
      background.remove(uri, this);
      doc.markEvaluated();
      if (!cancelled) {
        listener.finished(uri, file, diagnostics.found());
      }
    }
  }

  // ---- the thread ----

  private void submit(Job j) {
    if (!closed) {
      queue.add(j);
    }
  }

  private void loop() {
    while (!closed) {
      Job j;
      try {
        j = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      working = true;
      try {
        j.run();
      } catch (OutOfMemoryError e) {
        world = null;
      } catch (Throwable e) {
        // A job never takes the thread down.
      }
      working = false;
      if (queue.isEmpty() && background.isEmpty()) {
        busy.accept(false);
      }
    }
  }

  /** Whether nothing is queued or running (for tests and benchmarks). */
  public boolean idle() {
    return queue.isEmpty() && background.isEmpty() && !working;
  }

  /** Runs {@code r} on the evaluation thread after what is queued now (for tests). */
  public CompletableFuture<Void> sync() {
    CompletableFuture<Void> f = new CompletableFuture<>();
    submit(new Job(BACKGROUND, seq.incrementAndGet()) {
      @Override
      void run() {
        f.complete(null);
      }
    });
    return f;
  }

  @Override
  public void close() {
    closed = true;
    for (Background b : new ArrayList<>(background.values())) {
      b.cancel();
    }
    thread.interrupt();
  }
}
