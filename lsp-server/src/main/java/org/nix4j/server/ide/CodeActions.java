package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.assists.Assist;
import org.nix4j.server.ide.assists.Assists;
import org.nix4j.syntax.TextRange;

/**
 * Code actions: the quick fixes of the diagnostics at the cursor and the refactorings that
 * apply to the syntax there. Each is one class of {@code org.nix4j.server.ide.assists}.
 */
public final class CodeActions {
  /** An action: its title, its LSP kind ({@code quickfix}, {@code refactor.rewrite} …), its edits. */
  public record Action(String title, String kind, List<SourceEdit> edits, boolean preferred) {}

  private CodeActions() {}

  /** The actions for a selection (or a cursor: an empty range) and the diagnostics published. */
  public static List<Action> at(FileAnalysis file, TextRange range, List<IdeDiagnostic> diagnostics) {
    Assist.Context ctx = new Assist.Context(file, range, diagnostics);
    List<Action> out = new ArrayList<>();
    for (Assist a : Assists.ALL) {
      try {
        a.collect(ctx, out);
      } catch (RuntimeException e) {
        // An assist that does not understand this syntax offers nothing.
      }
    }
    return out;
  }
}
