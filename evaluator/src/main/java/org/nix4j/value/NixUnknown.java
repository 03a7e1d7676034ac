package org.nix4j.value;

/**
 * A value nix4j does not know: what the language server binds the arguments of a file to when
 * the file's value is a function ({@code { lib, pkgs, ... }: …}). Every operation on an unknown
 * gives an unknown instead of an error — a select, a call, arithmetic, a comparison, a builtin —
 * so that evaluating such a file reports only real errors. The command line never makes one.
 */
public final class NixUnknown extends Value {
  /** An unknown with no further description. */
  public static final NixUnknown UNKNOWN = new NixUnknown("unknown");

  /** What it stands for, for hover ("the argument 'pkgs'"). */
  public final String origin;

  public NixUnknown(String origin) {
    this.origin = origin;
  }

  @Override
  public String typeOf() {
    return "unknown";
  }

  @Override
  public String describe() {
    return "an unknown value";
  }

  @Override
  public String toString() {
    return "<unknown>";
  }
}
