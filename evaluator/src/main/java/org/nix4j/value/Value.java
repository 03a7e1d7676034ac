package org.nix4j.value;

/**
 * A Nix value, or a {@link Thunk} that stands for one until it is forced.
 *
 * <p>Values are immutable once built (a thunk changes only from unevaluated to evaluated). The
 * concrete classes are final and few, so that the VM dispatches on them with {@code instanceof}.
 * Strings and attribute names are byte strings: every {@code char} is one byte of the UTF-8 text
 * (see {@link NixString}).
 */
public abstract class Value {
  Value() {}

  /** The value's type, as {@code builtins.typeOf} names it ("int", "set", "lambda", ...). */
  public abstract String typeOf();

  /**
   * The value's type as Nix's error messages name it, with its article: "an integer", "a set",
   * "a function", "null", "a Boolean" ...
   */
  public abstract String describe();

  /** Whether this is a thunk that has not been forced yet. */
  public boolean isThunk() {
    return false;
  }
}
