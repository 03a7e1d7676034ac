package org.nix4j.builtins;

import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixBool;
import org.nix4j.value.NixInt;
import org.nix4j.value.NixList;
import org.nix4j.value.NixString;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/**
 * What a forced argument must be, with the error Nix 2.8 gives otherwise ("value is X while Y
 * was expected", or for strings that must not carry a context, "the string … is not allowed to
 * refer to a store path").
 */
enum Expect {
  ANY,
  FUNCTION,
  LIST,
  SET,
  INT,
  BOOL,
  STRING,
  /** A string without context, as Nix's {@code forceStringNoCtx}. */
  STRING_NO_CTX;

  void check(Value v) {
    switch (this) {
      case ANY -> { }
      case FUNCTION -> function(v);
      case LIST -> {
        if (!(v instanceof NixList)) {
          throw NixError.type("a list", v);
        }
      }
      case SET -> {
        if (!(v instanceof NixAttrs)) {
          throw NixError.type("a set", v);
        }
      }
      case INT -> {
        if (!(v instanceof NixInt)) {
          throw NixError.type("an integer", v);
        }
      }
      case BOOL -> {
        if (!(v instanceof NixBool)) {
          throw NixError.type("a Boolean", v);
        }
      }
      case STRING -> {
        if (!(v instanceof NixString)) {
          throw NixError.type("a string", v);
        }
      }
      case STRING_NO_CTX -> stringNoContext(v);
      default -> throw new IllegalStateException();
    }
  }

  /** Nix's forceFunction: a lambda, a builtin (maybe partly applied) or a set with __functor. */
  static Value function(Value v) {
    if (v instanceof Closure || v instanceof Builtin || v instanceof PrimOpApp) {
      return v;
    }
    if (v instanceof NixAttrs a && a.has("__functor")) {
      return v;
    }
    throw NixError.type("a function", v);
  }

  /** Nix's forceStringNoCtx on a forced value: the bytes of a string without context. */
  static String stringNoContext(Value v) {
    if (!(v instanceof NixString s)) {
      throw NixError.type("a string", v);
    }
    if (s.hasContext()) {
      throw NixError.eval("the string '" + s.bytes
          + "' is not allowed to refer to a store path (such as '" + s.context.elements().get(0)
          + "')");
    }
    return s.bytes;
  }

  /** Nix's forceBool on a forced value. */
  static boolean bool(Value v) {
    if (v instanceof NixBool b) {
      return b.value;
    }
    throw NixError.type("a Boolean", v);
  }
}
