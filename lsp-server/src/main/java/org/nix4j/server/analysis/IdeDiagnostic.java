package org.nix4j.server.analysis;

import java.util.List;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;

/**
 * A diagnostic as the analysis reports it, before any protocol sees it: where (byte offsets),
 * how bad, a stable code (the compiler's, or one of {@link Codes}), a message, the tags
 * editors render (faded when unnecessary, struck through when deprecated) and related
 * locations, possibly in other files.
 */
public record IdeDiagnostic(
    Severity severity,
    String code,
    String message,
    TextRange range,
    boolean unnecessary,
    boolean deprecated,
    List<Related> related) {

  public enum Severity {
    ERROR,
    WARNING,
    INFORMATION,
    HINT
  }

  /** A location that helps explain a diagnostic: a span of a file and what it is. */
  public record Related(SourceFile file, TextRange range, String message) {}

  public IdeDiagnostic {
    related = List.copyOf(related);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
