package org.nix4j.syntax.ast;

import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/** An expression. {@link #cast} gives the right subclass for a node. */
public abstract class Expr extends AstNode {
  Expr(SyntaxNode node) {
    super(node);
  }

  /** Whether nodes of {@code kind} are expressions. */
  public static boolean isExpr(SyntaxKind kind) {
    switch (kind) {
      case ERROR:
      case IDENT_EXPR:
      case LITERAL:
      case STRING:
      case IND_STRING:
      case PATH_EXPR:
      case SEARCH_PATH:
      case PAREN:
      case LIST:
      case ATTR_SET:
      case LET_IN:
      case LEGACY_LET:
      case WITH:
      case ASSERT:
      case IF_ELSE:
      case LAMBDA:
      case APPLY:
      case SELECT:
      case HAS_ATTR:
      case UNARY_OP:
      case BINARY_OP:
        return true;
      default:
        return false;
    }
  }

  /** The typed view of an expression node, or {@code null} when {@code node} is not one. */
  public static Expr cast(SyntaxNode node) {
    if (node == null) {
      return null;
    }
    switch (node.kind()) {
      case ERROR:
        return new ErrorExpr(node);
      case IDENT_EXPR:
        return new Ident(node);
      case LITERAL:
        return Literal.of(node);
      case STRING:
        return new Str(node);
      case IND_STRING:
        return new IndentedStr(node);
      case PATH_EXPR:
        return new PathExpr(node);
      case SEARCH_PATH:
        return new SearchPath(node);
      case PAREN:
        return new Paren(node);
      case LIST:
        return new ListExpr(node);
      case ATTR_SET:
        return new AttrSet(node);
      case LET_IN:
        return new LetIn(node);
      case LEGACY_LET:
        return new LegacyLet(node);
      case WITH:
        return new With(node);
      case ASSERT:
        return new Assert(node);
      case IF_ELSE:
        return new IfElse(node);
      case LAMBDA:
        return new Lambda(node);
      case APPLY:
        return new Apply(node);
      case SELECT:
        return new Select(node);
      case HAS_ATTR:
        return new HasAttr(node);
      case UNARY_OP:
        return new UnaryOp(node);
      case BINARY_OP:
        return new BinaryOp(node);
      default:
        return null;
    }
  }

  /** This expression without the parentheses around it ({@code ((e))} gives {@code e}). */
  public Expr unparenthesized() {
    Expr e = this;
    while (e instanceof Paren p && p.expr() != null) {
      e = p.expr();
    }
    return e;
  }

  /** Calls the visitor's method for this kind of expression. */
  public abstract <R> R accept(ExprVisitor<R> visitor);
}
