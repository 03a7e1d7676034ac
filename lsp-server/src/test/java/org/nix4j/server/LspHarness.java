package org.nix4j.server;

import com.google.gson.JsonElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.GeneralClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;

/**
 * A nix4j server in this process, spoken to by an LSP4J client over a pair of pipes: the real
 * protocol, JSON and all, without a process of its own.
 */
final class LspHarness implements AutoCloseable {
  static final long TIMEOUT_MS = 20_000;

  final TestClient client = new TestClient();
  final ServerApi server;
  final NixLanguageServer impl;
  private final Future<Void> serverListening;
  private final Future<Void> clientListening;
  private final OutputStream toServer;
  private final OutputStream toClient;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  private final java.util.Map<String, Integer> versions = new java.util.HashMap<>();
  InitializeResult initializeResult;

  LspHarness() throws IOException {
    BytePipe up = new BytePipe();
    BytePipe down = new BytePipe();
    InputStream serverIn = up.in;
    toServer = new WholeMessages(up.out);
    InputStream clientIn = down.in;
    toClient = down.out;
    impl = new NixLanguageServer(new PrintStream(log, true, StandardCharsets.UTF_8), () -> { });
    Launcher<Nix4jLanguageClient> serverLauncher = ServerLauncher.start(impl, serverIn, toClient);
    serverListening = serverLauncher.startListening();
    Launcher<ServerApi> clientLauncher = new LSPLauncher.Builder<ServerApi>()
        .setLocalService(client)
        .setRemoteInterface(ServerApi.class)
        .setInput(clientIn)
        .setOutput(toServer)
        .create();
    server = clientLauncher.getRemoteProxy();
    clientListening = clientLauncher.startListening();
  }

  /** Initializes with a workspace folder, the settings tree and the position encodings offered. */
  InitializeResult initialize(Path workspace, JsonElement settings, List<String> encodings) throws Exception {
    InitializeParams p = new InitializeParams();
    p.setProcessId((int) ProcessHandle.current().pid());
    if (workspace != null) {
      p.setWorkspaceFolders(List.of(new WorkspaceFolder(workspace.toUri().toString(), "test")));
    }
    p.setInitializationOptions(settings);
    ClientCapabilities caps = new ClientCapabilities();
    GeneralClientCapabilities general = new GeneralClientCapabilities();
    general.setPositionEncodings(encodings);
    caps.setGeneral(general);
    WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
    ws.setConfiguration(true);
    caps.setWorkspace(ws);
    p.setCapabilities(caps);
    if (settings != null) {
      client.configuration = settings;
    }
    InitializeResult r = get(server.initialize(p));
    initializeResult = r;
    server.initialized(new InitializedParams());
    return r;
  }

  static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
  }

  void open(String uri, String text) {
    versions.put(uri, 1);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "nix", 1, text)));
  }

  /** Sends changes; returns the new version. */
  int change(String uri, List<TextDocumentContentChangeEvent> changes) {
    int v = versions.merge(uri, 1, Integer::sum);
    server.getTextDocumentService().didChange(
        new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, v), changes));
    return v;
  }

  void close(String uri) {
    versions.remove(uri);
    server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
  }

  int version(String uri) {
    return versions.getOrDefault(uri, 0);
  }

  /**
   * Waits until the server has handled every message sent so far (a request is answered after
   * the notifications before it) and finished the work they started.
   */
  void awaitIdle() throws Exception {
    NixLanguageServer.SyntaxTreeParams p = new NixLanguageServer.SyntaxTreeParams();
    p.uri = "untitled:sync";
    get(server.syntaxTree(p));
    if (!impl.awaitIdle(TIMEOUT_MS)) {
      throw new AssertionError("the server is still busy after " + TIMEOUT_MS + " ms");
    }
  }

  /** Writes raw bytes to the server's input, as a broken client might, between two messages. */
  void sendRaw(byte[] bytes) throws IOException {
    toServer.write(bytes);
    toServer.flush();
  }

  /**
   * The client's output to the server: what is written until a flush goes out in one piece, so
   * that raw bytes from a test never land inside a message LSP4J writes (it writes a header and
   * a body, then flushes) from another thread.
   */
  private static final class WholeMessages extends OutputStream {
    private final OutputStream out;
    private final ThreadLocal<java.io.ByteArrayOutputStream> pending =
        ThreadLocal.withInitial(java.io.ByteArrayOutputStream::new);

    WholeMessages(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      pending.get().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      pending.get().write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      java.io.ByteArrayOutputStream p = pending.get();
      synchronized (this) {
        p.writeTo(out);
        out.flush();
      }
      p.reset();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }

  /** The server's log so far. */
  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    try {
      server.shutdown().get(5, TimeUnit.SECONDS);
      server.exit();
    } catch (Exception e) {
      // the server may be gone already (robustness tests)
    }
    serverListening.cancel(true);
    clientListening.cancel(true);
    toServer.close();
    toClient.close();
  }
}
