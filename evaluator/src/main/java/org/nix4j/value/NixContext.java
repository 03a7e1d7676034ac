package org.nix4j.value;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The context of a string: the store paths it refers to, as Nix 2.8 writes them. An element is
 * either a plain store path ({@code /nix/store/…-foo}), a derivation with all its outputs
 * ({@code =/nix/store/…-foo.drv}), or one output of a derivation
 * ({@code !out!/nix/store/…-foo.drv}). Immutable; elements are kept sorted and unique.
 */
public final class NixContext {
  public static final NixContext EMPTY = new NixContext(new String[0]);

  private final String[] elements;

  private NixContext(String[] sortedUnique) {
    this.elements = sortedUnique;
  }

  public static NixContext of(String element) {
    return new NixContext(new String[] {element});
  }

  public static NixContext of(Collection<String> elements) {
    if (elements.isEmpty()) {
      return EMPTY;
    }
    return new NixContext(new TreeSet<>(elements).toArray(new String[0]));
  }

  public boolean isEmpty() {
    return elements.length == 0;
  }

  public int size() {
    return elements.length;
  }

  public List<String> elements() {
    return List.of(elements);
  }

  /** The union of two contexts; returns one of them when the other adds nothing. */
  public NixContext union(NixContext other) {
    if (other == null || other.elements.length == 0 || other == this) {
      return this;
    }
    if (elements.length == 0) {
      return other;
    }
    String[] out = new String[elements.length + other.elements.length];
    int i = 0;
    int j = 0;
    int n = 0;
    while (i < elements.length && j < other.elements.length) {
      int c = elements[i].compareTo(other.elements[j]);
      if (c < 0) {
        out[n++] = elements[i++];
      } else if (c > 0) {
        out[n++] = other.elements[j++];
      } else {
        out[n++] = elements[i++];
        j++;
      }
    }
    while (i < elements.length) {
      out[n++] = elements[i++];
    }
    while (j < other.elements.length) {
      out[n++] = other.elements[j++];
    }
    if (n == elements.length) {
      return this;
    }
    if (n == other.elements.length) {
      return other;
    }
    return new NixContext(Arrays2.copyOf(out, n));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NixContext c && Arrays.equals(elements, c.elements);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(elements);
  }

  @Override
  public String toString() {
    return Arrays.toString(elements);
  }
}
