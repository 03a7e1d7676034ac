package org.nix4j.server.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.compiler.Diagnostic;

/** The compiler's diagnostics of a file (syntax errors included) as {@link IdeDiagnostic}s. */
public final class Diagnostics {
  private Diagnostics() {}

  /** Syntax errors, compile errors and warnings, in source order. */
  public static List<IdeDiagnostic> compile(FileAnalysis file) {
    List<IdeDiagnostic> out = new ArrayList<>();
    for (Diagnostic d : file.compile().diagnostics()) {
      out.add(of(file, d));
    }
    return out;
  }

  /** One diagnostic of the compiler. */
  public static IdeDiagnostic of(FileAnalysis file, Diagnostic d) {
    List<IdeDiagnostic.Related> related = new ArrayList<>();
    for (Diagnostic.Related r : d.related()) {
      related.add(new IdeDiagnostic.Related(file.source(), r.range(), r.message()));
    }
    return new IdeDiagnostic(
        d.isError() ? IdeDiagnostic.Severity.ERROR : IdeDiagnostic.Severity.WARNING,
        d.code().id,
        d.message(),
        d.range(),
        d.code().unnecessary,
        d.code().deprecated,
        related);
  }
}
