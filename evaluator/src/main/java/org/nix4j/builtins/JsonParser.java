package org.nix4j.builtins;

import java.util.ArrayList;
import org.nix4j.value.Arrays2;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/**
 * The JSON parser of {@code builtins.fromJSON}. Nix 2.8 parses with nlohmann/json, and its error
 * messages are nlohmann's ({@code [json.exception.parse_error.101] parse error at line 1,
 * column 4: syntax error while parsing value - invalid literal; last read: 'tru'}); this parser
 * scans and parses as nlohmann's lexer and SAX parser do, character for character, so that the
 * same inputs are accepted, give the same values (integers that overflow wrap or become floats,
 * strings cut at a NUL), and fail with the same message and position.
 *
 * <p>Input and strings are byte strings (see {@link NixString}). Nesting is kept on an explicit
 * stack: a deeply nested document does not recurse.
 */
final class JsonParser {
  private enum Token {
    UNINITIALIZED("<uninitialized>"),
    TRUE("true literal"),
    FALSE("false literal"),
    NULL("null literal"),
    STRING("string literal"),
    UNSIGNED("number literal"),
    INTEGER("number literal"),
    FLOAT("number literal"),
    BEGIN_ARRAY("'['"),
    BEGIN_OBJECT("'{'"),
    END_ARRAY("']'"),
    END_OBJECT("'}'"),
    NAME_SEPARATOR("':'"),
    VALUE_SEPARATOR("','"),
    PARSE_ERROR("<parse error>"),
    END_OF_INPUT("end of input"),
    LITERAL_OR_VALUE("'[', '{', or a literal");

    final String text;

    Token(String text) {
      this.text = text;
    }
  }

  private static final int EOF = -1;

  private final String in;
  private int pos;
  // The lexer's state, as nlohmann keeps it.
  private int current = EOF;
  private boolean nextUnget;
  private long charsReadTotal;
  private long charsReadCurrentLine;
  private long linesRead;
  private final StringBuilder tokenBuffer = new StringBuilder();
  private String errorMessage = "";
  private long valueUnsigned;
  private long valueInteger;
  private double valueFloat;
  private Token last = Token.UNINITIALIZED;

  private JsonParser(String input) {
    this.in = input;
  }

  /** Parses a JSON document (a byte string) into a Nix value. */
  static Value parse(String input) {
    return new JsonParser(input).document();
  }

  // ---------------------------------------------------------------------------------------
  // Lexer.

  private int get() {
    charsReadTotal++;
    charsReadCurrentLine++;
    if (nextUnget) {
      nextUnget = false;
    } else {
      current = pos < in.length() ? in.charAt(pos++) & 0xff : EOF;
    }
    if (current == '\n') {
      linesRead++;
      charsReadCurrentLine = 0;
    }
    return current;
  }

  private void unget() {
    nextUnget = true;
    charsReadTotal--;
    if (charsReadCurrentLine == 0) {
      if (linesRead > 0) {
        linesRead--;
      }
    } else {
      charsReadCurrentLine--;
    }
  }

  /**
   * nlohmann's token_string holds every byte read since the last reset (minus one unread): it is
   * the input from {@link #tokenStart} to the read position, kept as that range.
   */
  private int tokenStart;

  private void reset() {
    tokenBuffer.setLength(0);
    tokenStart = current == EOF ? pos : pos - 1;
  }

  private void add(int c) {
    tokenBuffer.append((char) c);
  }

  private Token scan() {
    if (charsReadTotal == 0 && !skipBom()) {
      errorMessage = "invalid BOM; must be 0xEF 0xBB 0xBF if given";
      return Token.PARSE_ERROR;
    }
    do {
      get();
    } while (current == ' ' || current == '\t' || current == '\n' || current == '\r');
    switch (current) {
      case '[':
        return Token.BEGIN_ARRAY;
      case ']':
        return Token.END_ARRAY;
      case '{':
        return Token.BEGIN_OBJECT;
      case '}':
        return Token.END_OBJECT;
      case ':':
        return Token.NAME_SEPARATOR;
      case ',':
        return Token.VALUE_SEPARATOR;
      case 't':
        return scanLiteral("true", Token.TRUE);
      case 'f':
        return scanLiteral("false", Token.FALSE);
      case 'n':
        return scanLiteral("null", Token.NULL);
      case '"':
        return scanString();
      case '-': case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return scanNumber();
      case 0:
      case EOF:
        return Token.END_OF_INPUT;
      default:
        errorMessage = "invalid literal";
        return Token.PARSE_ERROR;
    }
  }

