package org.nix4j.syntax.ast;

/**
 * One method per kind of expression. Every method defaults to {@link #visitOther}, so a visitor
 * overrides only what it needs. (A visitor is dispatch, not traversal: walking nested
 * expressions is the caller's job, and should use an explicit stack on deep input.)
 */
public interface ExprVisitor<R> {
  default R visitOther(Expr e) {
    throw new UnsupportedOperationException(e.getClass().getSimpleName());
  }

  default R visitError(ErrorExpr e) {
    return visitOther(e);
  }

  default R visitIdent(Ident e) {
    return visitOther(e);
  }

  default R visitInt(IntLiteral e) {
    return visitOther(e);
  }

  default R visitFloat(FloatLiteral e) {
    return visitOther(e);
  }

  default R visitUri(UriLiteral e) {
    return visitOther(e);
  }

  default R visitStr(Str e) {
    return visitOther(e);
  }

  default R visitIndentedStr(IndentedStr e) {
    return visitOther(e);
  }

  default R visitPath(PathExpr e) {
    return visitOther(e);
  }

  default R visitSearchPath(SearchPath e) {
    return visitOther(e);
  }

  default R visitParen(Paren e) {
    return visitOther(e);
  }

  default R visitList(ListExpr e) {
    return visitOther(e);
  }

  default R visitAttrSet(AttrSet e) {
    return visitOther(e);
  }

  default R visitLetIn(LetIn e) {
    return visitOther(e);
  }

  default R visitLegacyLet(LegacyLet e) {
    return visitOther(e);
  }

  default R visitWith(With e) {
    return visitOther(e);
  }

  default R visitAssert(Assert e) {
    return visitOther(e);
  }

  default R visitIfElse(IfElse e) {
    return visitOther(e);
  }

  default R visitLambda(Lambda e) {
    return visitOther(e);
  }

  default R visitApply(Apply e) {
    return visitOther(e);
  }

  default R visitSelect(Select e) {
    return visitOther(e);
  }

  default R visitHasAttr(HasAttr e) {
    return visitOther(e);
  }

  default R visitUnary(UnaryOp e) {
    return visitOther(e);
  }

  default R visitBinary(BinaryOp e) {
    return visitOther(e);
  }
}
