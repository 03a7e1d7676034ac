package org.nix4j.syntax;

/**
 * An immutable element of the green tree: a {@link GreenNode} or a {@link GreenToken}. Green
 * elements know only their kind, their width in bytes and (nodes) their children, not where they
 * are: the same element can appear at several places, in several versions of a tree.
 */
public abstract sealed class GreenElement permits GreenNode, GreenToken {
  final SyntaxKind kind;
  /** A hash of the kind and content, computed on first use; 0 until then. */
  int hash;

  GreenElement(SyntaxKind kind) {
    this.kind = kind;
  }

  /** A hash of the kind and content (used by the cache; equal structure gives equal hashes). */
  abstract int structuralHash();

  public final SyntaxKind kind() {
    return kind;
  }

  /** The length in bytes of the text this element spans. */
  public abstract int width();
}
