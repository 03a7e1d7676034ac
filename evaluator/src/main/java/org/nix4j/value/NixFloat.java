package org.nix4j.value;

/** A double-precision float. */
public final class NixFloat extends Value {
  public final double value;

  private NixFloat(double value) {
    this.value = value;
  }

  public static NixFloat of(double v) {
    return new NixFloat(v);
  }

  @Override
  public String typeOf() {
    return "float";
  }

  @Override
  public String describe() {
    return "a float";
  }

  @Override
  public String toString() {
    return Printer.formatFloat(value);
  }
}
