package org.nix4j.store;

import org.nix4j.store.hash.Base32;

/**
 * The base name of a store path, {@code HASH-NAME}, independent of the store directory: a
 * 32-character hash part in Nix base 32 (20 bytes) and a name. Immutable; ordered and compared
 * by the base name (which is also how Nix orders store paths of one store).
 *
 * <p>Validation (Nix 2.8's {@code StorePath} constructor), with its messages:
 *
 * <ul>
 *   <li>fewer than 33 characters: {@code 'X' is too short to be a valid store path};
 *   <li>a hash character outside the base-32 alphabet: {@code store path 'X' contains illegal
 *       base-32 character 'c'};
 *   <li>an empty name: {@code store path 'X' has an empty name};
 *   <li>a name longer than 211 bytes: {@code store path 'X' has a name longer than 211
 *       characters};
 *   <li>a name byte other than {@code [0-9a-zA-Z+-._?=]}: {@code store path 'X' contains illegal
 *       character 'c'} (the first such byte; a non-ASCII character shows as its first UTF-8 byte).
 * </ul>
 *
 * Nix 2.8 accepts the names {@code .}, {@code ..} and names starting with {@code .} or {@code -}.
 * The 32 characters between the store directory and the dash are compared but not decoded, so
 * any base-32 text is accepted.
 */
public final class StorePath implements Comparable<StorePath> {
  /** Length of the hash part in characters. */
  public static final int HASH_LENGTH = 32;
  /** Length of the hash part in bytes. */
  public static final int HASH_BYTES = 20;
  /** The longest name Nix accepts. */
  public static final int MAX_NAME_LENGTH = 211;

  private final String baseName;

  private StorePath(String baseName) {
    this.baseName = baseName;
  }

  /** Parses and validates a base name {@code HASH-NAME} (a byte string). */
  public static StorePath fromBaseName(String baseName) {
    if (baseName.length() < HASH_LENGTH + 1) {
      throw new BadStorePathException("'" + baseName + "' is too short to be a valid store path");
    }
    for (int i = 0; i < HASH_LENGTH; i++) {
      char c = baseName.charAt(i);
      if (Base32.digit(c) < 0) {
        throw new BadStorePathException(
            "store path '" + baseName + "' contains illegal base-32 character '" + c + "'");
      }
    }
    checkName(baseName, baseName.substring(HASH_LENGTH + 1));
    return new StorePath(baseName);
  }

  /** The store path with that 20-byte hash and that name. */
  public static StorePath of(byte[] hash20, String name) {
    if (hash20.length != HASH_BYTES) {
      throw new IllegalArgumentException("store path hash must be 20 bytes");
    }
    return fromBaseName(Base32.encode(hash20) + "-" + name);
  }

  /** Checks a store path name as part of {@code baseName} (used in the messages). */
  static void checkName(String baseName, String name) {
    if (name.isEmpty()) {
      throw new BadStorePathException("store path '" + baseName + "' has an empty name");
    }
    if (name.length() > MAX_NAME_LENGTH) {
      throw new BadStorePathException(
          "store path '" + baseName + "' has a name longer than " + MAX_NAME_LENGTH + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isNameChar(c)) {
        throw new BadStorePathException(
            "store path '" + baseName + "' contains illegal character '" + c + "'");
      }
    }
  }

  /** Whether {@code c} may appear in a store path name: {@code [0-9a-zA-Z+-._?=]}. */
  public static boolean isNameChar(char c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '+' || c == '-' || c == '.' || c == '_' || c == '?' || c == '=';
  }

  /** {@code HASH-NAME}. */
  public String baseName() {
    return baseName;
  }

  /** The 32 base-32 characters. */
  public String hashPart() {
    return baseName.substring(0, HASH_LENGTH);
  }

  /** The part after the dash. */
  public String name() {
    return baseName.substring(HASH_LENGTH + 1);
  }

  /** Whether the name ends in {@code .drv} (a store derivation). */
  public boolean isDerivation() {
    return baseName.endsWith(".drv");
  }

  @Override
  public int compareTo(StorePath o) {
    return baseName.compareTo(o.baseName);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorePath && ((StorePath) o).baseName.equals(baseName);
  }

  @Override
  public int hashCode() {
    return baseName.hashCode();
  }

  /** The base name. */
  @Override
  public String toString() {
    return baseName;
  }
}
