package org.nix4j.value;

/** A 64-bit signed integer; arithmetic wraps around as in Nix 2.8. */
public final class NixInt extends Value {
  private static final int CACHE_LOW = -128;
  private static final int CACHE_HIGH = 1024;
  private static final NixInt[] CACHE = new NixInt[CACHE_HIGH - CACHE_LOW + 1];

  static {
    for (int i = 0; i < CACHE.length; i++) {
      CACHE[i] = new NixInt(i + CACHE_LOW);
    }
  }

  public final long value;

  private NixInt(long value) {
    this.value = value;
  }

  public static NixInt of(long v) {
    if (v >= CACHE_LOW && v <= CACHE_HIGH) {
      return CACHE[(int) v - CACHE_LOW];
    }
    return new NixInt(v);
  }

  @Override
  public String typeOf() {
    return "int";
  }

  @Override
  public String describe() {
    return "an integer";
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
