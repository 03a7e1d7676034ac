package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/** Formals {@code { a, b ? 1, ... }}, with an optional {@code @} name before or after. */
public final class Pattern extends Param {
  Pattern(SyntaxNode node) {
    super(node);
  }

  /** The formals in source order. */
  public List<PatEntry> entries() {
    List<PatEntry> out = new ArrayList<>();
    for (SyntaxNode n : node.childNodes()) {
      if (n.kind() == SyntaxKind.PAT_ENTRY) {
        out.add(new PatEntry(n));
      }
    }
    return out;
  }

  /** Whether the formals end with {@code ...}. */
  public boolean hasEllipsis() {
    return token(SyntaxKind.ELLIPSIS) != null;
  }

  private SyntaxNode bind() {
    return child(SyntaxKind.PAT_BIND);
  }

  /** The token of the {@code @} name, or {@code null}. */
  public SyntaxToken bindToken() {
    SyntaxNode b = bind();
    return b == null ? null : b.firstToken(SyntaxKind.IDENT);
  }

  /** The {@code @} name ({@code args} of {@code args @ { ... }}), or {@code null}. */
  public String bindName() {
    SyntaxToken t = bindToken();
    return t == null ? null : t.text();
  }

  /** Whether the {@code @} name comes before the formals ({@code args @ { ... }}). */
  public boolean isBindBefore() {
    SyntaxNode b = bind();
    if (b == null) {
      return false;
    }
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e == b) {
        return true;
      }
      if (e instanceof SyntaxToken t && t.kind() == SyntaxKind.L_BRACE) {
        return false;
      }
    }
    return false;
  }
}
