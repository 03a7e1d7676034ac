package org.nix4j.server.ide.assists;

import java.util.List;
import java.util.Map;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.SourceEdit;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;
import org.nix4j.syntax.ast.Expr;

/**
 * Extracts the selected expression into a {@code let} binding: into the innermost {@code let}
 * around it whose scope has every name the expression uses, else into a new {@code let} around
 * the file's expression when the expression uses no local name. The binding is named
 * {@code value} (or {@code value2} … when taken).
 */
final class ExtractToLet implements Assist {
  @Override
  public void collect(Context ctx, List<CodeActions.Action> out) {
    if (ctx.range.isEmpty()) {
      return;
    }
    TextRange sel = Trees.trim(ctx.file.text(), ctx.range);
    SyntaxNode e = ctx.file.parse().root().coveringNode(sel);
    while (e != null && e.kind() == SyntaxKind.PAREN && !e.range().equals(sel)) {
      e = e.parent();
    }
    if (e == null || !Expr.isExpr(e.kind()) || !e.range().equals(sel) || e.kind() == SyntaxKind.ERROR) {
      return;
    }
    NameResolution names = ctx.file.names();
    Map<String, NameResolution.Target> free = FreeNames.of(names, e);
    // The innermost let whose body or bindings hold e and sees all its names as e does.
    for (SyntaxNode a = e.parent(); a != null; a = a.parent()) {
      if (a.kind() != SyntaxKind.LET_IN) {
        continue;
      }
      if (!visibleAt(names, free, a)) {
        continue;
      }
      String name = freshName(names, a);
      SyntaxNode firstBinding = null;
      for (SyntaxNode c : a.childNodes()) {
        if (c.kind() == SyntaxKind.BINDING || c.kind() == SyntaxKind.INHERIT) {
          firstBinding = c;
          break;
        }
      }
      var letKw = a.firstToken(SyntaxKind.LET_KW);
      int at = firstBinding != null ? firstBinding.offset() : letKw.endOffset();
      String indent = firstBinding != null ? ctx.indentOf(firstBinding.offset()) : "";
      String insert = firstBinding != null
          ? name + " = " + ctx.text(e) + ";\n" + indent
          : " " + name + " = " + ctx.text(e) + ";";
      if (firstBinding != null && ctx.file.lines().lineOf(firstBinding.offset()) == ctx.file.lines().lineOf(letKw.offset())) {
        insert = name + " = " + ctx.text(e) + "; ";
      }
      out.add(new CodeActions.Action("Extract into a `let` binding", EXTRACT, List.of(
          new SourceEdit(TextRange.empty(at), insert), new SourceEdit(e.range(), name)), false));
      return;
    }
    Expr top = ctx.file.parse().expr();
    if (top == null || top.syntax() == e) {
      return;
    }
    for (NameResolution.Target t : free.values()) {
      if (t instanceof NameResolution.Local || t instanceof NameResolution.WithScope) {
        return;
      }
    }
    String name = freshName(names, top.syntax());
    out.add(new CodeActions.Action("Extract into a `let` binding", EXTRACT, List.of(
        new SourceEdit(TextRange.empty(top.syntax().offset()), "let\n  " + name + " = " + ctx.text(e) + ";\nin\n"),
        new SourceEdit(e.range(), name)), false));
  }

  /** Whether every free name of the expression means the same at {@code let}'s bindings. */
  private static boolean visibleAt(NameResolution names, Map<String, NameResolution.Target> free, SyntaxNode let) {
    SyntaxNode probe = Trees.lastExpr(let);
    if (probe == null) {
      return false;
    }
    for (Map.Entry<String, NameResolution.Target> f : free.entrySet()) {
      NameResolution.Target t = f.getValue();
      NameResolution.Definition there = FreeNames.resolveAt(names, probe, f.getKey());
      if (t instanceof NameResolution.Local l) {
        if (there != l.definition()) {
          return false;
        }
      } else if (there != null) {
        return false;
      } else if (t instanceof NameResolution.WithScope w
          && w.withs().stream().anyMatch(x -> let.range().contains(x.range()))) {
        return false;
      }
    }
    return true;
  }

  private static String freshName(NameResolution names, SyntaxNode at) {
    String base = "value";
    for (int i = 1; ; i++) {
      String n = i == 1 ? base : base + i;
      boolean taken = FreeNames.resolveAt(names, at, n) != null || names.namesOf(at).containsKey(n);
      for (SyntaxNode ref : names.references().keySet()) {
        if (at.range().contains(ref.range()) && ref.kind() == SyntaxKind.IDENT_EXPR && ref.text().strip().equals(n)) {
          taken = true;
        }
      }
      if (!taken) {
        return n;
      }
    }
  }}
