package org.nix4j.server.ide;

import org.nix4j.server.analysis.Diagnostics;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;

import java.util.List;
import org.nix4j.syntax.SourceFile;

/** The diagnostics of files outside an editor, as {@code nix4j check} prints them. */
public final class Checker {
  private final List<String> searchPath;
  private final boolean evaluate;

  /**
   * @param searchPath {@code -I} entries ({@code prefix=path} or {@code path})
   * @param evaluate whether to evaluate the files (else syntax and scopes only)
   */
  public Checker(List<String> searchPath, boolean evaluate) {
    this.searchPath = List.copyOf(searchPath);
    this.evaluate = evaluate;
  }

  /** The diagnostics of one file, in source order. */
  public List<IdeDiagnostic> check(SourceFile file) {
    FileAnalysis fa = FileAnalysis.of(file, 0);
    return Diagnostics.compile(fa);
  }
}
