package org.nix4j.server.ide;

import org.nix4j.server.eval.ValueFormatter;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The documentation of a completion item that names an attribute of an evaluated set, computed
 * when the editor shows that item ({@code completionItem/resolve}) rather than for every item of
 * the list: a set like a package collection has tens of thousands of attributes, and forcing
 * them all would take seconds. Says what a hover of {@code set.name} says of the value: the
 * value, its type and, for a package, its description and the rest of {@link DerivationInfo}.
 */
public final class CompletionResolve {
  private CompletionResolve() {}

  /** Markdown, or null when the set has no such attribute. */
  public static String documentation(Vm vm, NixAttrs set, String name) {
    Value v = set.get(name);
    if (v == null) {
      return null;
    }
    try {
      Value value = vm.forceValue(v);
      String type = ValueFormatter.type(value);
      StringBuilder md = new StringBuilder();
      md.append("```nix\n")
          .append(Hover.unicode(new ValueFormatter(vm, ValueFormatter.Limits.HOVER).format(value)))
          .append("\n```\n\n`").append(type).append('`');
      if ("derivation".equals(type) && value instanceof NixAttrs drv) {
        String info = DerivationInfo.markdown(vm, drv);
        if (info != null) {
          md.append("\n\n").append(info);
        }
      }
      return md.toString();
    } catch (NixError e) {
      return (e.kind() == NixError.Kind.INTERRUPTED ? "*not evaluated: " : "*evaluation fails: ")
          + Hover.unicode(e.getMessage()) + "*";
    }
  }
}
