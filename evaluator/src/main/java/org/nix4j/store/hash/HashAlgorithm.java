package org.nix4j.store.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The hash algorithms of Nix 2.8: {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}.
 * Their names are lower case and matched case-sensitively.
 */
public enum HashAlgorithm {
  MD5("md5", "MD5", 16),
  SHA1("sha1", "SHA-1", 20),
  SHA256("sha256", "SHA-256", 32),
  SHA512("sha512", "SHA-512", 64);

  private final String nixName;
  private final String jcaName;
  private final int size;

  HashAlgorithm(String nixName, String jcaName, int size) {
    this.nixName = nixName;
    this.jcaName = jcaName;
    this.size = size;
  }

  /** The name Nix prints and parses: {@code sha256}. */
  public String nixName() {
    return nixName;
  }

  /** The digest size in bytes. */
  public int size() {
    return size;
  }

  /** Length of the base-16 form: two characters a byte. */
  public int base16Length() {
    return size * 2;
  }

  /** Length of Nix's base-32 form: {@code (bits - 1) / 5 + 1} characters. */
  public int base32Length() {
    return (size * 8 - 1) / 5 + 1;
  }

  /** Length of the padded base-64 form. */
  public int base64Length() {
    return ((4 * size / 3) + 3) & ~3;
  }

  /** A fresh digest of this algorithm. */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + jcaName, e);
    }
  }

  /** The algorithm of that Nix name, or empty (Nix's {@code parseHashTypeOpt}). */
  public static Optional<HashAlgorithm> lookup(String name) {
    for (HashAlgorithm a : values()) {
      if (a.nixName.equals(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The algorithm of that Nix name (Nix's {@code parseHashType}, used by {@code hashString},
   * {@code hashFile} and hash prefixes).
   *
   * @throws UnknownHashAlgorithmException with Nix's message {@code unknown hash algorithm 'x'}
   */
  public static HashAlgorithm parse(String name) {
    return lookup(name).orElseThrow(() -> new UnknownHashAlgorithmException(name));
  }

  @Override
  public String toString() {
    return nixName;
  }
}
