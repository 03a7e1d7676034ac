package org.nix4j.eval;

import org.nix4j.builtins.ValueFormats;
import org.nix4j.value.Value;
import org.nix4j.vm.Vm;

/** The JSON and XML printers of {@code nix-instantiate --eval --json/--xml}. */
public final class Formats {
  private Formats() {}

  /** The printers of the builtins toJSON and toXML, with positions in XML as nix-instantiate. */
  public static final Instantiate.Formats DEFAULT = new Instantiate.Formats() {
    @Override
    public String json(Vm vm, Value v, boolean strict) {
      return ValueFormats.json(vm, v, strict);
    }

    @Override
    public String xml(Vm vm, Value v, boolean strict) {
      return ValueFormats.xml(vm, v, strict, true);
    }
  };
}
