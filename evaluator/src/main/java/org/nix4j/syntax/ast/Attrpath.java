package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxNode;

/** {@code a.b."c".${d}}. */
public final class Attrpath extends AstNode {
  Attrpath(SyntaxNode node) {
    super(node);
  }

  public List<Attr> attrs() {
    List<Attr> out = new ArrayList<>();
    for (SyntaxNode n : node.childNodes()) {
      Attr a = Attr.cast(n);
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }
}
