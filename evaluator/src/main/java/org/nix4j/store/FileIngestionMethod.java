package org.nix4j.store;

/**
 * How a fixed-output (content-addressed) path's contents are hashed: {@code FLAT} hashes the
 * bytes of a single regular file, {@code RECURSIVE} hashes the NAR serialisation of a whole tree.
 * In derivations the attribute {@code outputHashMode} is {@code "flat"} (default) or
 * {@code "recursive"}; in {@code .drv} files a recursive hash algorithm gets the prefix
 * {@code r:}.
 */
public enum FileIngestionMethod {
  FLAT(""),
  RECURSIVE("r:");

  private final String prefix;

  FileIngestionMethod(String prefix) {
    this.prefix = prefix;
  }

  /** {@code ""} or {@code "r:"} (Nix's {@code makeFileIngestionPrefix}). */
  public String prefix() {
    return prefix;
  }
}
