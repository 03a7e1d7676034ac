package org.nix4j.store;

import java.io.IOException;
import org.nix4j.store.nar.FilterQuery;

/**
 * A copy of a file tree into a store (or just the computation of its store path), driven step
 * by step so that a filter written in Nix can be consulted between steps: call {@link #next()}
 * until it returns null, answering each query with {@link #answer(boolean)}, then
 * {@link #finish()}. The filter rules are those of {@link org.nix4j.store.nar.TreeWalk}. A
 * {@code flat} import asks nothing. {@link #abort()} (or an exception) discards partial work.
 */
public interface PathImport extends AutoCloseable {
  /** The next filter question, or null when the whole tree was read. */
  FilterQuery next() throws IOException;

  /** Answers the pending question. */
  void answer(boolean include) throws IOException;

  /**
   * Computes the store path and, unless this is a dry run, makes it valid in the store (if it was
   * valid already, the existing copy stays). Call after {@link #next()} returned null.
   */
  PathInfo finish() throws IOException;

  /** The content hash with the requested algorithm (valid after {@link #finish()}). */
  org.nix4j.store.hash.Hash contentHash();

  /** Discards what was copied so far. */
  void abort();

  /** Aborts unless finished. */
  @Override
  void close();
}