  private boolean skipBom() {
    if (get() == 0xEF) {
      return get() == 0xBB && get() == 0xBF;
    }
    unget();
    return true;
  }

  private Token scanLiteral(String literal, Token type) {
    for (int i = 1; i < literal.length(); i++) {
      if (get() != literal.charAt(i)) {
        errorMessage = "invalid literal";
        return Token.PARSE_ERROR;
      }
    }
    return type;
  }

  private static final String[] CONTROL_NAMES = {
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
    "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
    "FS", "GS", "RS", "US"
  };

  /**
   * The content of the last string token when it is one run of plain printable ASCII (no escape,
   * no control or UTF-8 byte): its range in the input, not copied into {@link #tokenBuffer};
   * plainStart is -1 otherwise.
   */
  private int plainStart = -1;
  private int plainEnd;

  private Token scanString() {
    reset();
    plainStart = -1;
    while (true) {
      if (!nextUnget) {
        // Plain printable ASCII needs no checks: take the run at once.
        int start = pos;
        int p = pos;
        int len = in.length();
        while (p < len) {
          char ch = in.charAt(p);
          if (ch < 0x20 || ch > 0x7F || ch == '"' || ch == '\\') {
            break;
          }
          p++;
        }
        if (p > start) {
          if (tokenBuffer.length() == 0 && p < len && in.charAt(p) == '"') {
            plainStart = start;
            plainEnd = p;
          } else {
            tokenBuffer.append(in, start, p);
          }
          charsReadTotal += p - start;
          charsReadCurrentLine += p - start;
          pos = p;
          current = in.charAt(p - 1);
        }
      }
      int c = get();
      switch (c) {
        case EOF -> {
          errorMessage = "invalid string: missing closing quote";
          return Token.PARSE_ERROR;
        }
        case '"' -> {
          return Token.STRING;
        }
        case '\\' -> {
          switch (get()) {
            case '"' -> add('"');
            case '\\' -> add('\\');
            case '/' -> add('/');
            case 'b' -> add('\b');
            case 'f' -> add('\f');
            case 'n' -> add('\n');
            case 'r' -> add('\r');
            case 't' -> add('\t');
            case 'u' -> {
              int cp1 = getCodepoint();
              int cp = cp1;
              if (cp1 == -1) {
                errorMessage = "invalid string: '\\u' must be followed by 4 hex digits";
                return Token.PARSE_ERROR;
              }
              if (0xD800 <= cp1 && cp1 <= 0xDBFF) {
                if (get() == '\\' && get() == 'u') {
                  int cp2 = getCodepoint();
                  if (cp2 == -1) {
                    errorMessage = "invalid string: '\\u' must be followed by 4 hex digits";
                    return Token.PARSE_ERROR;
                  }
                  if (0xDC00 <= cp2 && cp2 <= 0xDFFF) {
                    cp = (cp1 << 10) + cp2 - 0x35FDC00;
                  } else {
                    errorMessage = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
                    return Token.PARSE_ERROR;
                  }
                } else {
                  errorMessage = "invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF";
                  return Token.PARSE_ERROR;
                }
              } else if (0xDC00 <= cp1 && cp1 <= 0xDFFF) {
                errorMessage = "invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF";
                return Token.PARSE_ERROR;
              }
              addUtf8(cp);
            }
            default -> {
              errorMessage = "invalid string: forbidden character after backslash";
              return Token.PARSE_ERROR;
            }
          }
        }
        default -> {
          if (c < 0x20) {
            String hex = String.format("%04X", c);
            String alt = switch (c) {
              case 0x08 -> " or \\b";
              case 0x09 -> " or \\t";
              case 0x0A -> " or \\n";
              case 0x0C -> " or \\f";
              case 0x0D -> " or \\r";
              default -> "";
            };
            errorMessage = "invalid string: control character U+" + hex + " (" + CONTROL_NAMES[c]
                + ") must be escaped to \\u" + hex + alt;
            return Token.PARSE_ERROR;
          }
          if (c <= 0x7F) {
            add(c);
          } else if (!utf8(c)) {
            return Token.PARSE_ERROR;
          }
        }
      }
    }
  }

