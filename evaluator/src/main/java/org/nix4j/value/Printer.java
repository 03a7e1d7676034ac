package org.nix4j.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * Prints values as {@code nix-instantiate --eval} does (Nix 2.8): sets with attributes in
 * order and names quoted where needed, lists, strings with Nix's escapes, floats as C++ streams
 * print them, {@code <CODE>} for values not evaluated yet, {@code <LAMBDA>}, {@code <PRIMOP>},
 * {@code <PRIMOP-APP>}, and {@code «repeated»} for a non-empty set or list printed before.
 *
 * <p>Printing never forces anything and never recurses on the Java stack. The output is a byte
 * string (see {@link NixString}).
 */
public final class Printer {
  private Printer() {}

  /** «repeated», as the bytes of its UTF-8 text. */
  private static final String REPEATED = NixString.bytesOf("\u00abrepeated\u00bb");

  /** The text {@code nix-instantiate --eval} prints for {@code v} (without the newline). */
  public static String print(Value v) {
    StringBuilder out = new StringBuilder();
    print(v, out);
    return out.toString();
  }

  /**
   * What identifies a list or set for «repeated»: Nix compares the storage of the elements.
   * Sets share theirs whenever the value is copied; lists of more than two elements too; lists
   * of one or two keep their elements inside the value cell, so only the same cell repeats.
   */
  private static Object identity(Value ref, Value v) {
    if (v instanceof NixList l && l.size() <= 2) {
      return ref;
    }
    return v;
  }

  public static void print(Value root, StringBuilder out) {
    IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
    // An explicit stack of what is left to print: values, and literal text.
    List<Object> todo = new ArrayList<>();
    todo.add(root);
    while (!todo.isEmpty()) {
      Object item = todo.remove(todo.size() - 1);
      if (item instanceof String s) {
        out.append(s);
        continue;
      }
      Value ref = (Value) item;
      Value v = ref;
      if (v instanceof Thunk t) {
        v = t.valueOrNull();
        if (v == null) {
          out.append("<CODE>");
          continue;
        }
      }
      if (v instanceof NixAttrs a) {
        if (!a.isEmpty() && seen.put(identity(ref, a), Boolean.TRUE) != null) {
          out.append(REPEATED);
          continue;
        }
        out.append("{ ");
        todo.add("}");
        for (int i = a.size() - 1; i >= 0; i--) {
          todo.add("; ");
          todo.add(a.valueAt(i));
          todo.add(attrName(a.nameAt(i)) + " = ");
        }
      } else if (v instanceof NixList l) {
        if (l.size() > 0 && seen.put(identity(ref, l), Boolean.TRUE) != null) {
          out.append(REPEATED);
          continue;
        }
        out.append("[ ");
        todo.add("]");
        for (int i = l.size() - 1; i >= 0; i--) {
          todo.add(" ");
          todo.add(l.get(i));
        }
      } else {
        printScalar(v, out);
      }
    }
  }

  private static void printScalar(Value v, StringBuilder out) {
    if (v instanceof NixInt i) {
      out.append(i.value);
    } else if (v instanceof NixFloat f) {
      out.append(formatFloat(f.value));
    } else if (v instanceof NixBool b) {
      out.append(b.value ? "true" : "false");
    } else if (v instanceof NixNull) {
      out.append("null");
    } else if (v instanceof NixString s) {
      out.append(quoteString(s.bytes));
    } else if (v instanceof NixPath p) {
      out.append(p.path);
    } else if (v instanceof Closure) {
      out.append("<LAMBDA>");
    } else if (v instanceof Builtin) {
      out.append("<PRIMOP>");
    } else if (v instanceof PrimOpApp) {
      out.append("<PRIMOP-APP>");
    } else if (v instanceof NixUnknown) {
      out.append("<UNKNOWN>");
    } else {
      out.append("<").append(v.typeOf()).append(">");
    }
  }

  /** An attribute name as Nix 2.8 prints it: bare when it is an identifier, else quoted. */
  public static String attrName(String name) {
    if (isPlainIdentifier(name)) {
      return name;
    }
    // Nix quotes a name with the escapes of a string, and escapes every `$` in it, not only
    // those before a `{` ({ "$x" = "$x"; } prints as { "\$x" = "$x"; }).
    return quote(name, true);
  }

