package org.nix4j.vm;

import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixNull;
import org.nix4j.value.NixString;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;

/** Operations on attribute sets used by the VM, with Nix's messages. */
public final class Attrs {
  private Attrs() {}

  /**
   * The name a forced value gives as an attribute name, or a type error; a string with a
   * context is refused as by Nix's {@code forceStringNoCtx}. Nix reports both without a position.
   */
  public static String nameOf(Value v) {
    if (v instanceof NixString s) {
      if (s.hasContext()) {
        throw NixError.eval("the string '" + s.bytes + "' is not allowed to refer to a store path"
            + " (such as '" + s.context.elements().get(0) + "')").withoutShownPos();
      }
      return s.bytes;
    }
    throw NixError.type("a string", v).withoutShownPos();
  }

  /** "attribute 'x' missing", with Nix's suggestions among the names of {@code in}. */
  public static NixError missing(String name, NixAttrs in) {
    return NixError.eval("attribute '" + name + "' missing")
        .withSuggestions(Suggestions.best(java.util.Arrays.asList(in.names()), name));
  }

  /** Adds a dynamic attribute {@code ${name} = value}; a null name adds nothing. */
  static NixAttrs addDynamic(NixAttrs set, Value name, Value value, SourcePos pos) {
    if (name == NixNull.NULL) {
      return set;
    }
    String n = nameOf(name);
    int i = set.indexOf(n);
    if (i >= 0) {
      SourcePos prev = set.positionAt(i);
      throw new NixError(NixError.Kind.EVAL, "dynamic attribute '" + n + "' already defined at "
          + (prev == null ? "«unknown»" : prev.messageLocation()), pos);
    }
    NixAttrs one = NixAttrs.ofSorted(new String[] {n}, new Value[] {value},
        pos == null ? null : new SourcePos[] {pos});
    return set.update(one);
  }
}