  /** A UTF-8 sequence starting with byte c (≥ 0x80), checked as nlohmann checks it. */
  private boolean utf8(int c) {
    int[] ranges;
    if (c >= 0xC2 && c <= 0xDF) {
      ranges = new int[] {0x80, 0xBF};
    } else if (c == 0xE0) {
      ranges = new int[] {0xA0, 0xBF, 0x80, 0xBF};
    } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) {
      ranges = new int[] {0x80, 0xBF, 0x80, 0xBF};
    } else if (c == 0xED) {
      ranges = new int[] {0x80, 0x9F, 0x80, 0xBF};
    } else if (c == 0xF0) {
      ranges = new int[] {0x90, 0xBF, 0x80, 0xBF, 0x80, 0xBF};
    } else if (c >= 0xF1 && c <= 0xF3) {
      ranges = new int[] {0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF};
    } else if (c == 0xF4) {
      ranges = new int[] {0x80, 0x8F, 0x80, 0xBF, 0x80, 0xBF};
    } else {
      errorMessage = "invalid string: ill-formed UTF-8 byte";
      return false;
    }
    add(c);
    for (int r = 0; r < ranges.length; r += 2) {
      int b = get();
      if (ranges[r] <= b && b <= ranges[r + 1]) {
        add(b);
      } else {
        errorMessage = "invalid string: ill-formed UTF-8 byte";
        return false;
      }
    }
    return true;
  }

  private int getCodepoint() {
    int cp = 0;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int c = get();
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'A' && c <= 'F') {
        d = c - 'A' + 10;
      } else if (c >= 'a' && c <= 'f') {
        d = c - 'a' + 10;
      } else {
        return -1;
      }
      cp += d << shift;
    }
    return cp;
  }

  private void addUtf8(int cp) {
    if (cp < 0x80) {
      add(cp);
    } else if (cp <= 0x7FF) {
      add(0xC0 | (cp >> 6));
      add(0x80 | (cp & 0x3F));
    } else if (cp <= 0xFFFF) {
      add(0xE0 | (cp >> 12));
      add(0x80 | ((cp >> 6) & 0x3F));
      add(0x80 | (cp & 0x3F));
    } else {
      add(0xF0 | (cp >> 18));
      add(0x80 | ((cp >> 12) & 0x3F));
      add(0x80 | ((cp >> 6) & 0x3F));
      add(0x80 | (cp & 0x3F));
    }
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  private Token scanNumber() {
    reset();
    if (!nextUnget) {
      Token quick = scanPlainInteger();
      if (quick != null) {
        return quick;
      }
    }
    Token type = Token.UNSIGNED;
    int state;
    if (current == '-') {
      add(current);
      state = 1;
    } else if (current == '0') {
      add(current);
      state = 2;
    } else {
      add(current);
      state = 3;
    }
    loop:
    while (true) {
      switch (state) {
        case 1 -> { // after '-'
          type = Token.INTEGER;
          int c = get();
          if (c == '0') {
            add(c);
            state = 2;
          } else if (digit(c)) {
            add(c);
            state = 3;
          } else {
            errorMessage = "invalid number; expected digit after '-'";
            return Token.PARSE_ERROR;
          }
        }
        case 2 -> { // after a leading zero
          int c = get();
          if (c == '.') {
            add('.');
            state = 4;
          } else if (c == 'e' || c == 'E') {
            add(c);
            state = 6;
          } else {
            break loop;
          }
        }
        case 3 -> { // in the integer part
          int c = get();
          if (digit(c)) {
            add(c);
          } else if (c == '.') {
            add('.');
            state = 4;
          } else if (c == 'e' || c == 'E') {
            add(c);
            state = 6;
          } else {
            break loop;
          }
        }
        case 4 -> { // after '.'
          type = Token.FLOAT;
          int c = get();
          if (digit(c)) {
            add(c);
            state = 5;
          } else {
            errorMessage = "invalid number; expected digit after '.'";
            return Token.PARSE_ERROR;
          }
        }
        case 5 -> { // in the fraction
          int c = get();
          if (digit(c)) {
            add(c);
          } else if (c == 'e' || c == 'E') {
            add(c);
            state = 6;
          } else {
            break loop;
          }
        }
        case 6 -> { // after 'e'
          type = Token.FLOAT;
          int c = get();
          if (c == '+' || c == '-') {
            add(c);
            state = 7;
          } else if (digit(c)) {
            add(c);
            state = 8;
          } else {
            errorMessage = "invalid number; expected '+', '-', or digit after exponent";
            return Token.PARSE_ERROR;
          }
        }
        case 7 -> { // after the exponent's sign
          int c = get();
          if (digit(c)) {
            add(c);
            state = 8;
          } else {
            errorMessage = "invalid number; expected digit after exponent sign";
            return Token.PARSE_ERROR;
          }
        }
        case 8 -> { // in the exponent
          int c = get();
          if (digit(c)) {
            add(c);
          } else {
            break loop;
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    unget();
    // Integers that cannot overflow (at most 18 digits) are read without making a string.
    int len = tokenBuffer.length();
    if ((type == Token.UNSIGNED && len <= 18) || (type == Token.INTEGER && len <= 19)) {
      long v = 0;
      for (int i = type == Token.INTEGER ? 1 : 0; i < len; i++) {
        v = v * 10 + (tokenBuffer.charAt(i) - '0');
      }
      if (type == Token.INTEGER) {
        valueInteger = -v;
      } else {
        valueUnsigned = v;
      }
      return type;
    }
    String text = tokenBuffer.toString();
    if (type == Token.UNSIGNED) {
      try {
        valueUnsigned = Long.parseUnsignedLong(text);
        return Token.UNSIGNED;
      } catch (NumberFormatException e) {
        // Out of range: a float, as strtoull's ERANGE makes nlohmann fall back.
      }
    } else if (type == Token.INTEGER) {
      try {
        valueInteger = Long.parseLong(text);
        return Token.INTEGER;
      } catch (NumberFormatException e) {
        // Out of range: a float.
      }
    }
    // Documents repeat floats (0.5, 1.0 …): the last one's text is parsed once.
    if (!text.equals(lastFloatText)) {
      lastFloatText = text;
      lastFloatParsed = Double.parseDouble(text);
    }
    valueFloat = lastFloatParsed;
    return Token.FLOAT;
  }

  /**
   * An integer of at most 18 digits not followed by a fraction or exponent, read straight from
   * the input with the lexer's state left as {@link #scanNumber} leaves it; null (nothing read)
   * for any other number.
   */
  private Token scanPlainInteger() {
    boolean negative = current == '-';
    int p = pos;
    int len = in.length();
    int digitsStart = negative ? p : p - 1;
    if (negative) {
      if (p >= len || in.charAt(p) < '0' || in.charAt(p) > '9') {
        return null;
      }
    }
    int first = in.charAt(digitsStart);
    int q = digitsStart + 1;
    if (first != '0') {
      while (q < len && in.charAt(q) >= '0' && in.charAt(q) <= '9') {
        q++;
      }
    }
    int digits = q - digitsStart;
    if (digits > 18) {
      return null;
    }
    if (q < len) {
      char t = in.charAt(q);
      if (t == '.' || t == 'e' || t == 'E' || (t >= '0' && t <= '9')) {
        return null;
      }
    }
    long v = 0;
    for (int i = digitsStart; i < q; i++) {
      v = v * 10 + (in.charAt(i) - '0');
    }
    // What the byte-by-byte scan reads: the characters after the first, then the one after the
    // number, which it gives back.
    int read = q - pos;
    charsReadTotal += read;
    charsReadCurrentLine += read;
    pos = q;
    get();
    unget();
    if (negative) {
      valueInteger = -v;
      return Token.INTEGER;
    }
    valueUnsigned = v;
    return Token.UNSIGNED;
  }

  /** What nlohmann shows as "last read": the token's bytes, control characters as <U+XXXX>. */
  private String tokenStringForMessage() {
    int end = nextUnget && current != EOF ? pos - 1 : pos;
    String tokenString = in.substring(Math.min(tokenStart, end), end);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tokenString.length(); i++) {
      char c = tokenString.charAt(i);
      if (c <= 0x1F) {
        sb.append(String.format("<U+%04X>", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------
  // Parser.

  private Token nextToken() {
    last = scan();
    return last;
  }

  private NixError syntaxError(Token expected, String context) {
    StringBuilder msg = new StringBuilder("syntax error ");
    if (!context.isEmpty()) {
      msg.append("while parsing ").append(context).append(' ');
    }
    msg.append("- ");
    if (last == Token.PARSE_ERROR) {
      msg.append(errorMessage).append("; last read: '").append(tokenStringForMessage()).append('\'');
    } else {
      msg.append("unexpected ").append(last.text);
    }
    if (expected != Token.UNINITIALIZED) {
      msg.append("; expected ").append(expected.text);
    }
    return NixError.eval("[json.exception.parse_error.101] parse error at line " + (linesRead + 1)
        + ", column " + charsReadCurrentLine + ": " + msg);
  }

  /**
   * A container being filled: an array (values) or an object (names and values). One per
   * nesting depth, reused for every container at that depth.
   */
  private final class Open {
    boolean array;
    private ArrayList<Value> values;
    private NixAttrs.Builder members;
    String key;

    Open reset(boolean isArray) {
      array = isArray;
      key = null;
      if (isArray) {
        if (values == null) {
          values = new ArrayList<>();
        }
        values.clear();
      } else {
        if (members == null) {
          members = new NixAttrs.Builder();
        }
        members.reset();
      }
      return this;
    }

    void add(Value v) {
      if (array) {
        values.add(v);
      } else {
        members.put(key, v);
      }
    }

    Value build() {
      if (array) {
        Value[] items = Arrays2.values(values);
        values.clear();
        return NixList.wrap(items);
      }
      NixAttrs set = members.build(shapes);
      members.reset();
      return set;
    }
  }

  /** The containers of each depth, reused (see {@link Open}). */
  private final ArrayList<Open> pool = new ArrayList<>();

  private Open open(int depth, boolean isArray) {
    if (depth == pool.size()) {
      pool.add(new Open());
    }
    return pool.get(depth).reset(isArray);
  }

  /** The names of the objects built so far, shared by objects with the same keys. */
  private final NixAttrs.Shapes shapes = new NixAttrs.Shapes();

  /** The string token as a value; strings of one byte are shared. */
  private NixString stringValue() {
    if (plainStart >= 0) {
      // Plain printable ASCII: no NUL to cut at.
      return plainEnd - plainStart == 1
          ? NixString.ofByte(in.charAt(plainStart))
          : NixString.of(in.substring(plainStart, plainEnd));
    }
    int n = tokenBuffer.length();
    if (n <= 1) {
      return n == 0 || tokenBuffer.charAt(0) == 0 ? NixString.EMPTY : NixString.ofByte(tokenBuffer.charAt(0));
    }
    return NixString.of(cString(tokenBuffer.toString()));
  }

  // Object keys repeat (an array of objects names the same keys in each), so each distinct key
  // is made a String once: an open-addressing table of the keys seen, looked up by the bytes of
  // the token. Past MAX_KEYS distinct keys, new ones are no longer remembered.
  private static final int MAX_KEYS = 4096;
  private String[] keys = new String[64];
  private int keyCount;

  /** The string token as an object key (a byte string, cut at a NUL as Nix does). */
  private String key() {
    CharSequence b = plainStart >= 0 ? in : tokenBuffer;
    int from = plainStart >= 0 ? plainStart : 0;
    int n = plainStart >= 0 ? plainEnd - plainStart : tokenBuffer.length();
    int h = 0;
    for (int i = 0; i < n; i++) {
      h = 31 * h + b.charAt(from + i);
    }
    String[] table = keys;
    int mask = table.length - 1;
    int slot = (h ^ (h >>> 15)) & mask;
    while (true) {
      String k = table[slot];
      if (k == null) {
        break;
      }
      if (k.hashCode() == h && k.length() == n && sameChars(k, b, from, n)) {
        return cString(k);
      }
      slot = (slot + 1) & mask;
    }
    String k = b.subSequence(from, from + n).toString();
    if (keyCount < MAX_KEYS) {
      table[slot] = k;
      if (++keyCount * 2 > table.length) {
        growKeys();
      }
    }
    return cString(k);
  }

  private static boolean sameChars(String k, CharSequence b, int from, int n) {
    for (int i = 0; i < n; i++) {
      if (k.charAt(i) != b.charAt(from + i)) {
        return false;
      }
    }
    return true;
  }

  private void growKeys() {
    String[] old = keys;
    String[] table = new String[old.length * 2];
    int mask = table.length - 1;
    for (String k : old) {
      if (k != null) {
        int h = k.hashCode();
        int slot = (h ^ (h >>> 15)) & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = k;
      }
    }
    keys = table;
  }

  /** A C string: Nix's values end at the first NUL byte. */
  private static String cString(String s) {
    int nul = s.indexOf('\0');
    return nul < 0 ? s : s.substring(0, nul);
  }

  private Value document() {
    nextToken();
    ArrayList<Open> states = new ArrayList<>();
    Value result = null;
    boolean skipToStateEvaluation = false;
    while (true) {
      Value value = null;
      if (!skipToStateEvaluation) {
        switch (last) {
          case BEGIN_OBJECT -> {
            if (nextToken() == Token.END_OBJECT) {
              value = NixAttrs.EMPTY;
              break;
            }
            if (last != Token.STRING) {
              throw syntaxError(Token.STRING, "object key");
            }
            Open o = open(states.size(), false);
            o.key = key();
            if (nextToken() != Token.NAME_SEPARATOR) {
              throw syntaxError(Token.NAME_SEPARATOR, "object separator");
            }
            states.add(o);
            nextToken();
            continue;
          }
          case BEGIN_ARRAY -> {
            if (nextToken() == Token.END_ARRAY) {
              value = NixList.EMPTY;
              break;
            }
            states.add(open(states.size(), true));
            continue;
          }
          case FLOAT -> {
            if (!Double.isFinite(valueFloat)) {
              throw NixError.eval("[json.exception.out_of_range.406] number overflow parsing '"
                  + tokenStringForMessage() + "'");
            }
            // Documents repeat floats (0.5, 1.0 …): the last one is reused.
            if (lastFloat == null
                || Double.doubleToRawLongBits(lastFloat.value) != Double.doubleToRawLongBits(valueFloat)) {
              lastFloat = NixFloat.of(valueFloat);
            }
            value = lastFloat;
          }
          case FALSE -> value = NixBool.FALSE;
          case NULL -> value = NixNull.NULL;
          case TRUE -> value = NixBool.TRUE;
          case INTEGER -> value = NixInt.of(valueInteger);
          case UNSIGNED -> value = NixInt.of(valueUnsigned);
          case STRING -> value = stringValue();
          case PARSE_ERROR -> throw syntaxError(Token.UNINITIALIZED, "value");
          default -> throw syntaxError(Token.LITERAL_OR_VALUE, "value");
        }
      } else {
        skipToStateEvaluation = false;
        value = pendingClosed;
        pendingClosed = null;
      }
      // A value is complete.
      if (states.isEmpty()) {
        result = value;
        break;
      }
      Open top = states.get(states.size() - 1);
      top.add(value);
      if (top.array) {
        if (nextToken() == Token.VALUE_SEPARATOR) {
          nextToken();
          continue;
        }
        if (last == Token.END_ARRAY) {
          states.remove(states.size() - 1);
          pendingClosed = top.build();
          skipToStateEvaluation = true;
          continue;
        }
        throw syntaxError(Token.END_ARRAY, "array");
      }
      if (nextToken() == Token.VALUE_SEPARATOR) {
        if (nextToken() != Token.STRING) {
          throw syntaxError(Token.STRING, "object key");
        }
        top.key = key();
        if (nextToken() != Token.NAME_SEPARATOR) {
          throw syntaxError(Token.NAME_SEPARATOR, "object separator");
        }
        nextToken();
        continue;
      }
      if (last == Token.END_OBJECT) {
        states.remove(states.size() - 1);
        pendingClosed = top.build();
        skipToStateEvaluation = true;
        continue;
      }
      throw syntaxError(Token.END_OBJECT, "object");
    }
    if (nextToken() != Token.END_OF_INPUT) {
      throw syntaxError(Token.END_OF_INPUT, "value");
    }
    return result;
  }

  private Value pendingClosed;
  private String lastFloatText;
  private double lastFloatParsed;
  private NixFloat lastFloat;
}
