package org.nix4j.server.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.bytecode.Proto;
import org.nix4j.compiler.CompileOptions;
import org.nix4j.compiler.CompileResult;
import org.nix4j.compiler.Compiler;
import org.nix4j.eval.Evaluator;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;

/**
 * The evaluation of one version of one document in an {@link EvalWorld}: its code, the thunk of
 * its value (forced by the background evaluation and by requests alike, so that work done for
 * one is reused by the others), what each of its functions was called with, and the
 * {@link ValueOracle} that rebuilds the value of any expression of it. Used on the evaluation
 * thread only.
 */
public final class DocumentEval {
  /** The calls of one function: the first argument and how many calls there were. */
  public static final class Calls {
    private final Value first;
    private int count;

    Calls(Value first) {
      this.first = first;
      this.count = 1;
    }

    public Value first() {
      return first;
    }

    public int count() {
      return count;
    }
  }

  private final EvalWorld world;
  private final FileAnalysis file;
  private final CompileResult compiled;
  private final Thunk root;
  private final Map<TextRange, Calls> calls = new HashMap<>();
  private final ValueOracle oracle;

  DocumentEval(EvalWorld world, FileAnalysis file) {
    this.world = world;
    this.file = file;
    Evaluator ev = world.evaluator();
    this.compiled = Compiler.compile(file.source(), file.parse(),
        new CompileOptions(ev.builtins().globals(), List.of(), file.baseDir(), ev.home()));
    this.root = new Thunk(compiled.proto(), new Value[0]);
    this.oracle = new ValueOracle(this);
  }

  public EvalWorld world() {
    return world;
  }

  public FileAnalysis file() {
    return file;
  }

  public SourceFile source() {
    return file.source();
  }

  /** The thunk of the file's value. */
  public Thunk root() {
    return root;
  }

  public ValueOracle oracle() {
    return oracle;
  }

  /** The calls of the function whose lambda spans {@code lambda}, or null if never called. */
  public Calls calls(TextRange lambda) {
    return calls.get(lambda);
  }

  void recordCall(Proto proto, Value argument) {
    TextRange r = TextRange.of(proto.pos.start(), proto.pos.end());
    Calls c = calls.get(r);
    if (c == null) {
      calls.put(r, new Calls(argument));
    } else {
      c.count++;
    }
  }
}
