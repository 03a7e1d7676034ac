package org.nix4j.value;

/**
 * Internal to the VM: the left operand of {@code +}, a set (with {@code __toString} or
 * {@code outPath}), already coerced to a string before the right operand is evaluated, as Nix
 * does. It lives on the VM's stack between that coercion and the addition, which concatenates
 * it as the string of a set (Nix then leaves paths on the right uncopied); it is never the value
 * of anything.
 */
public final class CoercedLeft extends Value {
  public final NixString string;

  public CoercedLeft(NixString string) {
    this.string = string;
  }

  @Override
  public String typeOf() {
    return "set";
  }

  @Override
  public String describe() {
    return "a set";
  }
}
