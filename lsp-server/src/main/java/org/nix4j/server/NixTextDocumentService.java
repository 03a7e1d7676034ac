package org.nix4j.server;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.nix4j.server.ide.FileAnalysis;

/**
 * {@code textDocument/*}: keeps the documents in step with the editor and answers requests on
 * snapshots of them. Converts between the protocol and the analysis ({@code ide}) and nothing
 * else: every answer is computed by a class of {@code org.nix4j.server.ide}.
 */
final class NixTextDocumentService implements TextDocumentService {
  private final ServerContext ctx;
  private volatile ClientCapabilities clientCapabilities = new ClientCapabilities();

  NixTextDocumentService(ServerContext ctx) {
    this.ctx = ctx;
  }

  void setClientCapabilities(ClientCapabilities caps) {
    clientCapabilities = caps;
  }

  void stop() {
  }

  /** The snapshot of an open document, or null. */
  FileAnalysis file(String uri) {
    return uri == null ? null : ctx.documents.snapshot(uri);
  }

  FileAnalysis file(TextDocumentIdentifier id) {
    return id == null ? null : file(id.getUri());
  }

  // ---- synchronisation ----

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    if (params == null || params.getTextDocument() == null || params.getTextDocument().getUri() == null) {
      return;
    }
    var doc = params.getTextDocument();
    ctx.documents.open(doc.getUri(), doc.getVersion(), doc.getText());
    ctx.diagnostics.schedule(doc.getUri());
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    if (params == null || params.getTextDocument() == null || params.getContentChanges() == null) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    Integer version = params.getTextDocument().getVersion();
    int v = version != null ? version : ctx.documents.version(uri) + 1;
    if (ctx.documents.change(uri, v, params.getContentChanges(), ctx.convert())) {
      ctx.diagnostics.schedule(uri);
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    if (params == null || params.getTextDocument() == null) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    ctx.documents.close(uri);
    ctx.diagnostics.clear(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
  }
}
