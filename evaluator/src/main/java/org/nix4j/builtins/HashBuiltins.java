package org.nix4j.builtins;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/** hashString: md5, sha1, sha256 and sha512 of a string's bytes, in lowercase hexadecimal. */
final class HashBuiltins {
  private HashBuiltins() {}

  static void register(Registry r) {
    r.add(new OrderedPrimop("hashString", 2, new int[] {0}, new Expect[] {Expect.STRING_NO_CTX},
        new Primop.Body() {
          @Override
          public Value apply(Vm vm, Value[] a) {
            String type = ((NixString) a[0]).bytes;
            String algorithm = javaName(type);
            if (algorithm == null) {
              throw NixError.usage("unknown hash algorithm '" + type + "'");
            }
            // The context of the string is dropped.
            return Then.force(vm, a[1], new Function<Value, Value>() {
              @Override
              public Value apply(Value s) {
                return NixString.of(hex(digest(algorithm, Args.toStr(s).bytes)));
              }
            });
          }
        }), false);
  }

  /** The JCA name of a Nix hash type, or null. */
  static String javaName(String nixType) {
    return switch (nixType) {
      case "md5" -> "MD5";
      case "sha1" -> "SHA-1";
      case "sha256" -> "SHA-256";
      case "sha512" -> "SHA-512";
      default -> null;
    };
  }

  /** The digest of a byte string. */
  static byte[] digest(String algorithm, String bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance(algorithm);
      int n = bytes.length();
      byte[] buf = new byte[Math.min(n, 8192)];
      for (int off = 0; off < n; off += buf.length) {
        int len = Math.min(buf.length, n - off);
        for (int i = 0; i < len; i++) {
          buf[i] = (byte) bytes.charAt(off + i);
        }
        md.update(buf, 0, len);
      }
      return md.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static String hex(byte[] d) {
    char[] out = new char[d.length * 2];
    for (int i = 0; i < d.length; i++) {
      out[2 * i] = HEX[(d[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[d[i] & 0xf];
    }
    return new String(out);
  }

  private static final String BASE32 = "0123456789abcdfghijklmnpqrsvwxyz";

  /** Nix's base-32 encoding of a hash (as in store paths). */
  static String base32(byte[] hash) {
    int len = (hash.length * 8 - 1) / 5 + 1;
    StringBuilder s = new StringBuilder(len);
    for (int n = len - 1; n >= 0; n--) {
      int b = n * 5;
      int i = b / 8;
      int j = b % 8;
      int c = (hash[i] & 0xff) >> j;
      if (i < hash.length - 1) {
        c |= (hash[i + 1] & 0xff) << (8 - j);
      }
      s.append(BASE32.charAt(c & 0x1f));
    }
    return s.toString();
  }
}
