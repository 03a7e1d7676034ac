package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxNode;

/**
 * An attribute name: {@link IdentAttr} ({@code a}), {@link StrAttr} ({@code "a b"},
 * {@code "${x}"}) or {@link DynamicAttr} ({@code ${x}}).
 */
public abstract class Attr extends AstNode {
  Attr(SyntaxNode node) {
    super(node);
  }

  static Attr cast(SyntaxNode n) {
    switch (n.kind()) {
      case ATTR_IDENT:
        return new IdentAttr(n);
      case STRING:
        return new StrAttr(n);
      case ATTR_DYNAMIC:
        return new DynamicAttr(n);
      default:
        return null;
    }
  }

  /**
   * The name when it is known without evaluation, as Nix decides: an identifier, a string
   * without interpolation, or {@code ${ "string" }} (a {@code ${}} around a string without
   * interpolation, even in parentheses). {@code null} for a dynamic name.
   */
  public abstract String staticName();
}
