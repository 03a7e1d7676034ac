package org.nix4j.server.eval;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.nix4j.bytecode.Proto;
import org.nix4j.eval.EvalOptions;
import org.nix4j.eval.Evaluator;
import org.nix4j.eval.SearchPath;
import org.nix4j.syntax.SourceFile;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;
import org.nix4j.vm.VmObserver;

/**
 * The evaluator the server evaluates documents with, and what it watches while it runs: the
 * calls of the documents' functions (for the values of parameters) and the instruction that
 * runs (to place the output of {@code builtins.trace}). One world serves every document, so
 * that files imported by several share their values; it is replaced when a file it read
 * changes or when the settings do. Used on the evaluation thread only.
 */
public final class EvalWorld {
  /** Receives the output of {@code builtins.trace}: where the call is, and the text. */
  public interface TraceListener {
    void trace(SourcePos at, String text);
  }

  private final Evaluator evaluator;
  private final OverlayIO io;
  private final Map<SourceFile, DocumentEval> documents = new IdentityHashMap<>();
  private TraceListener traceListener;
  private Proto lastProto;
  private int lastIp;

  /**
   * @param roots absolute byte-string paths the evaluation may read under
   * @param searchPath the {@code <name>} entries ({@code prefix=path} or {@code path})
   * @param openText the text of an open document at a path, or null
   */
  public EvalWorld(List<String> roots, List<String> searchPath, Function<Path, String> openText) {
    this.io = new OverlayIO(roots, openText);
    EvalOptions o = new EvalOptions();
    o.io = io;
    o.searchPath = SearchPath.parse(searchPath, null);
    o.home = "/homeless-shelter";
    o.readOnly = true;
    o.traceSink = this::trace;
    this.evaluator = new Evaluator(o);
    evaluator.vm().setObserver(new Recorder());
  }

  public Evaluator evaluator() {
    return evaluator;
  }

  /** Whether the world read {@code path}: its values are stale when that file changes. */
  public boolean hasRead(Path path) {
    return io.hasRead(path);
  }

  /** Makes the evaluation of a document version, whose function calls this world records. */
  public DocumentEval document(org.nix4j.server.analysis.FileAnalysis file) {
    DocumentEval d = documents.get(file.source());
    if (d == null) {
      d = new DocumentEval(this, file);
      documents.put(file.source(), d);
    }
    return d;
  }

  /** Stops recording calls for a document version that is gone. */
  public void forget(SourceFile file) {
    documents.remove(file);
  }

  /** Where the output of {@code builtins.trace} goes during what runs next. */
  public void setTraceListener(TraceListener l) {
    traceListener = l;
  }

  private void trace(String text) {
    TraceListener l = traceListener;
    if (l != null) {
      l.trace(lastProto == null ? null : lastProto.positionAt(lastIp), text);
    }
  }

  private final class Recorder implements VmObserver {
    @Override
    public void instruction(Proto proto, int ip, int depth) {
      lastProto = proto;
      lastIp = ip;
    }

    @Override
    public void lambdaCalled(Proto proto, Value argument) {
      DocumentEval d = documents.get(proto.file);
      if (d != null) {
        d.recordCall(proto, argument);
      }
    }
  }
}
