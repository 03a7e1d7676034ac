package org.nix4j.store.hash;

/** The textual forms of a hash that Nix prints. */
public enum HashFormat {
  /** Lower-case hexadecimal. */
  BASE16,
  /** Nix's own base 32 (alphabet {@code 0123456789abcdfghijklmnpqrsvwxyz}, see {@link Base32}). */
  BASE32,
  /** Standard padded base 64. */
  BASE64,
  /** Subresource Integrity: {@code sha256-} followed by base 64; always carries the algorithm. */
  SRI
}
