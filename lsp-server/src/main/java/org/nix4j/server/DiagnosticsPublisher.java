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
import org.nix4j.syntax.Bytes;

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

  private record Published(FileAnalysis file, List<IdeDiagnostic> compile, List<IdeDiagnostic> eval) {}

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
    List<IdeDiagnostic> compile = Diagnostics.compile(file);
    Published p = new Published(file, compile, List.of());
    published.put(uri, p);
    send(uri, p);
    ctx.afterCompile(uri, file);
  }

  /** Adds the diagnostics of evaluating {@code file}, if it is still the version shown. */
  void addEvaluation(String uri, FileAnalysis file, List<IdeDiagnostic> eval) {
    ctx.onAnalysisThread(() -> {
      Published last = published.get(uri);
      if (last == null || last.file != file || !ctx.documents.isOpen(uri)) {
        return;
      }
      Published p = new Published(file, last.compile, eval);
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

  /** Whether no document waits to be compiled. */
  boolean idle() {
    return scheduled.isEmpty();
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
    Diagnostic out = new Diagnostic(convert.range(file.lines(), d.range()), Bytes.toUnicode(d.message()));
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
            new Location(uri, convert.range(r.file().lines(), r.range())), Bytes.toUnicode(r.message())));
      }
      out.setRelatedInformation(rel);
    }
    return out;
  }
}
