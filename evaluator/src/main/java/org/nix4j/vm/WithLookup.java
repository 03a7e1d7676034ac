package org.nix4j.vm;

import org.nix4j.value.NixAttrs;
import org.nix4j.value.Value;

/**
 * Looks a variable up in the {@code with} scopes around it, innermost first, forcing each
 * scope's set only when the lookup reaches it. Used only for names no static scope binds.
 */
final class WithLookup extends Generator {
  private final String name;
  private final Value[] scopes;
  private int i;
  private boolean waiting;

  WithLookup(String name, Value[] scopes) {
    this.name = name;
    this.scopes = scopes;
  }

  @Override
  public Value resume(Vm vm, Value in) {
    while (true) {
      if (!waiting) {
        if (i == scopes.length) {
          throw NixError.eval("undefined variable '" + name + "'");
        }
        waiting = true;
        in = vm.force(scopes[i]);
        if (in == null) {
          return null;
        }
      }
      waiting = false;
      if (in instanceof org.nix4j.value.NixUnknown) {
        // The name may be in this scope: what it is, is unknown.
        return in;
      }
      if (!(in instanceof NixAttrs set)) {
        throw NixError.type("a set", in).withoutShownPos(); // as Nix
      }
      Value v = set.get(name);
      if (v != null) {
        return v;
      }
      i++;
    }
  }
}
