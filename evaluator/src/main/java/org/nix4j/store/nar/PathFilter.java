package org.nix4j.store.nar;

import java.io.IOException;
import org.nix4j.io.fs.FileType;

/**
 * A synchronous filter for {@link TreeWalk#run}: whether to include the entry at {@code path}.
 * Callers that cannot answer synchronously (the evaluator calling a Nix function) drive a
 * {@link TreeWalk} step by step instead.
 */
@FunctionalInterface
public interface PathFilter {
  /** Includes everything. */
  PathFilter ALL = (path, type) -> true;

  boolean include(String path, FileType type) throws IOException;
}
