package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.ValueFormatter;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Closure;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Inlay hints (a setting, off by default): the evaluated value of each {@code let} binding,
 * shown after its value, short. Bindings whose value is written as a literal, functions, and
 * values that cannot be evaluated (inside a function never called, failing) get none.
 */
public final class InlayHints {
  /** A hint: where it goes and its text (Unicode). */
  public record Hint(int offset, String label) {}

  /** The most hints computed for one request. */
  static final int MAX_HINTS = 200;

  private InlayHints() {}

  public static List<Hint> in(FileAnalysis file, TextRange range, DocumentEval doc) {
    List<Hint> out = new ArrayList<>();
    Vm vm = doc.world().evaluator().vm();
    for (Definition d : file.names().definitions()) {
      if (out.size() >= MAX_HINTS) {
        break;
      }
      if (d.kind() != NameResolution.Kind.LET || d.sites().size() != 1 || !range.intersects(d.sites().get(0).range())) {
        continue;
      }
      SyntaxNode site = d.sites().get(0);
      SyntaxNode value = site.kind() == SyntaxKind.BINDING ? Trees.bindingValue(site) : null;
      if (value == null || value.kind() == SyntaxKind.LITERAL || value.kind() == SyntaxKind.LAMBDA
          || (value.kind() == SyntaxKind.STRING && value.firstChild(SyntaxKind.INTERPOL) == null)) {
        continue;
      }
      try {
        Value v = vm.forceValue(doc.oracle().valueOf(d));
        if (v instanceof Closure) {
          continue;
        }
        String text = new ValueFormatter(vm, ValueFormatter.Limits.INLAY).format(v);
        out.add(new Hint(value.endOffset(), "⇒ " + Hover.unicode(text).replaceAll("\\s+", " ")));
      } catch (NixError e) {
        if (e.kind() == NixError.Kind.INTERRUPTED) {
          break;
        }
      }
    }
    return out;
  }
}
