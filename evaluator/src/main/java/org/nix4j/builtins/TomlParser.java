package org.nix4j.builtins;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/**
 * The TOML parser of {@code builtins.fromTOML}. Nix 2.8 parses with the toml11 library, whose
 * leniencies and error messages show through ({@code while parsing a TOML string: [error]
 * toml::insert_value: value ("a") already exists.}); this parser follows toml11's lexers and
 * parse functions so that the same documents are accepted, with the same values, and the same
 * first line of error is given for the others. Dates and times parse but are then rejected, as
 * Nix does ("Dates and times are not supported").
 *
 * <p>Input and strings are byte strings (see {@link NixString}). Arrays and inline tables nest
 * on the Java stack up to {@link #MAX_NESTING}; the tree is converted to Nix values without
 * recursion.
 */
final class TomlParser {
  /** Deeper nesting of arrays and inline tables is refused (toml11 would exhaust its stack). */
  static final int MAX_NESTING = 256;

  /** A parse error: toml11's message (its first line), without the "[error] " prefix. */
  static final class TomlError extends RuntimeException {
    TomlError(String message) {
      super(message, null, false, false);
    }
  }

  // ---------------------------------------------------------------------------------------
  // The tree toml11 builds, with what it remembers of where each value was defined (its
  // "region"), which decides whether a table may be defined again.

  enum RegionKind {
    /** {@code [a.b]} */
    TABLE_HEADER,
    /** {@code [[a.b]]} */
    ARRAY_HEADER,
    /** A key of a key/value pair, {@code a.b} in {@code a.b = 1}. */
    KEY,
    /** An inline table {@code { … }}. */
    INLINE_TABLE,
    /** An array {@code [ … ]}. */
    ARRAY,
    /** Any other value. */
    SCALAR
  }

  record Region(RegionKind kind, List<String> keys) {
    static final Region INLINE = new Region(RegionKind.INLINE_TABLE, null);
    static final Region ARRAY = new Region(RegionKind.ARRAY, null);
    static final Region SCALAR = new Region(RegionKind.SCALAR, null);
  }

  abstract static class Node {
    Region region;
  }

  static final class Table extends Node {
    final Map<String, Node> entries = new HashMap<>();

    Table(Region region) {
      this.region = region;
    }
  }

  static final class Array extends Node {
    final List<Node> items = new ArrayList<>();

    Array(Region region) {
      this.region = region;
    }
  }

  static final class Scalar extends Node {
    /** The Nix value, or null for a date or time. */
    final Value value;
    final String typeName;

    Scalar(Value value, String typeName) {
      this.value = value;
      this.typeName = typeName;
      this.region = Region.SCALAR;
    }
  }

  // ---------------------------------------------------------------------------------------

  private final String s;
  private final int n;
  private int pos;
  private int depth;

  private TomlParser(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** Parses a TOML document (a byte string); errors are Nix's "while parsing a TOML string". */
  static Value parse(String input) {
    String text = input;
    // toml11 drops trailing NULs and ends the text with a newline (unless it ends with CR).
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\0') {
      end--;
    }
    text = text.substring(0, end);
    if (!text.isEmpty() && !text.endsWith("\n") && !text.endsWith("\r")) {
      text = text + "\n";
    }
    TomlParser p = new TomlParser(text);
    if (text.startsWith("\u00ef\u00bb\u00bf")) {
      p.pos = 3;
    }
    Table root;
    try {
      root = p.file();
    } catch (TomlError e) {
      throw NixError.eval("while parsing a TOML string: [error] " + e.getMessage().stripTrailing());
    }
    return toNix(root);
  }

  // ---------------------------------------------------------------------------------------
  // Lexers: each returns the position after what it matched, or -1.

