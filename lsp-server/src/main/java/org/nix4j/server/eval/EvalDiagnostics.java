package org.nix4j.server.eval;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nix4j.server.analysis.Codes;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.analysis.Trees;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixList;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The evaluation errors of a document, found by forcing its value and then, one by one, the
 * attributes and list elements it defines (so that one error does not hide the others), down
 * to a depth. Values defined in other files are forced where this file uses them but not
 * explored. Resumable: when the budget stops it, the next {@link #run} goes on where it was.
 */
public final class EvalDiagnostics {
  static final int MAX_DEPTH = 6;
  static final int MAX_VALUES = 20_000;
  static final int MAX_LIST_ELEMENTS = 200;

  private record Item(Value value, int depth, SourcePos pos) {}

  private final DocumentEval doc;
  private final ArrayDeque<Item> todo = new ArrayDeque<>();
  private final List<IdeDiagnostic> found = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();
  private int visited;
  private boolean started;
  private boolean appliedRoot;

  public EvalDiagnostics(DocumentEval doc) {
    this.doc = doc;
  }

  /** The diagnostics found so far. */
  public List<IdeDiagnostic> found() {
    return List.copyOf(found);
  }

  boolean done() {
    return started && todo.isEmpty();
  }

  /**
   * Forces what is left. Returns normally when everything is done; throws the VM's
   * {@link NixError.Kind#INTERRUPTED} error when the budget stops it (the value being forced is
   * tried again next time).
   */
  public void run(Vm vm) {
    if (!started) {
      started = true;
      todo.add(new Item(doc.root(), 0, null));
    }
    while (!todo.isEmpty()) {
      Item it = todo.peekFirst();
      Value v;
      try {
        v = vm.forceValue(it.value);
      } catch (NixError e) {
        if (e.kind() == NixError.Kind.INTERRUPTED && !(e instanceof Vm.InternalError)) {
          if (e.getMessage().contains("memory")) {
            todo.clear();
            note("evaluation stopped: memory budget exhausted");
            return;
          }
          throw e;
        }
        todo.pollFirst();
        report(e, it);
        continue;
      }
      todo.pollFirst();
      if (it.depth == 0 && v instanceof Closure f && !appliedRoot) {
        // A file whose value is a function: evaluate its body with unknown arguments.
        appliedRoot = true;
        todo.addFirst(new Item(doc.applied(f), 0, null));
        continue;
      }
      if (++visited < MAX_VALUES && it.depth < MAX_DEPTH) {
        expand(v, it);
      }
    }
  }

  private boolean inThisFile(SourcePos p) {
    return p != null && sameFile(p.file());
  }

  private boolean sameFile(SourceFile f) {
    SourceFile mine = doc.source();
    return f == mine || (f.path() != null && f.path().equals(mine.path()) && f.text().equals(mine.text()));
  }

  private void expand(Value v, Item it) {
    if (v instanceof NixAttrs a) {
      if (a.isDerivationShallow() && it.depth > 0) {
        return;
      }
      for (int i = 0; i < a.size(); i++) {
        SourcePos p = a.positionAt(i);
        if (inThisFile(p)) {
          todo.add(new Item(a.valueAt(i), it.depth + 1, p));
        }
      }
    } else if (v instanceof NixList l && (it.pos == null || inThisFile(it.pos))) {
      for (int i = 0; i < l.size() && i < MAX_LIST_ELEMENTS; i++) {
        todo.add(new Item(l.get(i), it.depth + 1, it.pos));
      }
    }
  }

  /** Adds a hint at the top of the file (the budget ran out, say). */
  public void note(String message) {
    add(new IdeDiagnostic(IdeDiagnostic.Severity.HINT, Codes.EVAL_BUDGET, message,
        TextRange.empty(0), false, false, List.of()));
  }

  private void report(NixError e, Item it) {
    List<IdeDiagnostic.Related> related = new ArrayList<>();
    TextRange at = null;
    SourcePos pos = e.pos();
    if (inThisFile(pos)) {
      at = range(pos);
    } else if (pos != null) {
      related.add(new IdeDiagnostic.Related(pos.file(), range(pos), "the error: " + e.getMessage()));
    }
    for (NixError.TraceEntry t : e.trace()) {
      if (t.pos() == null) {
        continue;
      }
      if (at == null && inThisFile(t.pos())) {
        at = range(t.pos());
      }
      related.add(new IdeDiagnostic.Related(t.pos().file(), range(t.pos()), t.message()));
    }
    if (at == null && inThisFile(it.pos)) {
      at = valueOfBindingAt(it.pos.start());
    }
    if (at == null) {
      Expr top = doc.file().parse().expr();
      at = top == null ? TextRange.empty(0) : top.range();
    }
    if (compileErrorAt(at)) {
      return; // the compiler reported it already: this part did not compile
    }
    String code = switch (e.kind()) {
      case THROW -> Codes.EVAL_THROW;
      case ABORT -> Codes.EVAL_ABORT;
      case ASSERT -> Codes.EVAL_ASSERT;
      case INFINITE_RECURSION -> Codes.EVAL_INFINITE_RECURSION;
      default -> inThisFile(pos) || pos == null ? Codes.EVAL_ERROR : Codes.EVAL_IMPORT_ERROR;
    };
    String message = e.getMessage();
    String suggestions = org.nix4j.vm.Suggestions.text(e.suggestions());
    if (suggestions != null) {
      message += "; did you mean " + suggestions + "?"; // Nix prints it under the error
    }
    add(new IdeDiagnostic(IdeDiagnostic.Severity.ERROR, code, message, at, false, false, related));
  }

  /** Whether the compiler reported an error where {@code at} is. */
  private boolean compileErrorAt(TextRange at) {
    for (org.nix4j.compiler.Diagnostic d : doc.compiled().diagnostics()) {
      if (d.isError() && (d.range().contains(at.start()) || d.range().equals(at) || at.contains(d.range()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value expression of the binding whose name starts at {@code offset} (where an attribute
   * is defined): the error of the attribute is somewhere in it; the name alone when not found.
   */
  private TextRange valueOfBindingAt(int offset) {
    var tok = doc.file().parse().root().tokenAt(offset);
    for (var n = tok == null ? null : tok.parent(); n != null; n = n.parent()) {
      if (n.kind() == org.nix4j.syntax.SyntaxKind.BINDING) {
        var value = Trees.bindingValue(n);
        return value != null ? value.range() : n.range();
      }
    }
    return org.nix4j.server.analysis.Diagnostics.nameAt(doc.file().text(), offset);
  }

  /** Adds the output of {@code builtins.trace} at the call, as a hint. */
  public void trace(SourcePos at, String text) {
    if (!inThisFile(at)) {
      return;
    }
    add(new IdeDiagnostic(IdeDiagnostic.Severity.HINT, Codes.TRACE, "trace: " + text, range(at),
        false, false, List.of()));
  }

  private void add(IdeDiagnostic d) {
    if (seen.add(d.range() + " " + d.code() + " " + d.message())) {
      found.add(d);
    }
  }

  private static TextRange range(SourcePos p) {
    return TextRange.of(p.start(), Math.max(p.start(), p.end()));
  }
}
