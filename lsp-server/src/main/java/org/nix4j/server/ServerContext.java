package org.nix4j.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.nix4j.io.RealIO;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.eval.EvalService;
import org.nix4j.syntax.LineIndex;

/**
 * What the parts of the server share: the documents, the threads, the settings, the client,
 * the negotiated position encoding. One per connection.
 */
final class ServerContext {
  final Documents documents = new Documents();
  final Workers workers = new Workers();
  final DiagnosticsPublisher diagnostics = new DiagnosticsPublisher(this);
  private final PrintStream log;
  private volatile Nix4jLanguageClient client;
  private volatile Convert convert = new Convert(LineIndex.Encoding.UTF16);
  private volatile Settings settings = Settings.defaults();
  private volatile List<Path> workspaceFolders = List.of();
  final EvalService eval;
  private volatile String lastStatus;
  private volatile boolean closed;

  ServerContext(PrintStream log) {
    this.log = log;
    this.eval = new EvalService(evalConfig(), documents::openText, busy -> status(busy ? "evaluating" : "ready"));
  }

  /** Sends {@code nix4j/status} when the state changes. */
  void status(String state) {
    Nix4jLanguageClient c = client;
    if (c != null && !closed && !state.equals(lastStatus)) {
      lastStatus = state;
      c.status(new Nix4jLanguageClient.StatusParams(state, null));
    }
  }

  /**
   * What evaluation may read and how long it may take, from the settings: the workspace
   * folders, the search path entries and the extra allowed roots (or, with no workspace
   * folder, the directories of the open documents); relative search path entries are
   * relative to the first workspace folder.
   */
  EvalService.Config evalConfig() {
    Settings s = settings;
    List<Path> folders = workspaceFolders;
    Path base = folders.isEmpty() ? Path.of("").toAbsolutePath() : folders.get(0);
    Set<String> roots = new LinkedHashSet<>();
    for (Path f : folders) {
      roots.add(RealIO.fromPath(f));
    }
    if (folders.isEmpty()) {
      for (String uri : documents.openUris()) {
        Path p = Documents.pathOf(uri);
        if (p != null && p.getParent() != null) {
          roots.add(RealIO.fromPath(p.getParent()));
        }
      }
    }
    List<String> searchPath = new ArrayList<>();
    for (String entry : s.nixPath) {
      int eq = entry.indexOf('=');
      String prefix = eq < 0 ? "" : entry.substring(0, eq + 1);
      String path = eq < 0 ? entry : entry.substring(eq + 1);
      if (!path.contains("://")) {
        Path abs = base.resolve(path).toAbsolutePath().normalize();
        path = abs.toString();
        roots.add(RealIO.fromPath(abs));
      }
      searchPath.add(org.nix4j.syntax.Bytes.fromUnicode(prefix + path));
    }
    for (String r : s.allowedRoots) {
      roots.add(RealIO.fromPath(base.resolve(r).toAbsolutePath().normalize()));
    }
    return new EvalService.Config(List.copyOf(roots), searchPath, s.timeMs, s.steps, s.memoryMb);
  }

  /** Tells evaluation that the settings, the folders or the open documents changed. */
  void reconfigureEval() {
    eval.configure(evalConfig());
  }

  Nix4jLanguageClient client() {
    return client;
  }

  void connect(Nix4jLanguageClient client) {
    this.client = client;
  }

  Convert convert() {
    return convert;
  }

  void setEncoding(LineIndex.Encoding e) {
    convert = new Convert(e);
  }

  Settings settings() {
    return settings;
  }

  void setSettings(Settings s) {
    settings = s;
    for (String p : s.problems()) {
      log("settings: " + p);
    }
  }

  List<Path> workspaceFolders() {
    return workspaceFolders;
  }

  void setWorkspaceFolders(List<Path> folders) {
    workspaceFolders = List.copyOf(folders);
  }

  /** After a document version is compiled: its evaluation starts in the background. */
  void afterCompile(String uri, FileAnalysis file) {
    evaluate(uri, file);
    // Documents evaluated before a file they read changed (this one, or one on disk): again.
    long now = eval.generation();
    for (String other : documents.openUris()) {
      Long at = evaluatedIn.get(other);
      if (!other.equals(uri) && at != null && at < now) {
        FileAnalysis f = documents.snapshot(other);
        if (f != null) {
          evaluate(other, f);
        }
      }
    }
  }

  /** Forgets what concerns a document the editor closed. */
  void closed(String uri) {
    evaluatedIn.remove(uri);
    eval.forget(uri);
  }

  /** Evaluates again every open document (a file on disk they may read changed). */
  void reevaluateOpenDocuments() {
    onAnalysisThread(() -> {
      for (String uri : documents.openUris()) {
        FileAnalysis f = documents.snapshot(uri);
        if (f != null && evaluatedIn.containsKey(uri)) {
          evaluate(uri, f);
        }
      }
    });
  }

  private void evaluate(String uri, FileAnalysis file) {
    if (settings.excluded(file.path())) {
      return;
    }
    evaluatedIn.put(uri, eval.generation());
    eval.evaluate(uri, file, diagnostics::addEvaluation);
  }

  /** The generation of values each document was last evaluated in ({@link EvalService#generation}). */
  private final java.util.Map<String, Long> evaluatedIn = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Waits until every scheduled compilation, evaluation and publication is done (for tests and
   * benchmarks); false after {@code timeoutMs}.
   */
  boolean awaitIdle(long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    int quiet = 0;
    while (System.currentTimeMillis() < deadline) {
      java.util.concurrent.CompletableFuture<Void> f = new java.util.concurrent.CompletableFuture<>();
      onAnalysisThread(() -> f.complete(null));
      try {
        f.get(Math.max(1, deadline - System.currentTimeMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        return false;
      }
      if (eval.idle() && diagnostics.idle()) {
        if (++quiet == 2) {
          return true;
        }
      } else {
        quiet = 0;
      }
      Thread.sleep(5);
    }
    return false;
  }

  /** Stops the threads (after shutdown, or when the connection ends). */
  void close() {
    closed = true;
    workers.shutdown();
    eval.close();
  }

  /** Runs {@code r} on the analysis thread; nothing once the server stopped. */
  void onAnalysisThread(Runnable r) {
    try {
      workers.analysis.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // stopped
    }
  }

  /** Shows a message to the user (a warning). */
  void showMessage(String message) {
    Nix4jLanguageClient c = client;
    if (c != null && !closed) {
      c.showMessage(new org.eclipse.lsp4j.MessageParams(org.eclipse.lsp4j.MessageType.Warning, message));
    }
  }

  /** A line in the server's log (stderr; the editor shows it as the server's output). */
  void log(String message) {
    synchronized (log) {
      log.println("[nix4j] " + message);
      log.flush();
    }
  }
}
