package org.nix4j.eval;

import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/** The JSON and XML printers of {@code nix-instantiate --eval --json/--xml}. */
public final class Formats {
  private Formats() {}

  /** The printers of the builtins toJSON and toXML. */
  public static final Instantiate.Formats DEFAULT = new Instantiate.Formats() {
    @Override
    public String json(Vm vm, Value v, boolean strict) {
      throw NixError.eval("--json is not supported yet by nix4j");
    }

    @Override
    public String xml(Vm vm, Value v, boolean strict) {
      throw NixError.eval("--xml is not supported yet by nix4j");
    }
  };
}
