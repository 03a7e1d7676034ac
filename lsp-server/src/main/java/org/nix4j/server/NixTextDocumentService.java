package org.nix4j.server;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.nix4j.server.analysis.FileAnalysis;

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

  /** The snapshot of an open document, or of the file on disk it names; null when neither. */
  FileAnalysis file(String uri) {
    if (uri == null) {
      return null;
    }
    FileAnalysis f = ctx.documents.snapshot(uri);
    if (f == null) {
      java.nio.file.Path p = Documents.pathOf(uri);
      if (p != null) {
        f = ctx.documents.file(p);
      }
    }
    return f;
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
    if (ctx.workspaceFolders().isEmpty()) {
      ctx.reconfigureEval();
    }
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
      java.nio.file.Path p = Documents.pathOf(uri);
      if (p != null) {
        ctx.eval.invalidate(p);
      }
    }
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    if (params == null || params.getTextDocument() == null) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    ctx.documents.close(uri);
    ctx.eval.forget(uri);
    ctx.diagnostics.clear(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
  }

  // ---- features ----

  /** How long a request may evaluate, at most (the settings may say less). */
  static final long REQUEST_EVAL_MS = 2000;

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument() == null ? null : params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(null);
    }
    Convert convert = ctx.convert();
    int offset = convert.offset(file.lines(), params.getPosition());
    return Futures.map(ctx.eval.request(uri, file, REQUEST_EVAL_MS,
        doc -> org.nix4j.server.ide.Hover.at(file, offset, doc)), r -> {
          if (r == null) {
            return null;
          }
          return new Hover(new MarkupContent(MarkupKind.MARKDOWN, r.markdown()), convert.range(file.lines(), r.range()));
        });
  }
}
