package org.nix4j.builtins;

import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixFloat;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/** Checks of forced arguments, with Nix 2.8's messages ("value is X while Y was expected"). */
public final class Args {
  private Args() {}

  public static long toInt(Value v) {
    if (v instanceof NixInt i) {
      return i.value;
    }
    throw NixError.type("an integer", v);
  }

  /** A float, or an integer converted (as Nix's forceFloat does). */
  public static double toFloat(Value v) {
    if (v instanceof NixFloat f) {
      return f.value;
    }
    if (v instanceof NixInt i) {
      return i.value;
    }
    throw NixError.type("a float", v);
  }

  public static NixList toList(Value v) {
    if (v instanceof NixList l) {
      return l;
    }
    throw NixError.type("a list", v);
  }

  public static NixAttrs toAttrs(Value v) {
    if (v instanceof NixAttrs a) {
      return a;
    }
    throw NixError.type("a set", v);
  }

  /** A string (its context kept in the value). */
  public static NixString toStr(Value v) {
    if (v instanceof NixString s) {
      return s;
    }
    throw NixError.type("a string", v);
  }

  public static boolean toBool(Value v) {
    if (v instanceof org.nix4j.value.NixBool b) {
      return b.value;
    }
    throw NixError.type("a Boolean", v);
  }
}
