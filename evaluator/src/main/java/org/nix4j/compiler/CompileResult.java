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
