package org.nix4j.server;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Futures whose cancellation (LSP's {@code $/cancelRequest}) reaches the work they wait for. */
final class Futures {
  private Futures() {}

  /** {@code source} mapped by {@code f}; cancelling the result cancels {@code source}. */
  static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<T, R> f) {
    CompletableFuture<R> out = new CompletableFuture<>();
    source.whenComplete((v, e) -> {
      if (e != null) {
        out.completeExceptionally(e);
      } else {
        try {
          out.complete(f.apply(v));
        } catch (RuntimeException x) {
          out.completeExceptionally(x);
        }
      }
    });
    out.whenComplete((v, e) -> {
      if (out.isCancelled()) {
        source.cancel(true);
      }
    });
    return out;
  }
}
