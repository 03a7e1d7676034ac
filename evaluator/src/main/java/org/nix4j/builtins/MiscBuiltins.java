package org.nix4j.builtins;

import org.nix4j.value.NixInt;
import org.nix4j.value.NixString;
import org.nix4j.vm.Vm;
import org.nix4j.value.Value;

/** langVersion, nixVersion, placeholder ({@code currentSystem} comes from the evaluator's options). */
final class MiscBuiltins {
  private MiscBuiltins() {}

  /** What {@code builtins.nixVersion} says: nix4j evaluates as Nix 2.8 does. */
  static final String NIX_VERSION = "2.8.0";
  static final int LANG_VERSION = 6;

  static void register(Registry r) {
    r.constant("langVersion", NixInt.of(LANG_VERSION), false);
    r.constant("nixVersion", NixString.of(NIX_VERSION), false);
    r.add(new Primop("placeholder", 1, 1, new Primop.Body() {
      @Override
      public Value apply(Vm vm, Value[] a) {
        return NixString.of(placeholder(Expect.stringNoContext(a[0])));
      }
    }), true);
  }

  /** The placeholder of an output: "/" and the base-32 SHA-256 of "nix-output:NAME". */
  static String placeholder(String output) {
    return "/" + HashBuiltins.base32(HashBuiltins.digest("SHA-256", "nix-output:" + output));
  }
}
