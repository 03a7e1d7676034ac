package org.nix4j.store.hash;

import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * An output stream that hashes what is written to it and counts the bytes; {@link #finish()}
 * gives the hash. Not thread-safe; no buffering of its own (write in chunks).
 */
public final class HashSink extends OutputStream {
  private final HashAlgorithm algorithm;
  private final MessageDigest digest;
  private long count;

  public HashSink(HashAlgorithm algorithm) {
    this.algorithm = algorithm;
    this.digest = algorithm.newDigest();
  }

  @Override
  public void write(int b) {
    digest.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    digest.update(b, off, len);
    count += len;
  }

  /** Bytes written so far. */
  public long count() {
    return count;
  }

  /** The hash of everything written; the sink is reset afterwards. */
  public Hash finish() {
    count = 0;
    return Hash.fromDigest(algorithm, digest);
  }
}
