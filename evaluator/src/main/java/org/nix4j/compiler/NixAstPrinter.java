package org.nix4j.compiler;

import org.nix4j.syntax.ast.Expr;

/**
 * Prints an expression the way Nix 2.8 shows expressions in messages (such as
 * {@code assertion '(1 == 2)' failed}). Placeholder: the source text.
 */
final class NixAstPrinter {
  private NixAstPrinter() {}

  static String print(Expr e, String baseDir) {
    return e.text();
  }
}
