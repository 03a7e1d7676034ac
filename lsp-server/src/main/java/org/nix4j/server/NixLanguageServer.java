package org.nix4j.server;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.LineIndex;

/**
 * The nix4j language server: the LSP4J entry point. Negotiates the position encoding and the
 * capabilities, reads the settings, and hands documents to {@link NixTextDocumentService} and
 * workspace requests to {@link NixWorkspaceService}. Adds the request {@code nix4j/syntaxTree}.
 */
public final class NixLanguageServer implements LanguageServer, LanguageClientAware {
  /** The protocol name of the UTF-8 position encoding. */
  static final String UTF8 = PositionEncodingKind.UTF8;

  private final ServerContext ctx;
  private final NixTextDocumentService textDocuments;
  private final NixWorkspaceService workspace;
  private final Runnable onExit;
  private volatile boolean shutdown;
  private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();

  /**
   * @param log where the server writes its log (stderr for {@code nix4j lsp})
   * @param onExit what {@code exit} does after the server stopped (ends the process in
   *     {@code nix4j lsp}; tests close the connection)
   */
  public NixLanguageServer(java.io.PrintStream log, Runnable onExit) {
    this.ctx = new ServerContext(log);
    this.textDocuments = new NixTextDocumentService(ctx);
    this.workspace = new NixWorkspaceService(ctx, textDocuments);
    this.onExit = onExit;
  }

  @Override
  public void connect(LanguageClient client) {
    ctx.connect((Nix4jLanguageClient) client);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    ClientCapabilities caps = params.getCapabilities() != null ? params.getCapabilities() : new ClientCapabilities();
    clientCapabilities = caps;
    String encoding = PositionEncodingKind.UTF16;
    if (caps.getGeneral() != null && caps.getGeneral().getPositionEncodings() != null
        && caps.getGeneral().getPositionEncodings().contains(UTF8)) {
      encoding = UTF8;
    }
    ctx.setEncoding(encoding.equals(UTF8) ? LineIndex.Encoding.UTF8 : LineIndex.Encoding.UTF16);
    ctx.log("positions: " + encoding + " (the client offers " + (caps.getGeneral() == null ? null : caps.getGeneral().getPositionEncodings()) + ")");
    ctx.setWorkspaceFolders(folders(params));
    ctx.setSettings(Settings.from(params.getInitializationOptions()));
    ctx.reconfigureEval();
    ctx.status("starting");
    InitializeResult result = new InitializeResult(Capabilities.of(encoding), new ServerInfo("nix4j", Version.VERSION));
    return CompletableFuture.completedFuture(result);
  }

  @SuppressWarnings("deprecation")
  private static List<Path> folders(InitializeParams params) {
    List<Path> out = new ArrayList<>();
    if (params.getWorkspaceFolders() != null) {
      for (WorkspaceFolder f : params.getWorkspaceFolders()) {
        Path p = Documents.pathOf(f.getUri());
        if (p != null) {
          out.add(p);
        }
      }
    }
    if (out.isEmpty() && params.getRootUri() != null) {
      Path p = Documents.pathOf(params.getRootUri());
      if (p != null) {
        out.add(p);
      }
    }
    if (out.isEmpty() && params.getRootPath() != null) {
      try {
        out.add(Path.of(params.getRootPath()).toAbsolutePath().normalize());
      } catch (RuntimeException e) {
        // ignored: a malformed root path gives no workspace folder
      }
    }
    return out;
  }

  @Override
  public void initialized(InitializedParams params) {
    ctx.status("ready");
    pullConfiguration();
    watchNixFiles();
  }

  /**
   * Asks the client to report changes of {@code .nix} files on disk (those not open: an import
   * reads them), when it can register watchers.
   */
  private void watchNixFiles() {
    ClientCapabilities caps = clientCapabilities;
    if (caps.getWorkspace() == null || caps.getWorkspace().getDidChangeWatchedFiles() == null
        || !Boolean.TRUE.equals(caps.getWorkspace().getDidChangeWatchedFiles().getDynamicRegistration())) {
      return;
    }
    org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions options =
        new org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions(
            List.of(new org.eclipse.lsp4j.FileSystemWatcher(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft("**/*.nix"))));
    ctx.client().registerCapability(new org.eclipse.lsp4j.RegistrationParams(List.of(
        new org.eclipse.lsp4j.Registration("nix4j-watch-nix-files", "workspace/didChangeWatchedFiles", options))));
  }

  /** Asks the client for the {@code nix4j} settings, when it can answer. */
  void pullConfiguration() {
    ClientCapabilities caps = clientCapabilities;
    if (caps.getWorkspace() == null || !Boolean.TRUE.equals(caps.getWorkspace().getConfiguration())) {
      return;
    }
    ConfigurationItem item = new ConfigurationItem();
    item.setSection("nix4j");
    ctx.client().configuration(new ConfigurationParams(List.of(item))).whenComplete((answer, error) -> {
      if (error == null && answer != null && !answer.isEmpty() && answer.get(0) instanceof JsonElement tree
          && tree.isJsonObject()) {
        workspace.applySettings(Settings.from(tree));
      }
    });
  }


  @Override
  public CompletableFuture<Object> shutdown() {
    shutdown = true;
    ctx.close();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    if (!shutdown) {
      ctx.close();
    }
    onExit.run();
  }

  /** Stops the server's threads when the connection ends without {@code shutdown}. */
  void exitQuietly() {
    ctx.close();
  }

  /** Waits until the server has nothing left to do (for tests and benchmarks). */
  public boolean awaitIdle(long timeoutMs) throws InterruptedException {
    return ctx.awaitIdle(timeoutMs);
  }

  /** Whether {@code shutdown} came before {@code exit} (the exit code is 0 then, else 1). */
  public boolean wasShutdown() {
    return shutdown;
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** The parameters of {@code nix4j/syntaxTree}. */
  public static final class SyntaxTreeParams {
    public String uri;
  }

  /** {@code nix4j/syntaxTree}: the syntax tree of a document as text, one node or token per line. */
  @JsonRequest("nix4j/syntaxTree")
  public CompletableFuture<String> syntaxTree(SyntaxTreeParams params) {
    return CompletableFutures.computeAsync(ctx.workers.requests, cancel -> {
      FileAnalysis file = params == null ? null : textDocuments.file(params.uri);
      if (file == null) {
        return "(the document is not open)";
      }
      return Bytes.toUnicode(file.parse().root().dump());
    });
  }
}
