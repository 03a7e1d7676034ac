package org.nix4j.server;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's threads. Each has a large stack: the compiler recurses over deeply nested
 * syntax. Requests never run on LSP4J's reader thread, so that a slow answer never delays the
 * next message (a change, a cancellation).
 *
 * <ul>
 *   <li>{@link #requests}: answers to requests on snapshots (hover, completion …).
 *   <li>{@link #analysis}: one thread that publishes the diagnostics of changed documents, in
 *       order: at once those of the edited part, then those of the whole file.
 *   <li>{@link #background}: compiles whole files, for the exact diagnostics.
 * </ul>
 */
final class Workers {
  static final long STACK_BYTES = 512L << 20;

  final ExecutorService requests = pool("nix4j-request", 2);
  final ExecutorService analysis = pool("nix4j-analysis", 1);
  /** Whole-file compilations after incremental diagnostics were published (delayed while typing). */
  final java.util.concurrent.ScheduledThreadPoolExecutor background = scheduled("nix4j-compile");

  static java.util.concurrent.ScheduledThreadPoolExecutor scheduled(String name) {
    java.util.concurrent.ScheduledThreadPoolExecutor e = new java.util.concurrent.ScheduledThreadPoolExecutor(1, factory(name));
    e.setRemoveOnCancelPolicy(true);
    return e;
  }

  static ExecutorService pool(String name, int threads) {
    ThreadPoolExecutor e = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), factory(name));
    e.allowCoreThreadTimeOut(true);
    return e;
  }

  static ThreadFactory factory(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(null, r, name + "-" + n.incrementAndGet(), STACK_BYTES);
      t.setDaemon(true);
      return t;
    };
  }

  void shutdown() {
    requests.shutdownNow();
    analysis.shutdownNow();
    background.shutdownNow();
  }
}
