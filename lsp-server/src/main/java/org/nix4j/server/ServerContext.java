package org.nix4j.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.nix4j.server.ide.FileAnalysis;
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
  /** Called after a document version is compiled (starts its evaluation). */
  volatile CompileListener compileListener = (uri, file) -> { };

  interface CompileListener {
    void compiled(String uri, FileAnalysis file);
  }

  ServerContext(PrintStream log) {
    this.log = log;
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

  void afterCompile(String uri, FileAnalysis file) {
    compileListener.compiled(uri, file);
  }

  /** A line in the server's log (stderr; the editor shows it as the server's output). */
  void log(String message) {
    synchronized (log) {
      log.println("[nix4j] " + message);
      log.flush();
    }
  }
}
