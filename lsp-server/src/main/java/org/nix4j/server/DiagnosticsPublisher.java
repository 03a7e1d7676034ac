package org.nix4j.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.nix4j.server.analysis.Diagnostics;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.analysis.IncrementalDiagnostics;

/**
 * Publishes the diagnostics of open documents. A change schedules the document (once, however
 * many changes arrive before the analysis thread gets to it); the analysis thread compiles the
 * latest version and publishes its diagnostics, then those of the evaluation of that version
 * are added when they arrive. Diagnostics of an evaluation of an older version are dropped.
 */
final class DiagnosticsPublisher {
  private final ServerContext ctx;
  private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
  /** Per document: the version and diagnostics last published. */
  private final Map<String, Published> published = new ConcurrentHashMap<>();

  /** What was published: {@code exact} when the whole file was compiled (else incremental). */
  private record Published(FileAnalysis file, List<IdeDiagnostic> compile, List<IdeDiagnostic> eval, boolean exact) {}

  DiagnosticsPublisher(ServerContext ctx) {
    this.ctx = ctx;
  }

  /** Compiles the document's latest version and publishes, soon, on the analysis thread. */
  void schedule(String uri) {
    if (scheduled.add(uri)) {
      ctx.onAnalysisThread(() -> {
        scheduled.remove(uri);
        try {
          publishCompile(uri);
        } catch (RuntimeException | StackOverflowError e) {
          ctx.log("diagnostics of " + uri + " failed: " + e);
        }
      });
    }
  }

  private void publishCompile(String uri) {
    FileAnalysis file = ctx.documents.snapshot(uri);
    if (file == null) {
      return;
    }
    Published last = published.get(uri);
    if (last != null && last.file == file) {
      return;
    }
    FileAnalysis.Origin origin = file.takeOrigin();
    if (!file.compiled() && origin != null && last != null && last.file == origin.previous()) {
      IncrementalDiagnostics.Result fast = IncrementalDiagnostics.of(last.compile, file, origin.edit());
      if (fast != null) {
        Published p = new Published(file, fast.diagnostics(), fast.carry(last.eval), false);
        published.put(uri, p);
        send(uri, p);
        compileInBackground(uri, file);
        return;
      }
    }
    publishExact(uri, file);
  }

  /** Compiles the whole file, publishes, and starts its evaluation. */
  private void publishExact(String uri, FileAnalysis file) {
    List<IdeDiagnostic> compile = Diagnostics.compile(file);
    Published last = published.get(uri);
    // Evaluation errors carried over from the version before stay until this one's evaluation.
    List<IdeDiagnostic> eval = last != null && last.file == file ? last.eval : List.of();
    Published p = new Published(file, compile, eval, true);
    published.put(uri, p);
    send(uri, p);
    ctx.afterCompile(uri, file);
  }

  /** How long typing must pause before the whole file is compiled again. */
  static final long QUIET_MS = 250;

  /** The exact diagnostics of a version published with incremental ones, if it is still the latest. */
  private void compileInBackground(String uri, FileAnalysis file) {
    try {
      ctx.workers.background.schedule(() -> {
        Published now = published.get(uri);
        if (now == null || now.file != file || scheduled.contains(uri)) {
          return; // a newer version is on its way
        }
        try {
          file.compile();
        } catch (RuntimeException | StackOverflowError e) {
          ctx.log("compiling " + uri + " failed: " + e);
          return;
        }
        ctx.onAnalysisThread(() -> {
          Published again = published.get(uri);
          if (again != null && again.file == file && !again.exact) {
            publishExact(uri, file);
          }
        });
      }, QUIET_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopped
    }
  }

  /** Adds the diagnostics of evaluating {@code file}, if it is still the version shown. */
  void addEvaluation(String uri, FileAnalysis file, List<IdeDiagnostic> eval) {
    ctx.onAnalysisThread(() -> {
      Published last = published.get(uri);
      if (last == null || last.file != file || !ctx.documents.isOpen(uri)) {
        return;
      }
      Published p = new Published(file, last.compile, eval, last.exact);
      published.put(uri, p);
      send(uri, p);
    });
  }

  /** Sends again what every open document has, with the current settings. */
  void republishAll() {
    ctx.onAnalysisThread(() -> {
      for (Map.Entry<String, Published> e : published.entrySet()) {
        send(e.getKey(), e.getValue());
      }
    });
  }

  /** Clears the diagnostics of a closed document. */
  void clear(String uri) {
    ctx.onAnalysisThread(() -> {
      published.remove(uri);
      ctx.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    });
  }

  /** Whether no document waits to be compiled, and every one published has exact diagnostics. */
  boolean idle() {
    if (!scheduled.isEmpty()) {
      return false;
    }
    for (Published p : published.values()) {
      if (!p.exact) {
        return false;
      }
    }
    return true;
  }

  /** What was last published for a document (for tests and the status). */
  List<IdeDiagnostic> current(String uri) {
    Published p = published.get(uri);
    if (p == null) {
      return List.of();
    }
    List<IdeDiagnostic> all = new ArrayList<>(p.compile);
    all.addAll(p.eval);
    return all;
  }

  private void send(String uri, Published p) {
    Settings settings = ctx.settings();
    List<Diagnostic> out = new ArrayList<>();
    if (!settings.excluded(p.file.path())) {
      for (List<IdeDiagnostic> part : List.of(p.compile, p.eval)) {
        for (IdeDiagnostic d : part) {
          if (!settings.disabled(d.code())) {
            out.add(toLsp(p.file, d));
          }
        }
      }
    }
    PublishDiagnosticsParams params = new PublishDiagnosticsParams(uri, out);
    params.setVersion(p.file.version());
    ctx.client().publishDiagnostics(params);
  }

  Diagnostic toLsp(FileAnalysis file, IdeDiagnostic d) {
    Convert convert = ctx.convert();
    Diagnostic out = new Diagnostic(convert.range(file.lines(), d.range()), Text.unicode(d.message()));
    out.setSeverity(switch (d.severity()) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFORMATION -> DiagnosticSeverity.Information;
      case HINT -> DiagnosticSeverity.Hint;
    });
    out.setCode(d.code());
    out.setSource("nix4j");
    List<DiagnosticTag> tags = new ArrayList<>();
    if (d.unnecessary()) {
      tags.add(DiagnosticTag.Unnecessary);
    }
    if (d.deprecated()) {
      tags.add(DiagnosticTag.Deprecated);
    }
    if (!tags.isEmpty()) {
      out.setTags(tags);
    }
    if (!d.related().isEmpty()) {
      List<DiagnosticRelatedInformation> rel = new ArrayList<>();
      for (IdeDiagnostic.Related r : d.related()) {
        String uri = r.file().path() != null ? ctx.documents.uriOf(r.file().path()) : r.file().name();
        rel.add(new DiagnosticRelatedInformation(
            new Location(uri, convert.range(r.file().lines(), r.range())), Text.unicode(r.message())));
      }
      out.setRelatedInformation(rel);
    }
    return out;
  }
}
