package org.nix4j.value;

/** {@code null}; there is exactly one instance. */
public final class NixNull extends Value {
  public static final NixNull NULL = new NixNull();

  private NixNull() {}

  @Override
  public String typeOf() {
    return "null";
  }

  @Override
  public String describe() {
    return "null";
  }

  @Override
  public String toString() {
    return "null";
  }
}
