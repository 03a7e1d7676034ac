package org.nix4j.server.analysis;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.compiler.Diagnostic;
import org.nix4j.syntax.TextRange;

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

  /** The name (an identifier or a quoted string) that starts at {@code start}. */
  public static TextRange nameAt(String text, int start) {
    if (start >= text.length()) {
      return TextRange.empty(Math.min(start, text.length()));
    }
    int e = start;
    if (text.charAt(e) == '"') {
      e++;
      while (e < text.length() && text.charAt(e) != '"') {
        e += text.charAt(e) == '\\' ? 2 : 1;
      }
      return TextRange.of(start, Math.min(e + 1, text.length()));
    }
    while (e < text.length() && (Character.isLetterOrDigit(text.charAt(e)) || "_'-".indexOf(text.charAt(e)) >= 0)) {
      e++;
    }
    return TextRange.of(start, e);
  }

  /** One diagnostic of the compiler. */
  public static IdeDiagnostic of(FileAnalysis file, Diagnostic d) {
    List<IdeDiagnostic.Related> related = new ArrayList<>();
    for (Diagnostic.Related r : d.related()) {
      TextRange range = r.range().isEmpty() ? nameAt(file.text(), r.range().start()) : r.range();
      related.add(new IdeDiagnostic.Related(file.source(), range, r.message()));
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
