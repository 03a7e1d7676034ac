package org.nix4j.builtins;

import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The JSON and XML writers of {@code builtins.toJSON} and {@code builtins.toXML}, for
 * {@code nix-instantiate --eval --json} and {@code --xml}. Both run the VM from outside (not from
 * inside a frame) and return byte strings.
 */
public final class ValueFormats {
  private ValueFormats() {}

  /**
   * The value as JSON, as {@code printValueAsJSON} writes it. Not {@code strict}: what is not
   * evaluated yet is the error "cannot convert a thunk to JSON".
   */
  public static String json(Vm vm, Value v, boolean strict) {
    JsonBuiltins.ToJson writer = new JsonBuiltins.ToJson(v, strict);
    try {
      return ((NixString) vm.runGenerator(writer)).bytes;
    } catch (NixError e) {
      // Nix writes as it goes: what it wrote before the error stays on stdout.
      throw e.withPartialOutput(writer.partial());
    }
  }

  /**
   * The value as XML, as {@code printValueAsXML} writes it. Not {@code strict}: what is not
   * evaluated yet is written {@code <unevaluated />}. {@code location}: attributes and lambdas
   * carry {@code path}, {@code line} and {@code column} (nix-instantiate's default).
   */
  public static String xml(Vm vm, Value v, boolean strict, boolean location) {
    XmlBuiltin writer = new XmlBuiltin(v, strict, location);
    try {
      return ((NixString) vm.runGenerator(writer)).bytes;
    } catch (NixError e) {
      throw e.withPartialOutput(writer.partial());
    }
  }
}
