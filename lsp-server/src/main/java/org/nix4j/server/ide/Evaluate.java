package org.nix4j.server.ide;

import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.ValueFormatter;
import org.nix4j.server.eval.ValueOracle;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * The command {@code nix4j.evaluate}: the value of the expression at a position (what a hover
 * there is about) or of the smallest expression covering a selection, printed in full (within
 * generous limits).
 */
public final class Evaluate {
  /** The value as Nix text and its type, or the error. Unicode. */
  public record Result(String value, String type, String error) {}

  private Evaluate() {}

  /** Evaluates what {@code range} selects, or what is at {@code range.start()} when it is empty. */
  public static Result run(FileAnalysis file, TextRange range, DocumentEval doc) {
    Thunk t;
    if (range.isEmpty()) {
      Subject s = Subject.at(file, range.start());
      t = s == null ? null : Values.of(doc, s);
    } else {
      SyntaxNode n = file.parse().root().coveringNode(Trees.trim(file.text(), range));
      SyntaxNode e = Cursor.enclosingExpr(n);
      t = e == null ? null : doc.oracle().valueOf(e);
    }
    if (t == null) {
      return new Result(null, null, "there is no expression here");
    }
    Vm vm = doc.world().evaluator().vm();
    try {
      Value v = vm.forceValue(t);
      String text = new ValueFormatter(vm, ValueFormatter.Limits.EVALUATE).format(v);
      return new Result(Hover.unicode(text), ValueFormatter.type(v), null);
    } catch (ValueOracle.NotCalled e) {
      return new Result(null, null, "not evaluated: " + Hover.unicode(e.getMessage()));
    } catch (NixError e) {
      return new Result(null, null, Hover.unicode(e.getMessage()));
    }
  }}
