package org.nix4j.server.ide.assists;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Cursor;
import org.nix4j.server.ide.SourceEdit;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/** One code action: offers itself when the syntax (or a diagnostic) at the cursor fits. */
public interface Assist {
  /** Adds this action to {@code out} when it applies. */
  void collect(Context ctx, List<CodeActions.Action> out);

  /** What an assist sees: the file, the selection, the diagnostics, and nodes around the cursor. */
  final class Context {
    public final FileAnalysis file;
    public final TextRange range;
    public final List<IdeDiagnostic> diagnostics;

    public Context(FileAnalysis file, TextRange range, List<IdeDiagnostic> diagnostics) {
      this.file = file;
      this.range = range;
      this.diagnostics = diagnostics;
    }

    /** The token at the start of the selection. */
    public SyntaxToken token() {
      return Cursor.tokenAt(file.parse().root(), range.start());
    }

    /** The innermost node covering the selection. */
    public SyntaxNode covering() {
      return file.parse().root().coveringNode(range);
    }

    /** The innermost node of {@code kind} around the cursor (the selection's start), or null. */
    public SyntaxNode around(SyntaxKind kind) {
      SyntaxToken t = token();
      return t == null ? null : Cursor.ancestor(t.parent(), kind);
    }

    /** The diagnostics of {@code code} that touch the selection. */
    public List<IdeDiagnostic> diagnostics(String code) {
      List<IdeDiagnostic> out = new ArrayList<>();
      for (IdeDiagnostic d : diagnostics) {
        if (code.equals(d.code()) && (d.range().intersects(range) || d.range().containsInclusive(range.start())
            || range.contains(d.range()))) {
          out.add(d);
        }
      }
      return out;
    }

    /** The source text of a range, as Unicode (for edits). */
    public String text(TextRange r) {
      return Bytes.toUnicode(file.text().substring(r.start(), r.end()));
    }

    /** The source text of a node, as Unicode. */
    public String text(SyntaxNode n) {
      return text(n.range());
    }

    /** The indentation (spaces and tabs) of the line {@code offset} is on. */
    public String indentOf(int offset) {
      String line = file.lines().lineText(file.lines().lineOf(offset));
      int i = 0;
      while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
        i++;
      }
      return line.substring(0, i);
    }
  }

  /** An action of one edit. */
  static CodeActions.Action action(String title, String kind, TextRange range, String newText) {
    return new CodeActions.Action(title, kind, List.of(new SourceEdit(range, newText)), false);
  }

  String QUICKFIX = "quickfix";
  String REWRITE = "refactor.rewrite";
  String EXTRACT = "refactor.extract";
  String INLINE = "refactor.inline";
}
