package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * What a hover says of a derivation (a package) besides its name, as far as it evaluates: the
 * description, version, homepage and license from {@code meta}, its outputs, and where it is
 * defined ({@code meta.position}, which package collections set to {@code "FILE:LINE"}). Only
 * these attributes are forced — never {@code drvPath} or {@code outPath}, which would compute
 * the whole build graph.
 */
final class DerivationInfo {
  private DerivationInfo() {}

  /** Markdown lines, or null when nothing is known beyond the name. */
  static String markdown(Vm vm, NixAttrs drv) {
    NixAttrs meta = attrs(vm, drv.get("meta"));
    List<String> lines = new ArrayList<>();
    String description = meta == null ? null : string(vm, meta.get("description"));
    if (description != null && !description.isBlank()) {
      lines.add(escape(Hover.unicode(description.strip())));
    }
    List<String> facts = new ArrayList<>();
    String version = string(vm, drv.get("version"));
    if (version != null) {
      facts.add("version " + escape(Hover.unicode(version)));
    }
    String homepage = meta == null ? null : string(vm, first(vm, meta.get("homepage")));
    if (homepage != null && (homepage.startsWith("https://") || homepage.startsWith("http://"))) {
      facts.add("[homepage](" + Hover.unicode(homepage).replace(")", "%29") + ")");
    }
    String license = meta == null ? null : license(vm, meta.get("license"));
    if (license != null) {
      facts.add("license " + escape(Hover.unicode(license)));
    }
    Value outputs = force(vm, drv.get("outputs"));
    if (outputs instanceof NixList l && l.size() > 1) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < l.size() && i < 10; i++) {
        String o = string(vm, l.get(i));
        if (o != null) {
          names.add(Hover.unicode(o));
        }
      }
      facts.add("outputs " + escape(String.join(", ", names)));
    }
    if (!facts.isEmpty()) {
      lines.add(String.join(" · ", facts));
    }
    Position position = position(vm, meta);
    if (position != null) {
      String name = Hover.unicode(position.file().substring(position.file().lastIndexOf('/') + 1));
      String line = position.line();
      lines.add("defined in [" + escape(name) + (line.isEmpty() ? "" : ":" + line) + "](file://"
          + Hover.unicode(position.file()).replace(" ", "%20").replace(")", "%29")
          + (line.isEmpty() ? "" : "#L" + line) + ")");
    }
    return lines.isEmpty() ? null : String.join("\n\n", lines);
  }

  /** Where {@code meta.position} says a package is written: an absolute file and a line ("" if none). */
  record Position(String file, String line) {}

  /** {@code meta.position} ({@code "FILE:LINE"}, as package collections set it), or null. */
  static Position position(Vm vm, NixAttrs meta) {
    String position = meta == null ? null : string(vm, meta.get("position"));
    if (position == null) {
      return null;
    }
    int colon = position.lastIndexOf(':');
    String file = colon > 0 ? position.substring(0, colon) : position;
    String line = colon > 0 ? position.substring(colon + 1) : "";
    return file.startsWith("/") && line.chars().allMatch(Character::isDigit) ? new Position(file, line) : null;
  }

  /** The value as a derivation (a set whose {@code type} is "derivation"), or null. */
  static NixAttrs derivation(Vm vm, Value v) {
    return force(vm, v) instanceof NixAttrs a && "derivation".equals(string(vm, a.get("type"))) ? a : null;
  }

  /** A license: its SPDX identifier or short name, or a list of them. */
  private static String license(Vm vm, Value v) {
    Value l = force(vm, v);
    if (l instanceof NixString) {
      return string(vm, l);
    }
    if (l instanceof NixList list) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < list.size() && i < 5; i++) {
        String one = license(vm, list.get(i));
        if (one != null) {
          names.add(one);
        }
      }
      return names.isEmpty() ? null : String.join(", ", names);
    }
    NixAttrs a = l instanceof NixAttrs x ? x : null;
    if (a == null) {
      return null;
    }
    for (String key : new String[] {"spdxId", "shortName", "fullName"}) {
      String s = string(vm, a.get(key));
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  private static Value first(Vm vm, Value v) {
    Value f = force(vm, v);
    return f instanceof NixList l && l.size() > 0 ? l.get(0) : f;
  }

  private static Value force(Vm vm, Value v) {
    if (v == null) {
      return null;
    }
    try {
      return vm.forceValue(v);
    } catch (NixError e) {
      if (e.kind() == NixError.Kind.INTERRUPTED) {
        throw e;
      }
      return null;
    }
  }

  static NixAttrs attrs(Vm vm, Value v) {
    return force(vm, v) instanceof NixAttrs a ? a : null;
  }

  private static String string(Vm vm, Value v) {
    return force(vm, v) instanceof NixString s ? s.bytes : null;
  }

  /** Markdown's special characters as text. */
  private static String escape(String s) {
    return s.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
  }
}
