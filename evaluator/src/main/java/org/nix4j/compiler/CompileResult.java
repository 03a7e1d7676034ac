package org.nix4j.compiler;

import java.util.List;
import org.nix4j.bytecode.Proto;
import org.nix4j.syntax.SourceFile;

/**
 * The code of a file and what the compiler found wrong with it. The code exists even when
 * there are errors: parts that could not be compiled fail when they run, so that an editor can
 * still evaluate the rest.
 */
public record CompileResult(SourceFile file, Proto proto, List<Diagnostic> diagnostics) {
  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The error Nix reports for this file, or null: the first error, except that when the file
   * has syntax errors, Nix never gets to the errors it finds after parsing (undefined variables):
   * the first of the errors found while parsing then (syntax errors, duplicate attributes or
   * formals, dynamic attributes in {@code let} or {@code inherit}...).
   */
  public Diagnostic nixError() {
    boolean syntax = false;
    for (Diagnostic d : diagnostics) {
      syntax |= d.code() == Diagnostic.Code.SYNTAX_ERROR;
    }
    if (!syntax) {
      return firstError();
    }
    for (Diagnostic d : diagnostics) {
      if (d.isError() && d.code() != Diagnostic.Code.UNDEFINED_VARIABLE) {
        return d;
      }
    }
    return null;
  }

  /** The first error, or null. */
  public Diagnostic firstError() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return d;
      }
    }
    return null;
  }
}
