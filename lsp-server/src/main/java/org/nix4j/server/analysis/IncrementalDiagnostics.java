package org.nix4j.server.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nix4j.compiler.CompileOptions;
import org.nix4j.compiler.CompileResult;
import org.nix4j.compiler.Compiler;
import org.nix4j.compiler.Diagnostic;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextEdit;
import org.nix4j.syntax.TextRange;
import org.nix4j.syntax.ast.Expr;

/**
 * The compiler's diagnostics of a file after a small edit, without compiling the whole file:
 * the value of the innermost binding around the edit is compiled on its own
 * ({@link Compiler#compileExpression}), with the names of the scopes around it as outer names;
 * the diagnostics of the rest of the file are those of the version before, moved by the edit;
 * the syntax errors are the new parse's. What an edit changes outside that value (a binding
 * outside that becomes used or unused, say) shows when the whole file is compiled again, which
 * the caller does next, in the background.
 */
public final class IncrementalDiagnostics {
  private IncrementalDiagnostics() {}

  /**
   * The diagnostics of {@code next}, made from {@code previous}'s ({@code before}) and the one
   * edit between them; null when the edit is not inside the value of a binding (the whole file
   * must be compiled).
   */
  /**
   * The diagnostics, and what is needed to carry other diagnostics of the version before (those
   * of its evaluation) over to the new one: the span of the recompiled value before the edit,
   * and how much the edit moved what follows it.
   */
  public record Result(List<IdeDiagnostic> diagnostics, TextRange unitBefore, int delta) {
    /** The diagnostics of the version before that lie outside the recompiled value, moved. */
    public List<IdeDiagnostic> carry(List<IdeDiagnostic> before) {
      List<IdeDiagnostic> out = new ArrayList<>();
      for (IdeDiagnostic d : before) {
        IdeDiagnostic m = IncrementalDiagnostics.carry(d, unitBefore, delta);
        if (m != null) {
          out.add(m);
        }
      }
      return out;
    }
  }

  public static Result of(List<IdeDiagnostic> before, FileAnalysis next, TextEdit edit) {
    if (edit == null) {
      return null;
    }
    int start = edit.start();
    int end = edit.start() + edit.text().length();
    int delta = edit.delta();
    SyntaxNode root = next.parse().root();
    SyntaxNode unit = null;
    for (SyntaxNode a = root.coveringNode(TextRange.of(start, end)); a != null; a = a.parent()) {
      SyntaxNode p = a.parent();
      if (p != null && p.kind() == SyntaxKind.BINDING && Expr.isExpr(a.kind()) && a.kind() != SyntaxKind.ERROR
          && a == Trees.bindingValue(p) && a.offset() <= start && end <= a.endOffset()) {
        unit = a;
        break;
      }
    }
    if (unit == null) {
      return null;
    }
    TextRange now = unit.range();
    TextRange then = TextRange.of(now.start(), now.end() - delta);
    Set<String> outer = new LinkedHashSet<>();
    boolean underWith = scopeNames(unit, outer);
    CompileResult r = Compiler.compileExpression(next.source(), Expr.cast(unit),
        new CompileOptions(Globals.values(), new ArrayList<>(outer), next.baseDir(), "/homeless-shelter"));
    List<IdeDiagnostic> out = new ArrayList<>();
    for (org.nix4j.syntax.SyntaxError e : next.parse().errors()) {
      out.add(Diagnostics.of(next, Diagnostic.error(Diagnostic.Code.SYNTAX_ERROR, e.message(), e.range())));
    }
    for (IdeDiagnostic d : before) {
      if (!d.code().equals(Diagnostic.Code.SYNTAX_ERROR.id)) {
        IdeDiagnostic m = carry(d, then, delta);
        if (m != null) {
          out.add(m);
        }
      }
    }
    for (Diagnostic d : r.diagnostics()) {
      if (d.code() == Diagnostic.Code.SYNTAX_ERROR || (underWith && d.code() == Diagnostic.Code.UNDEFINED_VARIABLE)) {
        continue;
      }
      out.add(Diagnostics.of(next, d));
    }
    out.sort((a, b) -> Integer.compare(a.range().start(), b.range().start()));
    return new Result(out, then, delta);
  }

  /** {@code d} moved by the edit, or null when it was inside the value recompiled. */
  static IdeDiagnostic carry(IdeDiagnostic d, TextRange then, int delta) {
    TextRange dr = d.range();
    if (dr.end() <= then.start() && !(dr.end() == then.start() && dr.isEmpty())) {
      return d;
    } else if (dr.start() >= then.end()) {
      return moved(d, dr.shift(delta));
    } else if (dr.start() < then.start() && dr.end() > then.end()) {
      return moved(d, TextRange.of(dr.start(), dr.end() + delta));
    }
    return null;
  }

  private static IdeDiagnostic moved(IdeDiagnostic d, TextRange r) {
    return new IdeDiagnostic(d.severity(), d.code(), d.message(), r, d.unnecessary(), d.deprecated(), d.related());
  }

  /**
   * Adds the names the scopes around {@code node} bind (innermost first) to {@code out};
   * returns whether a {@code with} is around it.
   */
  static boolean scopeNames(SyntaxNode node, Set<String> out) {
    boolean with = false;
    SyntaxNode child = node;
    for (SyntaxNode a = node.parent(); a != null; child = a, a = a.parent()) {
      switch (a.kind()) {
        case LET_IN, LEGACY_LET -> bindingNames(a, out);
        case ATTR_SET -> {
          if (NameResolution.isRec(a)) {
            bindingNames(a, out);
          }
        }
        case LAMBDA -> {
          SyntaxNode ident = a.firstChild(SyntaxKind.IDENT_PARAM);
          SyntaxNode pattern = a.firstChild(SyntaxKind.PATTERN);
          if (ident != null && ident.firstToken(SyntaxKind.IDENT) != null) {
            out.add(ident.firstToken(SyntaxKind.IDENT).text());
          }
          if (pattern != null) {
            for (SyntaxNode e : pattern.childNodes()) {
              SyntaxToken t = e.firstToken(SyntaxKind.IDENT);
              if (t != null && (e.kind() == SyntaxKind.PAT_ENTRY || e.kind() == SyntaxKind.PAT_BIND)) {
                out.add(t.text());
              }
            }
          }
        }
        case WITH -> {
          SyntaxToken semi = a.firstToken(SyntaxKind.SEMICOLON);
          if (semi != null && child.offset() > semi.offset()) {
            with = true;
          }
        }
        default -> { }
      }
    }
    return with;
  }

  private static void bindingNames(SyntaxNode scope, Set<String> out) {
    for (SyntaxNode b : scope.childNodes()) {
      if (b.kind() == SyntaxKind.BINDING) {
        SyntaxNode path = b.firstChild(SyntaxKind.ATTRPATH);
        SyntaxNode first = path == null ? null : path.firstChildNode();
        String name = first == null ? null : NameResolution.staticAttrName(first);
        if (name != null) {
          out.add(name);
        }
      } else if (b.kind() == SyntaxKind.INHERIT) {
        for (SyntaxNode a : b.childNodes()) {
          String name = a.kind() == SyntaxKind.INHERIT_FROM ? null : NameResolution.staticAttrName(a);
          if (name != null) {
            out.add(name);
          }
        }
      }
    }
  }
}
