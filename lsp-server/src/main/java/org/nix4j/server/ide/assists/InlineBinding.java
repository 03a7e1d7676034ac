package org.nix4j.server.ide.assists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.SourceEdit;
import org.nix4j.server.ide.Subject;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;

/**
 * Inlines a {@code let} binding {@code x = e;}: every use of {@code x} becomes {@code e}
 * (parenthesized unless it needs none) and the binding goes. Offered when each name {@code e}
 * uses means the same at every use, {@code e} does not use {@code x}, and {@code x} is not
 * inherited anywhere.
 */
final class InlineBinding implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    Subject s = Subject.at(ctx.file, ctx.range.start());
    NameResolution.Definition d = s == null ? null : s.definition();
    if (d == null && s != null && s.target() instanceof NameResolution.Local l) {
      d = l.definition();
    }
    if (d == null || d.kind() != NameResolution.Kind.LET || d.sites().size() != 1) {
      return;
    }
    SyntaxNode binding = d.sites().get(0);
    if (binding.kind() != SyntaxKind.BINDING || Trees.bindingAttrs(binding).size() != 1) {
      return;
    }
    SyntaxNode value = Trees.bindingValue(binding);
    if (value == null) {
      return;
    }
    NameResolution names = ctx.file.names();
    Map<String, NameResolution.Target> free = FreeNames.of(names, value);
    if (free.containsKey(d.name())) {
      return;
    }
    List<SyntaxNode> uses = names.uses(d);
    List<SourceEdit> edits = new ArrayList<>();
    for (SyntaxNode use : uses) {
      String text = Syntax.atomic(value) || Syntax.anyExpressionFits(use) ? ctx.text(value) : "(" + ctx.text(value) + ")";
      if (use.kind() != SyntaxKind.IDENT_EXPR) {
        return;
      }
      for (Map.Entry<String, NameResolution.Target> f : free.entrySet()) {
        NameResolution.Definition there = FreeNames.resolveAt(names, use, f.getKey());
        NameResolution.Definition here = f.getValue() instanceof NameResolution.Local l ? l.definition() : null;
        if (there != here) {
          return;
        }
      }
      edits.add(new SourceEdit(use.range(), text));
    }
    SyntaxNode let = binding.parent();
    int bindings = 0;
    for (SyntaxNode c : let.childNodes()) {
      if (c.kind() == SyntaxKind.BINDING || c.kind() == SyntaxKind.INHERIT) {
        bindings++;
      }
    }
    if (bindings == 1 && let.kind() == SyntaxKind.LET_IN) {
      SyntaxNode body = Trees.lastExpr(let);
      if (body == null) {
        return;
      }
      // The whole let goes: its body, with the uses replaced, takes its place.
      StringBuilder sb = new StringBuilder(ctx.text(body));
      List<SourceEdit> inBody = new ArrayList<>(edits);
      inBody.sort((a, b) -> b.range().compareTo(a.range()));
      for (SourceEdit e : inBody) {
        if (!body.range().contains(e.range())) {
          return;
        }
        int from = ctx.text(org.nix4j.syntax.TextRange.of(body.offset(), e.range().start())).length();
        int to = ctx.text(org.nix4j.syntax.TextRange.of(body.offset(), e.range().end())).length();
        sb.replace(from, to, e.newText());
      }
      out.add(new CodeActions.Action("Inline `" + ctx.text(d.nameRange()) + "`", INLINE,
          List.of(new SourceEdit(let.range(), sb.toString())), false));
      return;
    }
    edits.add(new SourceEdit(Syntax.deletion(ctx.file.text(), binding.range()), ""));
    out.add(new CodeActions.Action("Inline `" + ctx.text(d.nameRange()) + "`", INLINE, edits, false));
  }
}
