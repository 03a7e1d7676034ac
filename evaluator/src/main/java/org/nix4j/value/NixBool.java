package org.nix4j.value;

/** {@code true} or {@code false}; there are exactly two instances. */
public final class NixBool extends Value {
  public static final NixBool TRUE = new NixBool(true);
  public static final NixBool FALSE = new NixBool(false);

  public final boolean value;

  private NixBool(boolean value) {
    this.value = value;
  }

  public static NixBool of(boolean b) {
    return b ? TRUE : FALSE;
  }

  @Override
  public String typeOf() {
    return "bool";
  }

  @Override
  public String describe() {
    return "a Boolean";
  }

  @Override
  public String toString() {
    return value ? "true" : "false";
  }
}