  private static boolean isPlainIdentifier(String s) {
    if (s.isEmpty() || s.equals("if")) {
      return false;
    }
    char c = s.charAt(0);
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_')) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '\'' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A string literal with Nix's escapes for {@code " \ \n \r \t ${}}; other bytes as they are. */
  public static String quoteString(String bytes) {
    return quote(bytes, false);
  }

  private static String quote(String bytes, boolean everyDollar) {
    StringBuilder sb = new StringBuilder(bytes.length() + 2);
    sb.append('"');
    int n = bytes.length();
    for (int i = 0; i < n; i++) {
      char c = bytes.charAt(i);
      switch (c) {
        case '"', '\\' -> sb.append('\\').append(c);
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '$' -> {
          if (everyDollar || (i + 1 < n && bytes.charAt(i + 1) == '{')) {
            sb.append("\\$");
          } else {
            sb.append('$');
          }
        }
        default -> sb.append(c);
      }
    }
    sb.append('"');
    return sb.toString();
  }

  /**
   * A float as a C++ stream prints it by default ({@code %g} with six significant digits):
   * {@code 0.333333}, {@code 1e+20}, {@code 1e-05}, {@code 100000}, {@code inf}, {@code -nan}.
   */
  public static String formatFloat(double d) {
    if (Double.isNaN(d)) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-nan" : "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-0" : "0";
    }
    String quick = formatFloatQuick(d);
    if (quick != null) {
      return quick;
    }
    BigDecimal exact = new BigDecimal(d);
    BigDecimal rounded = exact.round(SIX_DIGITS);
    // The decimal exponent of the rounded value: rounded = unscaled * 10^-scale.
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      BigDecimal mantissa = rounded.movePointLeft(exponent);
      String m = stripZeros(mantissa.toPlainString());
      String e = Integer.toString(Math.abs(exponent));
      return m + "e" + (exponent < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return stripZeros(rounded.toPlainString());
  }

  private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

  /**
   * {@code %g} from the shortest decimal that reads back as {@code d}, when it has at most six
   * significant digits: then rounding the exact binary value to six digits gives the same digits
   * (the exact value is within half an ulp of it), and no BigDecimal is needed. Null otherwise.
   */
  private static String formatFloatQuick(double d) {
    String s = Double.toString(Math.abs(d));
    int e = s.indexOf('E');
    String mant = e < 0 ? s : s.substring(0, e);
    int exp10 = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    int dot = mant.indexOf('.');
    String digits = mant.substring(0, dot) + mant.substring(dot + 1);
    // Decimal exponent of the first significant digit.
    int lead = 0;
    while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
      lead++;
    }
    int end = digits.length();
    while (end > lead + 1 && digits.charAt(end - 1) == '0') {
      end--;
    }
    String sig = digits.substring(lead, end);
    if (sig.length() > 6) {
      return null;
    }
    int exponent = dot - 1 - lead + exp10;
    StringBuilder out = new StringBuilder(16);
    if (d < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      out.append(sig.charAt(0));
      if (sig.length() > 1) {
        out.append('.').append(sig, 1, sig.length());
      }
      int a = Math.abs(exponent);
      out.append('e').append(exponent < 0 ? '-' : '+');
      if (a < 10) {
        out.append('0');
      }
      out.append(a);
    } else if (exponent < 0) {
      out.append("0.");
      for (int i = -1; i > exponent; i--) {
        out.append('0');
      }
      out.append(sig);
    } else {
      if (sig.length() <= exponent + 1) {
        out.append(sig);
        for (int i = sig.length(); i <= exponent; i++) {
          out.append('0');
        }
      } else {
        out.append(sig, 0, exponent + 1).append('.').append(sig, exponent + 1, sig.length());
      }
    }
    return out.toString();
  }

  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** A float as C's {@code %f} prints it ({@code std::to_string}): six decimals. */
  public static String formatFloatFixed(double d) {
    if (Double.isNaN(d)) {
      return (Double.doubleToRawLongBits(d) < 0) ? "-nan" : "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).toPlainString();
    // C keeps the sign of a negative number that rounds to zero (and of -0.0): "-0.000000".
    if (Double.doubleToRawLongBits(d) < 0 && s.charAt(0) != '-') {
      return "-" + s;
    }
    return s;
  }
}
