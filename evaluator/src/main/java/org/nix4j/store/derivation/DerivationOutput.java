package org.nix4j.store.derivation;

import org.nix4j.store.FixedOutputHash;
import org.nix4j.store.StorePath;

/**
 * An output of a derivation: its store path and, for a fixed-output derivation, the expected
 * content hash. In a {@code .drv} file an input-addressed output is {@code ("out","PATH","","")}
 * and a fixed one {@code ("out","PATH","r:sha256","HEX")}.
 */
public record DerivationOutput(StorePath path, FixedOutputHash fixed) {
  /** An input-addressed output. */
  public static DerivationOutput inputAddressed(StorePath path) {
    return new DerivationOutput(path, null);
  }

  /** A fixed-output (content-addressed) output. */
  public static DerivationOutput fixed(StorePath path, FixedOutputHash hash) {
    return new DerivationOutput(path, hash);
  }

  public boolean isFixed() {
    return fixed != null;
  }

  /** The {@code .drv} hash algorithm field: {@code ""}, {@code "sha256"} or {@code "r:sha256"}. */
  public String hashAlgoField() {
    return fixed == null ? "" : fixed.methodAlgo();
  }

  /** The {@code .drv} hash field: {@code ""} or the base-16 hash. */
  public String hashField() {
    return fixed == null ? "" : fixed.hash().toBase16();
  }
}
