package org.nix4j.store.hash;

/**
 * Nix's base-32 encoding. The alphabet {@code 0123456789abcdfghijklmnpqrsvwxyz} leaves out
 * {@code e o u t} (to avoid accidental words). Unlike RFC 4648 the digits are taken from the
 * <em>end</em> of the byte array: the first printed character holds the most significant bits of
 * the last bytes, and bit {@code 5*n} of the little-endian bit string is the low bit of the
 * {@code n}-th character counted from the right. An {@code n}-byte value takes
 * {@code (8n - 1) / 5 + 1} characters (52 for sha256, 32 for the 20-byte store path hash).
 */
public final class Base32 {
  /** The 32 digits in value order. */
  public static final String ALPHABET = "0123456789abcdfghijklmnpqrsvwxyz";

  private static final byte[] DECODE = new byte[256];

  static {
    java.util.Arrays.fill(DECODE, (byte) -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      DECODE[ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private Base32() {}

  /** The number of characters that encode {@code bytes} bytes. */
  public static int encodedLength(int bytes) {
    return bytes == 0 ? 0 : (bytes * 8 - 1) / 5 + 1;
  }

  /** Encodes as Nix does. */
  public static String encode(byte[] bytes) {
    int len = encodedLength(bytes.length);
    char[] out = new char[len];
    int k = 0;
    for (int n = len - 1; n >= 0; n--) {
      int b = n * 5;
      int i = b / 8;
      int j = b % 8;
      int c = (bytes[i] & 0xff) >> j;
      if (i + 1 < bytes.length) {
        c |= (bytes[i + 1] & 0xff) << (8 - j);
      }
      out[k++] = ALPHABET.charAt(c & 0x1f);
    }
    return new String(out);
  }

  /** The value of a digit, or -1 when {@code c} is not one. */
  public static int digit(char c) {
    return c < 256 ? DECODE[c] : -1;
  }

  /**
   * Decodes {@code s} into {@code size} bytes, or returns null when a character is not a digit or
   * the value does not fit (the high bits of the first character must be zero).
   */
  public static byte[] decode(CharSequence s, int size) {
    byte[] out = new byte[size];
    int len = s.length();
    for (int n = 0; n < len; n++) {
      int digit = digit(s.charAt(len - n - 1));
      if (digit < 0) {
        return null;
      }
      int b = n * 5;
      int i = b / 8;
      int j = b % 8;
      if (i >= size) {
        if (digit != 0) {
          return null;
        }
        continue;
      }
      out[i] |= (byte) (digit << j);
      int carry = digit >> (8 - j);
      if (i + 1 < size) {
        out[i + 1] |= (byte) carry;
      } else if (carry != 0) {
        return null;
      }
    }
    return out;
  }
}
