package org.nix4j.store.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An immutable digest together with its algorithm, printed and parsed exactly as Nix 2.8 does.
 *
 * <h2>Printing</h2>
 * {@link #toString(HashFormat, boolean)}: base 16 (lower case), Nix base 32 ({@link Base32}),
 * base 64 (padded) or SRI ({@code sha256-…}); with {@code includeAlgorithm} the non-SRI forms get
 * an {@code algo:} prefix ({@code sha256:0mdq…}), which is how store path fingerprints and hash
 * mismatch messages print them.
 *
 * <h2>Parsing ({@link #parseAny})</h2>
 * A hash string may start with {@code algo:} (any encoding follows) or {@code algo-} (SRI: base
 * 64 follows); the prefix is looked for first at the first {@code ':'}, then at the first
 * {@code '-'}. An unknown prefix fails with {@code unknown hash algorithm 'x'}. Without a prefix
 * the algorithm must be known from the context, else {@code hash 'x' does not include a type, nor
 * is the type otherwise known from context}; a prefix that disagrees with the context gives
 * {@code hash 'x' should have type 'sha1'}. The encoding is then chosen by the length of the rest
 * (unless SRI, which is always base 64): base-16 length (upper or lower case digits), base-32
 * length, or base-64 length; any other length is {@code hash 'x' has wrong length for hash type
 * 'sha256'}. Base-64 decoding stops at the first {@code '='}, skips newlines, and drops trailing
 * bits; the decoded size must match, else {@code invalid SRI hash 'x'} or {@code invalid base-64
 * hash 'x'}.
 */
public final class Hash {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final HashAlgorithm algorithm;
  private final byte[] bytes;

  private Hash(HashAlgorithm algorithm, byte[] bytes, boolean trusted) {
    this.algorithm = Objects.requireNonNull(algorithm);
    if (bytes.length != algorithm.size()) {
      throw new IllegalArgumentException(
          algorithm + " hash needs " + algorithm.size() + " bytes, got " + bytes.length);
    }
    this.bytes = trusted ? bytes : bytes.clone();
  }

  /** A hash from its raw digest bytes (copied). */
  public static Hash of(HashAlgorithm algorithm, byte[] digest) {
    return new Hash(algorithm, digest, false);
  }

  /** The all-zero hash Nix assumes for an empty {@code outputHash}. */
  public static Hash zero(HashAlgorithm algorithm) {
    return new Hash(algorithm, new byte[algorithm.size()], true);
  }

  /** The hash of these bytes. */
  public static Hash hash(HashAlgorithm algorithm, byte[] data) {
    return new Hash(algorithm, algorithm.newDigest().digest(data), true);
  }

  /**
   * The hash of a byte string (each char one byte 0..255, the project's representation of Nix
   * strings); this is {@code builtins.hashString}.
   */
  public static Hash hashBytes(HashAlgorithm algorithm, String byteString) {
    return hash(algorithm, byteString.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Wraps a finished digest. */
  static Hash fromDigest(HashAlgorithm algorithm, MessageDigest digest) {
    return new Hash(algorithm, digest.digest(), true);
  }

  public HashAlgorithm algorithm() {
    return algorithm;
  }

  /** A copy of the digest bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The digest byte at {@code i}, without copying. */
  public byte byteAt(int i) {
    return bytes[i];
  }

  /** Lower-case hexadecimal, no prefix. */
  public String toBase16() {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Nix base 32, no prefix. */
  public String toBase32() {
    return Base32.encode(bytes);
  }

  /** Padded base 64, no prefix. */
  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** {@code sha256-<base64>}. */
  public String toSri() {
    return algorithm.nixName() + "-" + toBase64();
  }

  /**
   * The hash in that format; with {@code includeAlgorithm} the non-SRI formats are prefixed with
   * {@code algo:} (SRI always names its algorithm).
   */
  public String toString(HashFormat format, boolean includeAlgorithm) {
    switch (format) {
      case SRI:
        return toSri();
      case BASE16:
        return prefix(includeAlgorithm) + toBase16();
      case BASE32:
        return prefix(includeAlgorithm) + toBase32();
      case BASE64:
        return prefix(includeAlgorithm) + toBase64();
      default:
        throw new AssertionError(format);
    }
  }

  private String prefix(boolean include) {
    return include ? algorithm.nixName() + ":" : "";
  }

  /**
   * Nix's {@code compressHash}: XOR-folds the digest into {@code size} bytes (byte {@code i} goes
   * into {@code i % size}). Store paths use 20 bytes of the sha256 fingerprint.
   */
  public byte[] compress(int size) {
    byte[] out = new byte[size];
    for (int i = 0; i < bytes.length; i++) {
      out[i % size] ^= bytes[i];
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Parsing

  /**
   * Nix's {@code Hash::parseAny}: a hash with an optional {@code algo:} or {@code algo-} prefix;
   * {@code expected} is the algorithm known from the context, or null. See the class comment.
   *
   * @throws BadHashException with Nix's message
   */
  public static Hash parseAny(String s, HashAlgorithm expected) {
    String rest = s;
    boolean sri = false;
    String prefix = null;
    int colon = s.indexOf(':');
    if (colon >= 0) {
      prefix = s.substring(0, colon);
      rest = s.substring(colon + 1);
    } else {
      int dash = s.indexOf('-');
      if (dash >= 0) {
        prefix = s.substring(0, dash);
        rest = s.substring(dash + 1);
        sri = true;
      }
    }
    HashAlgorithm parsed = prefix == null ? null : HashAlgorithm.parse(prefix);
    if (parsed == null && expected == null) {
      throw new BadHashException(
          "hash '" + rest + "' does not include a type, nor is the type otherwise known from context");
    }
    if (parsed != null && expected != null && parsed != expected) {
      throw new BadHashException("hash '" + s + "' should have type '" + expected + "'");
    }
    return decode(rest, parsed != null ? parsed : expected, sri);
  }

  /**
   * Nix's {@code newHashAllowEmpty} (used for {@code outputHash} and the {@code sha256} of
   * fetchers): an empty string means the all-zero hash of {@code expected}, with the warning
   * {@code found empty hash, assuming 'sha256-AAAA…='} passed to {@code warn}; an empty string
   * without a known algorithm is {@code empty hash requires explicit hash type}.
   */
  public static Hash parseAllowEmpty(String s, HashAlgorithm expected, Consumer<String> warn) {
    if (s.isEmpty()) {
      if (expected == null) {
        throw new BadHashException("empty hash requires explicit hash type");
      }
      Hash h = zero(expected);
      warn.accept("found empty hash, assuming '" + h.toSri() + "'");
      return h;
    }
    return parseAny(s, expected);
  }

  /**
   * Nix's {@code Hash::parseAnyPrefixed}: the algorithm must be given by an {@code algo:} or
   * {@code algo-} prefix, else {@code hash 'x' does not include a type}.
   */
  public static Hash parseAnyPrefixed(String s) {
    int colon = s.indexOf(':');
    if (colon >= 0) {
      return decode(s.substring(colon + 1), HashAlgorithm.parse(s.substring(0, colon)), false);
    }
    int dash = s.indexOf('-');
    if (dash >= 0) {
      return decode(s.substring(dash + 1), HashAlgorithm.parse(s.substring(0, dash)), true);
    }
    throw new BadHashException("hash '" + s + "' does not include a type");
  }

  /**
   * Nix's {@code Hash::parseSRI} (for {@code narHash} attributes): {@code algo-base64}, else
   * {@code hash 'x' is not SRI}.
   */
  public static Hash parseSri(String s) {
    int dash = s.indexOf('-');
    if (dash < 0) {
      throw new BadHashException("hash '" + s + "' is not SRI");
    }
    return decode(s.substring(dash + 1), HashAlgorithm.parse(s.substring(0, dash)), true);
  }

  /**
   * Nix's {@code Hash::parseNonSRIUnprefixed}: base 16, 32 or 64 chosen by length, no prefix
   * allowed (a prefix makes the length wrong).
   */
  public static Hash parseNonSriUnprefixed(String s, HashAlgorithm algorithm) {
    return decode(s, algorithm, false);
  }

  private static Hash decode(String rest, HashAlgorithm algo, boolean sri) {
    int len = rest.length();
    if (!sri && len == algo.base16Length()) {
      byte[] out = new byte[algo.size()];
      for (int i = 0; i < out.length; i++) {
        int hi = hexDigit(rest.charAt(2 * i));
        int lo = hexDigit(rest.charAt(2 * i + 1));
        if (hi < 0 || lo < 0) {
          throw new BadHashException("invalid base-16 hash '" + rest + "'");
        }
        out[i] = (byte) (hi << 4 | lo);
      }
      return new Hash(algo, out, true);
    }
    if (!sri && len == algo.base32Length()) {
      byte[] out = Base32.decode(rest, algo.size());
      if (out == null) {
        throw new BadHashException("invalid base-32 hash '" + rest + "'");
      }
      return new Hash(algo, out, true);
    }
    if (sri || len == algo.base64Length()) {
      byte[] out = base64Decode(rest);
      if (out.length != algo.size()) {
        throw new BadHashException("invalid " + (sri ? "SRI" : "base-64") + " hash '" + rest + "'");
      }
      return new Hash(algo, out, true);
    }
    throw new BadHashException(
        "hash '" + rest + "' has wrong length for hash type '" + algo + "'");
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /**
   * Base-64 decoding as Nix 2.8's {@code base64Decode}: stops at {@code '='}, skips newlines,
   * drops leftover bits. An invalid character fails with Nix's message, which (through a quirk of
   * its formatting) prints the character as nothing: {@code invalid character in Base64 string:
   * ''}.
   */
  public static byte[] base64Decode(String s) {
    byte[] out = new byte[s.length() * 3 / 4 + 1];
    int n = 0;
    int d = 0;
    int bits = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '=') {
        break;
      }
      if (c == '\n') {
        continue;
      }
      int digit = c < 128 ? B64.indexOf(c) : -1;
      if (digit < 0) {
        throw new BadHashException("invalid character in Base64 string: ''");
      }
      bits += 6;
      d = d << 6 | digit;
      if (bits >= 8) {
        out[n++] = (byte) (d >> (bits - 8));
        bits -= 8;
      }
    }
    return Arrays.copyOf(out, n);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash
        && ((Hash) o).algorithm == algorithm
        && Arrays.equals(((Hash) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return algorithm.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  /** The SRI form, for debugging. */
  @Override
  public String toString() {
    return toSri();
  }
}
