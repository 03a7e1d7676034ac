package org.nix4j.store;

import org.nix4j.store.hash.Hash;

/**
 * A content address: the ingestion method and the hash of the contents (Nix's
 * {@code FixedOutputHash}).
 */
public record FixedOutputHash(FileIngestionMethod method, Hash hash) {
  /** {@code r:sha256} or {@code sha256}: how a {@code .drv} file names the algorithm. */
  public String methodAlgo() {
    return method.prefix() + hash.algorithm().nixName();
  }
}
