package org.nix4j.server.ide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signatures and descriptions of the builtins, written for nix4j ({@code builtins.md} beside
 * this class: a {@code ### name} heading, the signature on the next line, then the
 * description). A global alias ({@code map}, {@code __head}) finds the builtin it names.
 */
public final class BuiltinDocs {
  /** One builtin's documentation. */
  public record Doc(String name, String signature, String description) {}

  private static final Map<String, Doc> DOCS = load();

  private BuiltinDocs() {}

  private static Map<String, Doc> load() {
    Map<String, Doc> out = new LinkedHashMap<>();
    try (InputStream in = BuiltinDocs.class.getResourceAsStream("builtins.md")) {
      if (in == null) {
        return out;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String name = null;
      String signature = null;
      StringBuilder desc = new StringBuilder();
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("### ")) {
          if (name != null) {
            out.put(name, new Doc(name, signature, desc.toString().strip()));
          }
          name = line.substring(4).strip();
          signature = null;
          desc.setLength(0);
        } else if (name != null && signature == null && !line.isBlank()) {
          signature = line.strip();
        } else if (name != null) {
          desc.append(line).append('\n');
        }
      }
      if (name != null) {
        out.put(name, new Doc(name, signature, desc.toString().strip()));
      }
    } catch (IOException e) {
      // no documentation then
    }
    return Collections.unmodifiableMap(out);
  }

  /** The documentation of the builtin a global name or a {@code builtins} attribute names. */
  public static Doc of(String name) {
    Doc d = DOCS.get(name);
    if (d == null && name.startsWith("__")) {
      d = DOCS.get(name.substring(2));
    }
    return d;
  }

  /** Every documented builtin. */
  public static Map<String, Doc> all() {
    return DOCS;
  }

  /** The documentation as Markdown, or null. */
  public static String markdown(String name) {
    Doc d = of(name);
    if (d == null) {
      return null;
    }
    return "```nix\n" + d.signature() + "\n```\n\n" + d.description();
  }
}
