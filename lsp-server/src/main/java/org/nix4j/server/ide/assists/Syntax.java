package org.nix4j.server.ide.assists;

import java.util.List;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** Small questions about syntax that several assists ask. */
final class Syntax {
  private Syntax() {}

  /** Whether the bindings of {@code owner} form a scope (a let, a rec set, a legacy let). */
  static boolean recursive(SyntaxNode owner) {
    return owner.kind() == SyntaxKind.LET_IN || owner.kind() == SyntaxKind.LEGACY_LET
        || (owner.kind() == SyntaxKind.ATTR_SET && NameResolution.isRec(owner));
  }

  /** Whether {@code e} needs no parentheses as an argument or an operand. */
  static boolean atomic(SyntaxNode e) {
    return switch (e.kind()) {
      case IDENT_EXPR, LITERAL, STRING, IND_STRING, PATH_EXPR, SEARCH_PATH, PAREN, LIST, ATTR_SET -> true;
      case SELECT -> e.firstToken(SyntaxKind.OR_KW) == null;
      default -> false;
    };
  }

  /**
   * Whether any expression may stand where {@code e} is without parentheses: the body of a
   * {@code let}, a function, a {@code with} or an {@code assert}, a binding's value, a branch
   * of an {@code if}, the inside of parentheses or of an interpolation, a whole file.
   */
  static boolean anyExpressionFits(SyntaxNode e) {
    SyntaxNode p = e.parent();
    if (p == null) {
      return true;
    }
    return switch (p.kind()) {
      case ROOT, PAREN, INTERPOL, BINDING, LET_IN, LAMBDA, WITH, ASSERT, IF_ELSE, INHERIT_FROM, PAT_ENTRY -> true;
      default -> false;
    };
  }

  /**
   * The span to delete to remove {@code node} cleanly: with the blanks after it, and with its
   * whole line when it is alone on it.
   */
  static TextRange deletion(String text, TextRange node) {
    int start = node.start();
    int end = node.end();
    int lineStart = start;
    while (lineStart > 0 && (text.charAt(lineStart - 1) == ' ' || text.charAt(lineStart - 1) == '\t')) {
      lineStart--;
    }
    int after = end;
    while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
      after++;
    }
    boolean aloneBefore = lineStart == 0 || text.charAt(lineStart - 1) == '\n';
    boolean aloneAfter = after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r';
    if (aloneBefore && aloneAfter) {
      if (after < text.length() && text.charAt(after) == '\r') {
        after++;
      }
      if (after < text.length() && text.charAt(after) == '\n') {
        after++;
      }
      return TextRange.of(lineStart, after);
    }
    return TextRange.of(start, after);
  }

  /** The token of {@code kind} among the children of {@code n}, or null. */
  static SyntaxToken token(SyntaxNode n, SyntaxKind kind) {
    return n.firstToken(kind);
  }

  /** Whether {@code s} is a name that needs no quotes. */
  static boolean identifier(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_'-]*")
        && !List.of("if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or").contains(s);
  }
}
