package org.nix4j.value;

/** A list of values (each possibly an unforced thunk). Immutable: never write into {@link #items}. */
public final class NixList extends Value {
  public static final NixList EMPTY = new NixList(new Value[0]);

  private final Value[] items;

  private NixList(Value[] items) {
    this.items = items;
  }

  /** A list that takes ownership of {@code items}: the caller must not change the array after. */
  public static NixList wrap(Value[] items) {
    return items.length == 0 ? EMPTY : new NixList(items);
  }

  public int size() {
    return items.length;
  }

  public Value get(int i) {
    return items[i];
  }

  /** The backing array; read only. */
  public Value[] items() {
    return items;
  }

  public NixList concat(NixList other) {
    if (other.items.length == 0) {
      return this;
    }
    if (items.length == 0) {
      return other;
    }
    Value[] out = new Value[items.length + other.items.length];
    System.arraycopy(items, 0, out, 0, items.length);
    System.arraycopy(other.items, 0, out, items.length, other.items.length);
    return new NixList(out);
  }

  @Override
  public String typeOf() {
    return "list";
  }

  @Override
  public String describe() {
    return "a list";
  }
}
