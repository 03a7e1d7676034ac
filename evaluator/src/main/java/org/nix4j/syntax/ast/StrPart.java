package org.nix4j.syntax.ast;

import org.nix4j.syntax.TextRange;

/** A part of a string, an indented string or a path: literal text or an interpolation. */
public sealed interface StrPart {
  TextRange range();

  /** Literal text, escapes decoded (a byte string). */
  record Literal(String value, TextRange range) implements StrPart {}

  /** {@code ${ expr }}; {@code expr} is {@code null} when it is missing. */
  record Interpolation(Expr expr, TextRange range) implements StrPart {}
}
