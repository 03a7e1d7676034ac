package org.nix4j.server.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nix4j.bytecode.Formals;
import org.nix4j.bytecode.Proto;
import org.nix4j.compiler.CompileOptions;
import org.nix4j.compiler.CompileResult;
import org.nix4j.compiler.Compiler;
import org.nix4j.eval.Evaluator;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixUnknown;
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
  private boolean evaluated;

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

  /** Whether the background evaluation of the file went through it (calls seen are all there are). */
  public boolean evaluated() {
    return evaluated;
  }

  void markEvaluated() {
    evaluated = true;
  }

  /** The code of the file and the compiler's diagnostics. */
  public CompileResult compiled() {
    return compiled;
  }

  /** The thunk of the file's value. */
  public Thunk root() {
    return root;
  }

  public ValueOracle oracle() {
    return oracle;
  }

  /**
   * The value of a file whose value is a function ({@code { lib, pkgs, ... }: …}), as the
   * editor evaluates it: applied to unknown values ({@link NixUnknown}) for the parameter and
   * the formals without a default; formals with a default take it.
   */
  public Thunk applied(Closure f) {
    Formals formals = f.proto.formals;
    List<String> required = null;
    if (formals != null) {
      required = new ArrayList<>();
      for (int i = 0; i < formals.names().size(); i++) {
        if (!formals.hasDefault().get(i)) {
          required.add(formals.names().get(i));
        }
      }
    }
    Value a = unknownArgument(required);
    return new Thunk(vm -> vm.call(f, a));
  }

  /**
   * The argument the file's function is applied to: an unknown for {@code x: …}
   * ({@code required} null), else a set of an unknown for each formal without a default.
   */
  Value unknownArgument(List<String> required) {
    if (required == null) {
      return new NixUnknown("the argument of the function of this file");
    }
    List<String> names = new ArrayList<>(required);
    Collections.sort(names);
    Value[] values = new Value[names.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = new NixUnknown("the argument '" + names.get(i) + "'");
    }
    return NixAttrs.ofSorted(names.toArray(new String[0]), values, null);
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
