package org.nix4j.store.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values as {@code nix-instantiate --eval} prints them (strings, lists, sets, booleans,
 * integers, null) into Java: byte-string Strings, Lists, Maps, Booleans, Longs, and
 * {@link #NULL}. Only for reading expected outputs in tests.
 */
public final class NixValues {
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private final String s;
  private int pos;

  private NixValues(String s) {
    this.s = s;
  }

  /** Parses one printed value (a byte string). */
  public static Object parse(String printed) {
    NixValues r = new NixValues(printed);
    Object v = r.value();
    r.ws();
    if (r.pos != printed.length()) {
      throw new IllegalArgumentException("trailing text at " + r.pos + ": " + printed);
    }
    return v;
  }

  private void ws() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private Object value() {
    ws();
    char c = s.charAt(pos);
    if (c == '"') {
      return string();
    }
    if (c == '[') {
      pos++;
      List<Object> l = new ArrayList<>();
      while (true) {
        ws();
        if (s.charAt(pos) == ']') {
          pos++;
          return l;
        }
        l.add(value());
      }
    }
    if (c == '{') {
      pos++;
      Map<String, Object> m = new LinkedHashMap<>();
      while (true) {
        ws();
        if (s.charAt(pos) == '}') {
          pos++;
          return m;
        }
        String key;
        if (s.charAt(pos) == '"') {
          key = string();
        } else {
          int start = pos;
          while (s.charAt(pos) != ' ' && s.charAt(pos) != '=') {
            pos++;
          }
          key = s.substring(start, pos);
        }
        ws();
        expect('=');
        Object v = value();
        ws();
        expect(';');
        m.put(key, v);
      }
    }
    int start = pos;
    while (pos < s.length() && " ;]}".indexOf(s.charAt(pos)) < 0) {
      pos++;
    }
    String word = s.substring(start, pos);
    switch (word) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return NULL;
      default:
        return Long.parseLong(word);
    }
  }

  private void expect(char c) {
    if (s.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c + " at " + pos);
    }
    pos++;
  }

  private String string() {
    expect('"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = s.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c == '\\') {
        char e = s.charAt(pos++);
        sb.append(e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e);
      } else {
        sb.append(c);
      }
    }
  }
}
