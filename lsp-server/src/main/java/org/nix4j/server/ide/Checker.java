package org.nix4j.server.ide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nix4j.io.RealIO;
import org.nix4j.server.analysis.Diagnostics;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.EvalDiagnostics;
import org.nix4j.server.eval.EvalWorld;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SourceFile;
import org.nix4j.vm.Budget;
import org.nix4j.vm.NixError;

/**
 * The diagnostics of files outside an editor, as {@code nix4j check} prints them: the same as
 * the language server's (syntax, compile and evaluation), evaluating in the same sandbox (reads
 * under the current directory, the files' directories and the search path only).
 */
public final class Checker {
  /** How long the evaluation of one file may take. */
  static final long TIME_MS = 10_000;

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
    List<IdeDiagnostic> out = new ArrayList<>(Diagnostics.compile(fa));
    if (evaluate) {
      out.addAll(evaluate(fa));
    }
    out.sort(Comparator.comparingInt((IdeDiagnostic d) -> d.range().start()));
    return out;
  }

  private List<IdeDiagnostic> evaluate(FileAnalysis fa) {
    Path cwd = Path.of("").toAbsolutePath();
    Set<String> roots = new LinkedHashSet<>();
    roots.add(RealIO.fromPath(cwd));
    if (fa.path() != null && fa.path().getParent() != null) {
      roots.add(RealIO.fromPath(fa.path().getParent()));
    }
    List<String> sp = new ArrayList<>();
    for (String entry : searchPath) {
      int eq = entry.indexOf('=');
      String prefix = eq < 0 ? "" : entry.substring(0, eq + 1);
      String path = eq < 0 ? entry : entry.substring(eq + 1);
      if (!path.contains("://")) {
        Path abs = cwd.resolve(path).normalize();
        path = abs.toString();
        roots.add(RealIO.fromPath(abs));
      }
      sp.add(Bytes.fromUnicode(prefix + path));
    }
    EvalWorld world = new EvalWorld(List.copyOf(roots), sp, p -> null);
    DocumentEval doc = world.document(fa);
    EvalDiagnostics diags = new EvalDiagnostics(doc);
    world.setTraceListener(diags::trace);
    world.evaluator().vm().setBudget(new Budget(Long.MAX_VALUE, TIME_MS * 1_000_000L, 32L << 20));
    try {
      diags.run(world.evaluator().vm());
    } catch (NixError e) {
      diags.note(e.getMessage() + "; later evaluation errors may be missing");
    }
    return diags.found();
  }
}
