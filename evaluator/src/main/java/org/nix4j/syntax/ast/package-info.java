/**
 * The typed view of syntax trees: one thin class per construct, created on demand over a red
 * {@link org.nix4j.syntax.SyntaxNode}.
 *
 * <p>Expressions ({@link org.nix4j.syntax.ast.Expr#cast}, {@link org.nix4j.syntax.ast.ExprVisitor}):
 * {@link org.nix4j.syntax.ast.Ident}, {@link org.nix4j.syntax.ast.IntLiteral},
 * {@link org.nix4j.syntax.ast.FloatLiteral}, {@link org.nix4j.syntax.ast.UriLiteral},
 * {@link org.nix4j.syntax.ast.Str}, {@link org.nix4j.syntax.ast.IndentedStr},
 * {@link org.nix4j.syntax.ast.PathExpr}, {@link org.nix4j.syntax.ast.SearchPath},
 * {@link org.nix4j.syntax.ast.Select}, {@link org.nix4j.syntax.ast.HasAttr},
 * {@link org.nix4j.syntax.ast.Apply}, {@link org.nix4j.syntax.ast.UnaryOp},
 * {@link org.nix4j.syntax.ast.BinaryOp}, {@link org.nix4j.syntax.ast.Paren},
 * {@link org.nix4j.syntax.ast.AttrSet}, {@link org.nix4j.syntax.ast.LetIn},
 * {@link org.nix4j.syntax.ast.LegacyLet}, {@link org.nix4j.syntax.ast.With},
 * {@link org.nix4j.syntax.ast.Assert}, {@link org.nix4j.syntax.ast.IfElse},
 * {@link org.nix4j.syntax.ast.Lambda} (with an {@link org.nix4j.syntax.ast.IdentParam} or a
 * {@link org.nix4j.syntax.ast.Pattern} of {@link org.nix4j.syntax.ast.PatEntry}s),
 * {@link org.nix4j.syntax.ast.ListExpr} and {@link org.nix4j.syntax.ast.ErrorExpr}.
 * Bindings: {@link org.nix4j.syntax.ast.AttrpathValue} and
 * {@link org.nix4j.syntax.ast.Inherit}; attribute names: {@link org.nix4j.syntax.ast.IdentAttr},
 * {@link org.nix4j.syntax.ast.StrAttr}, {@link org.nix4j.syntax.ast.DynamicAttr}.
 *
 * <p>Error tolerance: a part missing from broken code is {@code null} (or an empty list); an
 * integer that overflows or a float out of range has a {@code null} value (the parser reported
 * it). Values are decoded as Nix does: string escapes, indentation stripping
 * ({@link org.nix4j.syntax.ast.StringDecoder}), static attribute names
 * ({@link org.nix4j.syntax.ast.Attr#staticName}), path resolution
 * ({@link org.nix4j.syntax.ast.PathExpr#resolvedFirstPiece}). Desugaring ({@code -x} is
 * {@code __sub 0 x}, {@code a > b} is {@code __lessThan b a}, {@code <p>} is
 * {@code __findFile __nixPath "p"}, nested attribute paths merge into sets) is the compiler's
 * job; {@link org.nix4j.syntax.NixShow} shows Nix's rules.
 */
package org.nix4j.syntax.ast;
