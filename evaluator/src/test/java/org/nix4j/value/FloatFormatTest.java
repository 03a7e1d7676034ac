package org.nix4j.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Floats print as C's {@code %g}: checked on values whose output real Nix gave (see also the
 * float-* eval fixtures) and, for the fast path, against the exact BigDecimal rounding on many
 * random doubles.
 */
class FloatFormatTest {
  @Test
  void knownOutputs() {
    assertEquals("0.333333", Printer.formatFloat(1.0 / 3));
    assertEquals("1.23457e+08", Printer.formatFloat(123456789.0));
    assertEquals("1e+06", Printer.formatFloat(999999.5));
    assertEquals("123456", Printer.formatFloat(123456.5));
    assertEquals("1.23456e+06", Printer.formatFloat(1234565.0));
    assertEquals("0.123456", Printer.formatFloat(0.1234565));
    assertEquals("1e+20", Printer.formatFloat(1.0e20));
    assertEquals("1e-05", Printer.formatFloat(1.0e-5));
    assertEquals("0.0001", Printer.formatFloat(0.0001));
    assertEquals("100000", Printer.formatFloat(100000.0));
    assertEquals("2.5", Printer.formatFloat(2.5));
    assertEquals("-2.5e+10", Printer.formatFloat(-2.5e10));
    assertEquals("0.3", Printer.formatFloat(0.1 + 0.2));
    assertEquals("1e-300", Printer.formatFloat(1.0e-300));
    assertEquals("0.5", Printer.formatFloat(0.5));
    assertEquals("-0", Printer.formatFloat(-0.0));
    assertEquals("inf", Printer.formatFloat(Double.POSITIVE_INFINITY));
  }

  /** The exact rounding, as the slow path computes it. */
  private static String exact(double d) {
    BigDecimal r = new BigDecimal(d).round(new MathContext(6, RoundingMode.HALF_EVEN));
    int exponent = r.precision() - r.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String m = r.movePointLeft(exponent).stripTrailingZeros().toPlainString();
      String e = Integer.toString(Math.abs(exponent));
      return m + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    String p = r.toPlainString();
    if (p.contains(".")) {
      p = p.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return p;
  }

  @Test
  void fastPathAgreesWithExactRounding() {
    Random rnd = new Random(42);
    for (int i = 0; i < 200_000; i++) {
      double d = switch (i % 4) {
        case 0 -> rnd.nextInt(2_000_000) / Math.pow(10, rnd.nextInt(12));
        case 1 -> rnd.nextDouble() * Math.pow(10, rnd.nextInt(40) - 20);
        case 2 -> (rnd.nextInt(20000) - 10000) / 8.0;
        default -> Double.longBitsToDouble(rnd.nextLong());
      };
      if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
        continue;
      }
      String want = (d < 0 ? "-" : "") + exact(Math.abs(d));
      assertEquals(want, Printer.formatFloat(d), "for " + d);
    }
  }
}
