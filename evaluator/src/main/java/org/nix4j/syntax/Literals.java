package org.nix4j.syntax;

/** The values of number literals, as Nix 2.8 reads them. */
public final class Literals {
  private Literals() {}

  /** The value of a run of digits, or {@code null} when it overflows a signed 64-bit integer. */
  public static Long parseInt(String digits) {
    if (digits.isEmpty()) {
      return null;
    }
    long v = 0;
    for (int i = 0; i < digits.length(); i++) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return null;
      }
      if (v > (Long.MAX_VALUE - d) / 10) {
        return null;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /**
   * The value of a float literal as C's {@code strtod} reads it (correctly rounded), or {@code null}
   * when it is out of range: overflow to infinity, or a nonzero literal that underflows (Nix
   * rejects both as "invalid float").
   */
  public static Double parseFloat(String text) {
    double d;
    try {
      d = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
    if (Double.isInfinite(d)) {
      return null;
    }
    if (d == 0 || Math.abs(d) < Double.MIN_NORMAL) {
      int e = Math.max(text.indexOf('e'), text.indexOf('E'));
      String mantissa = e >= 0 ? text.substring(0, e) : text;
      for (int i = 0; i < mantissa.length(); i++) {
        char c = mantissa.charAt(i);
        if (c >= '1' && c <= '9') {
          return null;
        }
      }
    }
    return d;
  }
}