  private int at(int p) {
    return p < n ? s.charAt(p) & 0xff : -1;
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private static boolean hexDigit(int c) {
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean alpha(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** maybe<lex_ws> */
  private int ws(int p) {
    while (p < n && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  private int newline(int p) {
    int c = at(p);
    if (c == '\n') {
      return p + 1;
    }
    if (c == '\r' && at(p + 1) == '\n') {
      return p + 2;
    }
    return -1;
  }

  /** A UTF-8 sequence of 2 to 4 bytes as toml11's comment lexer accepts. */
  private int utf8Multi(int p) {
    int c = at(p);
    int[] r;
    if (c >= 0xC2 && c <= 0xDF) {
      r = new int[] {0x80, 0xBF};
    } else if (c == 0xE0) {
      r = new int[] {0xA0, 0xBF, 0x80, 0xBF};
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      r = new int[] {0x80, 0xBF, 0x80, 0xBF};
    } else if (c == 0xED) {
      r = new int[] {0x80, 0x9F, 0x80, 0xBF};
    } else if (c == 0xF0) {
      r = new int[] {0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF};
    } else if (c >= 0xF1 && c <= 0xF3) {
      r = new int[] {0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF};
    } else if (c == 0xF4) {
      r = new int[] {0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF};
    } else {
      return -1;
    }
    int q = p + 1;
    for (int i = 0; i < r.length; i += 2) {
      int b = at(q);
      if (b < r[i] || b > r[i + 1]) {
        return -1;
      }
      q++;
    }
    return q;
  }

  private int comment(int p) {
    if (at(p) != '#') {
      return -1;
    }
    p++;
    while (true) {
      int c = at(p);
      if (c == 0x09 || (c >= 0x20 && c <= 0x7E)) {
        p++;
        continue;
      }
      int q = utf8Multi(p);
      if (q < 0) {
        return p;
      }
      p = q;
    }
  }

  /** maybe<lex_comment> */
  private int commentOpt(int p) {
    int q = comment(p);
    return q < 0 ? p : q;
  }

  /** sequence<maybe<lex_ws>, maybe<lex_comment>, lex_newline> */
  private int blankLine(int p) {
    return newline(commentOpt(ws(p)));
  }

  /** repeat<blankLine, at_least<1>>: -1 if none. */
  private int blankLines(int p) {
    int q = blankLine(p);
    if (q < 0) {
      return -1;
    }
    while (true) {
      int r = blankLine(q);
      if (r < 0) {
        return q;
      }
      q = r;
    }
  }

  private int unquotedKey(int p) {
    int q = p;
    while (q < n) {
      int c = at(q);
      if (alpha(c) || digit(c) || c == '-' || c == '_') {
        q++;
      } else {
        break;
      }
    }
    return q == p ? -1 : q;
  }

  private static boolean basicUnescaped(int c) {
    return !((c >= 0 && c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == '"' || c == '\\' || c == 0x7F || c < 0);
  }

  /** lex_escaped: a backslash and a valid escape. */
  private int escaped(int p) {
    if (at(p) != '\\') {
      return -1;
    }
    int c = at(p + 1);
    switch (c) {
      case '"', '\\', 'b', 'f', 'n', 'r', 't' -> {
        return p + 2;
      }
      case 'u' -> {
        return hexRun(p + 2, 4);
      }
      case 'U' -> {
        return hexRun(p + 2, 8);
      }
      default -> {
        return -1;
      }
    }
  }

  private int hexRun(int p, int count) {
    for (int i = 0; i < count; i++) {
      if (!hexDigit(at(p + i))) {
        return -1;
      }
    }
    return p + count;
  }

  private int basicString(int p) {
    if (at(p) != '"') {
      return -1;
    }
    int q = p + 1;
    while (true) {
      int c = at(q);
      if (c < 0) {
        return -1;
      }
      if (basicUnescaped(c)) {
        q++;
        continue;
      }
      int e = escaped(q);
      if (e >= 0) {
        q = e;
        continue;
      }
      break;
    }
    return at(q) == '"' ? q + 1 : -1;
  }

  private static boolean literalChar(int c) {
    return !((c >= 0 && c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == 0x7F || c == '\'' || c < 0);
  }

  private int literalString(int p) {
    if (at(p) != '\'') {
      return -1;
    }
    int q = p + 1;
    while (literalChar(at(q))) {
      q++;
    }
    return at(q) == '\'' ? q + 1 : -1;
  }

  private boolean threeQuotes(int p, char q) {
    return at(p) == q && at(p + 1) == q && at(p + 2) == q;
  }

  /** ml basic: the body's end (before the closing quotes), or -1. */
  private int mlBasicBody(int p) {
    int q = p;
    while (true) {
      int c = at(q);
      if (c < 0) {
        return q;
      }
      // lex_ml_basic_unescaped
      if (!((c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == '\\' || c == 0x7F)
          && !threeQuotes(q, '"')) {
        q++;
        continue;
      }
      int e = escaped(q);
      if (e >= 0) {
        q = e;
        continue;
      }
      e = newline(q);
      if (e >= 0) {
        q = e;
        continue;
      }
      e = escapedNewline(q);
      if (e >= 0) {
        q = e;
        continue;
      }
      return q;
    }
  }

  /** lex_ml_basic_escaped_newline: backslash, ws?, newline, (ws|newline)*. */
  private int escapedNewline(int p) {
    if (at(p) != '\\') {
      return -1;
    }
    int q = newline(ws(p + 1));
    if (q < 0) {
      return -1;
    }
    while (true) {
      int r = ws(q);
      if (r > q) {
        q = r;
        continue;
      }
      r = newline(q);
      if (r >= 0) {
        q = r;
        continue;
      }
      return q;
    }
  }

  /** The closing delimiter: 3 to 5 quotes; -1 if fewer than 3. */
  private int mlClose(int p, char quote) {
    if (!threeQuotes(p, quote)) {
      return -1;
    }
    int q = p + 3;
    if (at(q) == quote) {
      q++;
      if (at(q) == quote) {
        q++;
      }
    }
    return q;
  }

  private int mlBasicString(int p) {
    if (!threeQuotes(p, '"')) {
      return -1;
    }
    return mlClose(mlBasicBody(p + 3), '"');
  }

  private int mlLiteralBody(int p) {
    int q = p;
    while (true) {
      int c = at(q);
      if (c < 0) {
        return q;
      }
      if (!((c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == 0x7F) && !threeQuotes(q, '\'')) {
        q++;
        continue;
      }
      int e = newline(q);
      if (e >= 0) {
        q = e;
        continue;
      }
      return q;
    }
  }

  private int mlLiteralString(int p) {
    if (!threeQuotes(p, '\'')) {
      return -1;
    }
    return mlClose(mlLiteralBody(p + 3), '\'');
  }

  private int simpleKeyLex(int p) {
    int q = unquotedKey(p);
    if (q >= 0) {
      return q;
    }
    q = basicString(p);
    if (q >= 0) {
      return q;
    }
    return literalString(p);
  }

  /** lex_dotted_key: simple (ws? . ws? simple)+ */
  private int dottedKeyLex(int p) {
    int q = simpleKeyLex(p);
    if (q < 0) {
      return -1;
    }
    int count = 0;
    while (true) {
      int d = ws(q);
      if (at(d) != '.') {
        break;
      }
      int r = simpleKeyLex(ws(d + 1));
      if (r < 0) {
        break;
      }
      q = r;
      count++;
    }
    return count == 0 ? -1 : q;
  }

  private int keyLex(int p) {
    int q = dottedKeyLex(p);
    return q >= 0 ? q : simpleKeyLex(p);
  }

  /** lex_keyval_sep: ws? = ws? */
  private int keyvalSep(int p) {
    int q = ws(p);
    if (at(q) != '=') {
      return -1;
    }
    return ws(q + 1);
  }

  private int unsignedDecInt(int p) {
    int c = at(p);
    if (c >= '1' && c <= '9') {
      int q = p + 1;
      int count = 0;
      while (true) {
        if (digit(at(q))) {
          q++;
        } else if (at(q) == '_' && digit(at(q + 1))) {
          q += 2;
        } else {
          break;
        }
        count++;
      }
      if (count > 0) {
        return q;
      }
    }
    return digit(c) ? p + 1 : -1;
  }

  private int decInt(int p) {
    int c = at(p);
    int q = (c == '+' || c == '-') ? p + 1 : p;
    return unsignedDecInt(q);
  }

  private int prefixedInt(int p, char prefix, int radix) {
    if (at(p) != '0' || at(p + 1) != prefix) {
      return -1;
    }
    int q = p + 2;
    if (!radixDigit(at(q), radix)) {
      return -1;
    }
    q++;
    while (true) {
      if (radixDigit(at(q), radix)) {
        q++;
      } else if (at(q) == '_' && radixDigit(at(q + 1), radix)) {
        q += 2;
      } else {
        return q;
      }
    }
  }

  private static boolean radixDigit(int c, int radix) {
    return switch (radix) {
      case 2 -> c == '0' || c == '1';
      case 8 -> c >= '0' && c <= '7';
      default -> hexDigit(c);
    };
  }

  private int integerLex(int p) {
    int q = prefixedInt(p, 'b', 2);
    if (q >= 0) {
      return q;
    }
    q = prefixedInt(p, 'o', 8);
    if (q >= 0) {
      return q;
    }
    q = prefixedInt(p, 'x', 16);
    if (q >= 0) {
      return q;
    }
    return decInt(p);
  }

  /** digit (digit | _ digit)* */
  private int zeroPrefixableInt(int p) {
    if (!digit(at(p))) {
      return -1;
    }
    int q = p + 1;
    while (true) {
      if (digit(at(q))) {
        q++;
      } else if (at(q) == '_' && digit(at(q + 1))) {
        q += 2;
      } else {
        return q;
      }
    }
  }

  private int exponentPart(int p) {
    int c = at(p);
    if (c != 'e' && c != 'E') {
      return -1;
    }
    int q = p + 1;
    if (at(q) == '+' || at(q) == '-') {
      q++;
    }
    return zeroPrefixableInt(q);
  }

  private int floatLex(int p) {
    // special: sign? (inf | nan)
    int q = (at(p) == '+' || at(p) == '-') ? p + 1 : p;
    if (s.startsWith("inf", q) || s.startsWith("nan", q)) {
      return q + 3;
    }
    q = decInt(p);
    if (q < 0) {
      return -1;
    }
    int e = exponentPart(q);
    if (e >= 0) {
      return e;
    }
    if (at(q) != '.') {
      return -1;
    }
    int f = zeroPrefixableInt(q + 1);
    if (f < 0) {
      return -1;
    }
    e = exponentPart(f);
    return e >= 0 ? e : f;
  }

  private int digits(int p, int count) {
    for (int i = 0; i < count; i++) {
      if (!digit(at(p + i))) {
        return -1;
      }
    }
    return p + count;
  }

  private int fullDate(int p) {
    int q = digits(p, 4);
    if (q < 0 || at(q) != '-') {
      return -1;
    }
    q = digits(q + 1, 2);
    if (q < 0 || at(q) != '-') {
      return -1;
    }
    return digits(q + 1, 2);
  }

  private int partialTime(int p) {
    int q = digits(p, 2);
    if (q < 0 || at(q) != ':') {
      return -1;
    }
    q = digits(q + 1, 2);
    if (q < 0 || at(q) != ':') {
      return -1;
    }
    q = digits(q + 1, 2);
    if (q < 0) {
      return -1;
    }
    if (at(q) == '.' && digit(at(q + 1))) {
      q += 2;
      while (digit(at(q))) {
        q++;
      }
    }
    return q;
  }

  private int timeOffset(int p) {
    int c = at(p);
    if (c == 'Z' || c == 'z') {
      return p + 1;
    }
    if (c != '+' && c != '-') {
      return -1;
    }
    int q = digits(p + 1, 2);
    if (q < 0 || at(q) != ':') {
      return -1;
    }
    return digits(q + 1, 2);
  }

  private boolean timeDelim(int c) {
    return c == 'T' || c == 't' || c == ' ';
  }

  private int localDateTime(int p) {
    int q = fullDate(p);
    if (q < 0 || !timeDelim(at(q))) {
      return -1;
    }
    return partialTime(q + 1);
  }

  private int offsetDateTime(int p) {
    int q = localDateTime(p);
    return q < 0 ? -1 : timeOffset(q);
  }

  // ---------------------------------------------------------------------------------------
  // Parsing.

  private enum Kind { BOOLEAN, INTEGER, FLOATING, STRING, OFFSET_DATETIME, LOCAL_DATETIME, LOCAL_DATE, LOCAL_TIME, ARRAY, TABLE }

  /** toml11's guess_value_type: what the next value must be, or its error. */
  private Kind guess(int p) {
    switch (at(p)) {
      case '"', '\'':
        return Kind.STRING;
      case 't', 'f':
        return Kind.BOOLEAN;
      case '[':
        return Kind.ARRAY;
      case '{':
        return Kind.TABLE;
      case 'i', 'n':
        return Kind.FLOATING;
      default:
        return guessNumber(p);
    }
  }

  private Kind guessNumber(int p) {
    if (offsetDateTime(p) >= 0) {
      return Kind.OFFSET_DATETIME;
    }
    int q = localDateTime(p);
    if (q >= 0) {
      int c = at(q);
      if (c == '+' || c == '-' || c == 'Z' || c == 'z') {
        throw new TomlError("bad offset: should be [+-]HH:MM or Z");
      }
      return Kind.LOCAL_DATETIME;
    }
    q = fullDate(p);
    if (q >= 0) {
      int c = at(q);
      if (c == 'T' || c == 't') {
        throw new TomlError("bad time: should be HH:MM:SS.subsec");
      }
      if (digit(c)) {
        throw new TomlError("bad time: missing T");
      }
      if (c == ' ' && digit(at(q + 1))) {
        throw new TomlError("bad time: should be HH:MM:SS.subsec");
      }
      return Kind.LOCAL_DATE;
    }
    if (partialTime(p) >= 0) {
      return Kind.LOCAL_TIME;
    }
    q = floatLex(p);
    if (q >= 0) {
      if (at(q) == '_') {
        throw new TomlError("bad float: `_` should be surrounded by digits");
      }
      return Kind.FLOATING;
    }
    q = integerLex(p);
    if (q >= 0) {
      int c = at(q);
      if (c == '_') {
        throw new TomlError("bad integer: `_` should be surrounded by digits");
      }
      if (digit(c)) {
        throw new TomlError("bad integer: leading zero");
      }
      if (c == ':' || c == '-') {
        throw new TomlError("bad datetime: invalid format");
      }
      if (c == '.' || c == 'e' || c == 'E') {
        throw new TomlError("bad float: invalid format");
      }
      return Kind.INTEGER;
    }
    if (at(p) == '.') {
      throw new TomlError("bad float: invalid format");
    }
    if (at(p) == '_') {
      throw new TomlError("bad number: `_` should be surrounded by digits");
    }
    throw new TomlError("bad format: unknown value appeared");
  }

  /**
   * Errors that toml11 returns (rather than throws) from parse_value: a key/value pair turns
   * them into "missing value" when only a comment or newline follows the '='.
   */
  private static final class ValueError extends RuntimeException {
    ValueError(String message) {
      super(message, null, false, false);
    }
  }

  private Node value() {
    if (pos >= n) {
      throw new ValueError("toml::parse_value: input is empty");
    }
    Kind k;
    try {
      k = guess(pos);
    } catch (TomlError e) {
      throw new ValueError(e.getMessage());
    }
    return switch (k) {
      case BOOLEAN -> bool();
      case INTEGER -> integer();
      case FLOATING -> floating();
      case STRING -> string();
      case OFFSET_DATETIME, LOCAL_DATETIME, LOCAL_DATE, LOCAL_TIME -> dateTime(k);
      case ARRAY -> array();
      case TABLE -> inlineTable();
    };
  }

  private Node bool() {
    if (s.startsWith("true", pos)) {
      pos += 4;
      return new Scalar(NixBool.TRUE, "boolean");
    }
    if (s.startsWith("false", pos)) {
      pos += 5;
      return new Scalar(NixBool.FALSE, "boolean");
    }
    throw new ValueError("toml::parse_boolean: ");
  }

  private Node integer() {
    int first = pos;
    if (at(first) == '0') {
      int second = at(first + 1);
      if (second == 'b' || second == 'o' || second == 'x') {
        int radix = second == 'b' ? 2 : second == 'o' ? 8 : 16;
        int q = prefixedInt(first, (char) second, radix);
        if (q < 0) {
          throw new ValueError(switch (radix) {
            case 2 -> "toml::parse_binary_integer:";
            case 8 -> "toml::parse_octal_integer:";
            default -> "toml::parse_hexadecimal_integer";
          });
        }
        pos = q;
        String digits = s.substring(first + 2, q).replace("_", "");
        long v;
        if (radix == 2) {
          // toml11 adds the bits up itself: it wraps.
          v = new BigInteger(digits, 2).longValue();
        } else {
          v = clamp(new BigInteger(digits, radix));
        }
        return new Scalar(NixInt.of(v), "integer");
      }
      if (digit(second)) {
        throw new ValueError("toml::parse_integer: leading zero in an Integer is not allowed.");
      }
      if (alpha(second)) {
        throw new ValueError("toml::parse_integer: unknown integer prefix appeared.");
      }
    }
    int q = decInt(first);
    if (q < 0) {
      throw new ValueError("toml::parse_integer: ");
    }
    pos = q;
    String text = s.substring(first, q).replace("_", "");
    // istream >> int64: out of range gives the nearest limit.
    return new Scalar(NixInt.of(clamp(new BigInteger(text.startsWith("+") ? text.substring(1) : text))),
        "integer");
  }

  private static long clamp(BigInteger b) {
    if (b.bitLength() < 64) {
      return b.longValue();
    }
    return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  private Node floating() {
    int first = pos;
    int q = floatLex(first);
    if (q < 0) {
      throw new ValueError("toml::parse_floating: ");
    }
    pos = q;
    String text = s.substring(first, q);
    double v;
    switch (text) {
      case "inf", "+inf" -> v = Double.POSITIVE_INFINITY;
      case "-inf" -> v = Double.NEGATIVE_INFINITY;
      case "nan", "+nan" -> v = Double.NaN;
      case "-nan" -> v = Double.longBitsToDouble(0xfff8000000000000L);
      default -> {
        v = Double.parseDouble(text.replace("_", ""));
        // istream >> double: an overflow gives the largest finite value.
        if (v == Double.POSITIVE_INFINITY) {
          v = Double.MAX_VALUE;
        } else if (v == Double.NEGATIVE_INFINITY) {
          v = -Double.MAX_VALUE;
        }
      }
    }
    return new Scalar(NixFloat.of(v), "floating");
  }

  private Node dateTime(Kind k) {
    int first = pos;
    int q = switch (k) {
      case OFFSET_DATETIME -> offsetDateTime(first);
      case LOCAL_DATETIME -> localDateTime(first);
      case LOCAL_DATE -> fullDate(first);
      default -> partialTime(first);
    };
    if (k != Kind.LOCAL_TIME) {
      checkDate(first);
    }
    if (k == Kind.LOCAL_TIME) {
      checkTime(first);
    } else if (k != Kind.LOCAL_DATE) {
      checkTime(first + 11);
    }
    pos = q;
    return new Scalar(null, k.name().toLowerCase(java.util.Locale.ROOT));
  }

  private int num(int p, int len) {
    return Integer.parseInt(s.substring(p, p + len));
  }

  private void checkDate(int p) {
    int year = num(p, 4);
    int month = num(p + 5, 2);
    int day = num(p + 8, 2);
    boolean leap = (year % 4 == 0) && ((year % 100 != 0) || (year % 400 == 0));
    int maxDay = month == 2 ? (leap ? 29 : 28)
        : (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
    if (month < 1 || month > 12 || day < 1 || day > maxDay) {
      throw new TomlError("toml::parse_date: invalid date: it does not conform RFC3339.");
    }
  }

  private void checkTime(int p) {
    int hour = num(p, 2);
    int minute = num(p + 3, 2);
    int second = num(p + 6, 2);
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
      throw new TomlError("toml::parse_time: invalid time: it does not conform RFC3339.");
    }
  }

  private Node string() {
    if (at(pos) == '"') {
      if (threeQuotes(pos, '"')) {
        return mlBasic();
      }
      return new Scalar(NixString.of(cString(basic())), "string");
    }
    if (threeQuotes(pos, '\'')) {
      return mlLiteral();
    }
    return new Scalar(NixString.of(cString(literal())), "string");
  }

  /** Nix's strings end at a NUL byte. */
  private static String cString(String v) {
    int i = v.indexOf('\0');
    return i < 0 ? v : v.substring(0, i);
  }

  /** A basic string token: its unescaped text. */
  private String basic() {
    int q = basicString(pos);
    if (q < 0) {
      throw new ValueError("toml::parse_basic_string: the next token is not a valid string");
    }
    String out = unescape(pos + 1, q - 1);
    checkUtf8(out);
    pos = q;
    return out;
  }

  /** toml11 rejects basic strings (and keys) that are not UTF-8. */
  private static void checkUtf8(String bytes) {
    int i = 0;
    int len = bytes.length();
    while (i < len) {
      int c = bytes.charAt(i);
      if (c < 0x80) {
        i++;
        continue;
      }
      TomlParser p = new TomlParser(bytes);
      int q = p.utf8Multi(i);
      if (q < 0) {
        throw new TomlError("parse_ml_basic_string: invalid utf8 sequence found");
      }
      i = q;
    }
  }

  private String literal() {
    int q = literalString(pos);
    if (q < 0) {
      throw new ValueError("toml::parse_literal_string: the next token is not a valid literal string");
    }
    String out = s.substring(pos + 1, q - 1);
    pos = q;
    return out;
  }

  private Node mlBasic() {
    int q = mlBasicString(pos);
    if (q < 0) {
      throw new ValueError("toml::parse_ml_basic_string: the next token is not a valid multiline string");
    }
    int body = pos + 3;
    int nl = newline(body);
    if (nl >= 0) {
      body = nl;
    }
    int bodyEnd = mlBasicBody(pos + 3);
    StringBuilder out = new StringBuilder();
    int p = body;
    while (p < bodyEnd) {
      int e = escapedNewline(p);
      if (e >= 0) {
        p = e;
        continue;
      }
      if (at(p) == '\\') {
        int end = escaped(p);
        out.append(unescape(p, end));
        p = end;
        continue;
      }
      out.append(s.charAt(p));
      p++;
    }
    // The closing delimiter took 3 to 5 quotes: those beyond 3 belong to the body.
    out.append("\"".repeat(q - bodyEnd - 3));
    checkUtf8(out.toString());
    pos = q;
    return new Scalar(NixString.of(cString(out.toString())), "string");
  }

  private Node mlLiteral() {
    int q = mlLiteralString(pos);
    if (q < 0) {
      throw new ValueError("toml::parse_ml_literal_string: the next token is not a valid multiline literal string");
    }
    int body = pos + 3;
    int nl = newline(body);
    if (nl >= 0) {
      body = nl;
    }
    int bodyEnd = mlLiteralBody(pos + 3);
    String out = s.substring(body, bodyEnd) + "'".repeat(q - bodyEnd - 3);
    pos = q;
    return new Scalar(NixString.of(cString(out)), "string");
  }

  /** The text of s[from, to) with its escapes (already checked by the lexer) replaced. */
  private String unescape(int from, int to) {
    StringBuilder out = new StringBuilder(to - from);
    int p = from;
    while (p < to) {
      char c = s.charAt(p);
      if (c != '\\') {
        out.append(c);
        p++;
        continue;
      }
      char e = s.charAt(p + 1);
      switch (e) {
        case '\\' -> out.append('\\');
        case '"' -> out.append('"');
        case 'b' -> out.append('\b');
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'f' -> out.append('\f');
        case 'r' -> out.append('\r');
        case 'u', 'U' -> {
          int len = e == 'u' ? 4 : 8;
          long cp = Long.parseLong(s.substring(p + 2, p + 2 + len), 16);
          out.append(utf8(cp));
          p += 2 + len;
          continue;
        }
        default -> throw new IllegalStateException();
      }
      p += 2;
    }
    return out.toString();
  }

  private static String utf8(long cp) {
    StringBuilder sb = new StringBuilder(4);
    if (cp < 0x80) {
      sb.append((char) cp);
    } else if (cp < 0x800) {
      sb.append((char) (0xC0 | (cp >> 6)));
      sb.append((char) (0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        throw new TomlError("toml::read_utf8_codepoint: codepoints in the range [0xD800, 0xDFFF] are not valid UTF-8.");
      }
      sb.append((char) (0xE0 | (cp >> 12)));
      sb.append((char) (0x80 | ((cp >> 6) & 0x3F)));
      sb.append((char) (0x80 | (cp & 0x3F)));
    } else if (cp < 0x110000) {
      sb.append((char) (0xF0 | (cp >> 18)));
      sb.append((char) (0x80 | ((cp >> 12) & 0x3F)));
      sb.append((char) (0x80 | ((cp >> 6) & 0x3F)));
      sb.append((char) (0x80 | (cp & 0x3F)));
    } else {
      throw new TomlError("toml::read_utf8_codepoint: input codepoint is too large.");
    }
    return sb.toString();
  }

  /** repeat<either<ws, newline, comment>, unlimited> */
  private int wsCommentNewline(int p) {
    while (true) {
      int c = at(p);
      if (c == ' ' || c == '\t') {
        p++;
        continue;
      }
      int q = newline(p);
      if (q >= 0) {
        p = q;
        continue;
      }
      q = comment(p);
      if (q >= 0) {
        p = q;
        continue;
      }
      return p;
    }
  }

  private void enterNesting() {
    if (++depth > MAX_NESTING) {
      throw new TomlError("arrays and inline tables nested too deeply");
    }
  }

  private Node array() {
    enterNesting();
    pos++;
    Array out = new Array(Region.ARRAY);
    while (pos < n) {
      pos = wsCommentNewline(pos);
      if (at(pos) == ']') {
        pos++;
        depth--;
        return out;
      }
      try {
        out.items.add(value());
      } catch (ValueError e) {
        throw new TomlError("toml::parse_array: value having invalid format appeared in an array");
      }
      // sequence<maybe<ws_comment_newline>, ','>
      int q = wsCommentNewline(pos);
      if (at(q) == ',') {
        pos = q + 1;
        continue;
      }
      pos = q;
      if (at(pos) == ']') {
        pos++;
        depth--;
        return out;
      }
      throw new TomlError("toml::parse_array: missing array separator `,` after a value");
    }
    throw new TomlError("toml::parse_array: array did not closed by `]`");
  }

  private Node inlineTable() {
    enterNesting();
    pos++;
    Table out = new Table(Region.INLINE);
    pos = ws(pos);
    if (at(pos) == '}') {
      pos++;
      depth--;
      return out;
    }
    while (pos < n) {
      KeyValue kv = keyValue();
      insert(out, kv.value, kv.keys, new Region(RegionKind.KEY, kv.keys), false);
      int q = ws(pos);
      if (at(q) != ',') {
        pos = q;
        int c = at(pos);
        if (c < 0) {
          throw new TomlError("toml::parse_inline_table: missing table separator `}` ");
        }
        if (c == '}') {
          pos++;
          depth--;
          return out;
        }
        if (c == '#' || c == '\r' || c == '\n') {
          throw new TomlError("toml::parse_inline_table: missing curly brace `}`");
        }
        throw new TomlError("toml::parse_inline_table: missing table separator `,` ");
      }
      pos = ws(q + 1);
      if (at(pos) == '}') {
        throw new TomlError("toml::parse_inline_table: trailing comma is not allowed in an inline table");
      }
    }
    throw new TomlError("toml::parse_inline_table: inline table did not closed by `}`");
  }

  private record KeyValue(List<String> keys, Node value) {}

  /** parse_key: a dotted or simple key; its parts. */
  private List<String> key() {
    int first = pos;
    int q = dottedKeyLex(first);
    if (q < 0) {
      q = simpleKeyLex(first);
      if (q < 0) {
        throw new ValueError("toml::parse_key: an invalid key appeared.");
      }
    }
    List<String> keys = new ArrayList<>();
    int p = first;
    while (p < q) {
      p = ws(p);
      int c = at(p);
      String k;
      if (c == '"') {
        int e = basicString(p);
        k = unescape(p + 1, e - 1);
        checkUtf8(k);
        p = e;
      } else if (c == '\'') {
        int e = literalString(p);
        k = s.substring(p + 1, e - 1);
        p = e;
      } else {
        int e = unquotedKey(p);
        k = s.substring(p, e);
        p = e;
      }
      keys.add(k);
      p = ws(p);
      if (p < q && at(p) == '.') {
        p++;
      }
    }
    pos = q;
    return keys;
  }

  private KeyValue keyValue() {
    int first = pos;
    List<String> keys;
    try {
      keys = key();
    } catch (ValueError e) {
      if (keyvalSep(first) >= 0) {
        throw new ValueError("toml::parse_key_value_pair: empty key is not allowed.");
      }
      throw e;
    }
    int afterKey = pos;
    int sep = keyvalSep(afterKey);
    if (sep < 0) {
      int lineEnd = s.indexOf('\n', afterKey);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      if (s.indexOf('=', afterKey) >= 0 && s.indexOf('=', afterKey) < lineEnd) {
        throw new ValueError("toml::parse_key_value_pair: invalid format for key");
      }
      throw new ValueError("toml::parse_key_value_pair: missing key-value separator `=`");
    }
    pos = sep;
    try {
      return new KeyValue(keys, value());
    } catch (ValueError e) {
      if (blankLine(sep) >= 0) {
        throw new ValueError("toml::parse_key_value_pair: missing value after key-value separator '='");
      }
      throw e;
    }
  }

  private static String dotted(List<String> keys, int count) {
    return String.join(".", keys.subList(0, count));
  }

  /** toml11's insert_nested_key. */
  private void insert(Table root, Node v, List<String> keys, Region keyRegion, boolean arrayOfTables) {
    Table tab = root;
    int last = keys.size() - 1;
    for (int i = 0; i <= last; i++) {
      String k = keys.get(i);
      Node existing = tab.entries.get(k);
      if (i == last) {
        if (arrayOfTables) {
          if (existing != null) {
            if (existing instanceof Table) {
              throw new TomlError("toml::insert_value: array of table (\"" + dotted(keys, keys.size())
                  + "\") cannot be defined");
            }
            if (!(existing instanceof Array a)) {
              throw new TomlError("toml::insert_value: array of table (\"" + dotted(keys, keys.size())
                  + "\") collides with existing value");
            }
            if (a.items.isEmpty() || !(a.items.get(0) instanceof Table)) {
              throw new TomlError("toml::insert_value: array of table (\"" + dotted(keys, keys.size())
                  + "\") collides with existing value");
            }
            if (a.items.get(0).region.kind() != RegionKind.ARRAY_HEADER) {
              throw new TomlError("toml::insert_value: array of table (\"" + dotted(keys, keys.size())
                  + "\") collides with existing array-of-tables");
            }
            a.items.add(v);
            return;
          }
          Array aot = new Array(keyRegion);
          aot.items.add(v);
          tab.entries.put(k, aot);
          return;
        }
        if (existing != null) {
          if (existing instanceof Table t && v instanceof Table nt) {
            if (!validForwardDefinition(t, nt, keys)) {
              throw new TomlError("toml::insert_value: table (\"" + dotted(keys, keys.size())
                  + "\") already exists.");
            }
            for (Map.Entry<String, Node> e : nt.entries.entrySet()) {
              if (t.entries.containsKey(e.getKey())) {
                throw new TomlError("toml::insert_value: value (\"" + dotted(keys, keys.size())
                    + "\") already exists.");
              }
              t.entries.put(e.getKey(), e.getValue());
            }
            t.region = keyRegion;
            return;
          }
          if (v instanceof Table && existing instanceof Array a && !a.items.isEmpty()
              && a.items.get(0) instanceof Table) {
            throw new TomlError("toml::insert_value: array of tables (\"" + dotted(keys, keys.size())
                + "\") already exists.");
          }
          throw new TomlError("toml::insert_value: value (\"" + dotted(keys, keys.size())
              + "\") already exists.");
        }
        tab.entries.put(k, v);
        return;
      }
      if (existing == null) {
        existing = new Table(keyRegion);
        tab.entries.put(k, existing);
      }
      if (existing instanceof Table t) {
        if (t.region.kind() == RegionKind.INLINE_TABLE) {
          throw new TomlError("toml::insert_value: inserting to an inline table ("
              + dotted(keys, i + 1) + ") but inline tables are immutable");
        }
        tab = t;
      } else if (existing instanceof Array a && !a.items.isEmpty()) {
        Node back = a.items.get(a.items.size() - 1);
        if (!(back instanceof Table bt)) {
          throw new TomlError("toml::insert_value: target (" + dotted(keys, i + 1)
              + ") is neither table nor an array of tables");
        }
        tab = bt;
      } else {
        throw new TomlError("toml::insert_value: target (" + dotted(keys, i + 1)
            + ") is neither table nor an array of tables");
      }
    }
  }

  /** toml11's is_valid_forward_table_definition. */
  private static boolean validForwardDefinition(Table fwd, Table inserting, List<String> keys) {
    if (inserting.region.kind() == RegionKind.INLINE_TABLE) {
      return false;
    }
    Region r = fwd.region;
    if (r.kind() == RegionKind.TABLE_HEADER) {
      return !r.keys().equals(keys);
    }
    return r.kind() == RegionKind.KEY;
  }

  /** [a.b] or [[a.b]] at pos: its keys (pos moves past the newline after it), or null. */
  private List<String> tableKey(boolean array) {
    int p = pos;
    int open = array ? 2 : 1;
    for (int i = 0; i < open; i++) {
      if (at(p + i) != '[') {
        return null;
      }
    }
    int keyStart = ws(p + open);
    int keyEnd = keyLex(keyStart);
    if (keyEnd < 0) {
      return null;
    }
    int q = ws(keyEnd);
    for (int i = 0; i < open; i++) {
      if (at(q + i) != ']') {
        return null;
      }
    }
    q += open;
    int save = pos;
    pos = keyStart;
    List<String> keys = key();
    pos = save;
    if (q < n) {
      int nl = blankLine(q);
      if (nl < 0) {
        throw new TomlError(array
            ? "toml::parse_array_table_key: newline required after [[table.key]]"
            : "toml::parse_table_key: newline required after [table.key]");
      }
      q = nl;
    }
    pos = q;
    return keys;
  }

  /** parse_ml_table: key/value lines up to the next table header or the end. */
  private Table table() {
    Table tab = new Table(Region.SCALAR);
    if (pos >= n) {
      return tab;
    }
    int q = blankLines(pos);
    if (q >= 0) {
      pos = q;
    }
    pos = ws(pos);
    while (pos < n) {
      pos = ws(pos);
      if (at(pos) == '[') {
        int save = pos;
        if (tableKey(true) != null || tableKey(false) != null) {
          pos = save;
          return tab;
        }
        pos = save;
      }
      KeyValue kv;
      try {
        kv = keyValue();
      } catch (ValueError e) {
        throw new TomlError(e.getMessage());
      }
      insert(tab, kv.value, kv.keys, new Region(RegionKind.KEY, kv.keys), false);
      pos = commentOpt(ws(pos));
      q = blankLines(pos);
      if (q < 0 && pos < n) {
        throw new TomlError("toml::parse_table: invalid line format");
      }
      if (q >= 0) {
        pos = q;
      }
      pos = commentOpt(ws(pos));
    }
    return tab;
  }

  private Table file() {
    Table root = table();
    while (pos < n) {
      List<String> keys = tableKey(true);
      if (keys != null) {
        Region r = new Region(RegionKind.ARRAY_HEADER, keys);
        Table body = table();
        body.region = r;
        insert(root, body, keys, r, true);
        continue;
      }
      keys = tableKey(false);
      if (keys != null) {
        Region r = new Region(RegionKind.TABLE_HEADER, keys);
        Table body = table();
        body.region = r;
        insert(root, body, keys, r, false);
        continue;
      }
      throw new TomlError("toml::parse_toml_file: unknown line appeared");
    }
    return root;
  }

  // ---------------------------------------------------------------------------------------

  /** A container being converted: its children so far. */
  private static final class Frame {
    final Node node;
    final String[] keys;
    final List<Node> kids;
    final Value[] out;
    int i;

    Frame(Node node) {
      this.node = node;
      if (node instanceof Array a) {
        keys = null;
        kids = a.items;
      } else {
        Table t = (Table) node;
        keys = t.entries.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        kids = new ArrayList<>(keys.length);
        for (String k : keys) {
          kids.add(t.entries.get(k));
        }
      }
      out = new Value[kids.size()];
    }

    Value build() {
      if (keys == null) {
        return NixList.wrap(out);
      }
      return NixAttrs.ofSorted(keys, out, null);
    }
  }

  /** The Nix value of the tree, built without recursion; dates are rejected. */
  private static Value toNix(Table root) {
    ArrayList<Frame> stack = new ArrayList<>();
    stack.add(new Frame(root));
    while (true) {
      Frame f = stack.get(stack.size() - 1);
      if (f.i < f.kids.size()) {
        Node child = f.kids.get(f.i);
        if (child instanceof Scalar sc) {
          if (sc.value == null) {
            throw NixError.eval("while parsing a TOML string: Dates and times are not supported");
          }
          f.out[f.i++] = sc.value;
        } else {
          stack.add(new Frame(child));
        }
        continue;
      }
      stack.remove(stack.size() - 1);
      Value v = f.build();
      if (stack.isEmpty()) {
        return v;
      }
      Frame parent = stack.get(stack.size() - 1);
      parent.out[parent.i++] = v;
    }
  }
}
