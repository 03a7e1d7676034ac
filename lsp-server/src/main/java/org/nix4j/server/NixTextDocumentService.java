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

  /** Runs {@code work} on a request thread; cancellation reaches it through the checker. */
  <T> CompletableFuture<T> async(java.util.function.Function<org.eclipse.lsp4j.jsonrpc.CancelChecker, T> work) {
    return org.eclipse.lsp4j.jsonrpc.CompletableFutures.computeAsync(ctx.workers.requests, work);
  }

  /** A place of an answer as an LSP location. */
  org.eclipse.lsp4j.Location location(FileAnalysis current, String currentUri, org.nix4j.server.ide.Place p) {
    String uri;
    if (p.source() == current.source()) {
      uri = currentUri;
    } else if (p.path() != null) {
      uri = ctx.documents.uriOf(p.path());
    } else {
      uri = p.source().name();
    }
    org.eclipse.lsp4j.Range range = p.source() != null
        ? ctx.convert().range(p.source().lines(), p.range())
        : new org.eclipse.lsp4j.Range(new org.eclipse.lsp4j.Position(0, 0), new org.eclipse.lsp4j.Position(0, 0));
    return new org.eclipse.lsp4j.Location(uri, range);
  }

  @Override
  public CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either<java.util.List<? extends org.eclipse.lsp4j.Location>,
      java.util.List<? extends org.eclipse.lsp4j.LocationLink>>> definition(org.eclipse.lsp4j.DefinitionParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(java.util.List.of()));
    }
    int offset = ctx.convert().offset(file.lines(), params.getPosition());
    java.util.function.Function<java.util.List<org.nix4j.server.ide.Place>,
        org.eclipse.lsp4j.jsonrpc.messages.Either<java.util.List<? extends org.eclipse.lsp4j.Location>,
            java.util.List<? extends org.eclipse.lsp4j.LocationLink>>> toLsp = places ->
        org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(places.stream().map(p -> location(file, uri, p)).toList());
    java.util.List<org.nix4j.server.ide.Place> fast = org.nix4j.server.ide.GotoDefinition.at(file, offset, null);
    if (!fast.isEmpty()) {
      return CompletableFuture.completedFuture(toLsp.apply(fast));
    }
    return Futures.map(ctx.eval.request(uri, file, REQUEST_EVAL_MS,
        doc -> org.nix4j.server.ide.GotoDefinition.at(file, offset, doc)), toLsp);
  }

  @Override
  public CompletableFuture<java.util.List<? extends org.eclipse.lsp4j.Location>> references(
      org.eclipse.lsp4j.ReferenceParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(java.util.List.of());
    }
    int offset = ctx.convert().offset(file.lines(), params.getPosition());
    boolean withDecl = params.getContext() == null || params.getContext().isIncludeDeclaration();
    return async(cancel -> org.nix4j.server.ide.References.at(file, offset).stream()
        .filter(o -> withDecl || !o.definition())
        .map(o -> new org.eclipse.lsp4j.Location(uri, ctx.convert().range(file.lines(), o.range())))
        .toList());
  }

  @Override
  public CompletableFuture<java.util.List<? extends org.eclipse.lsp4j.DocumentHighlight>> documentHighlight(
      org.eclipse.lsp4j.DocumentHighlightParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return CompletableFuture.completedFuture(java.util.List.of());
    }
    int offset = ctx.convert().offset(file.lines(), params.getPosition());
    return async(cancel -> org.nix4j.server.ide.References.at(file, offset).stream()
        .map(o -> new org.eclipse.lsp4j.DocumentHighlight(ctx.convert().range(file.lines(), o.range()),
            o.definition() ? org.eclipse.lsp4j.DocumentHighlightKind.Write : org.eclipse.lsp4j.DocumentHighlightKind.Read))
        .toList());
  }

  @Override
  public CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either3<org.eclipse.lsp4j.Range,
      org.eclipse.lsp4j.PrepareRenameResult, org.eclipse.lsp4j.PrepareRenameDefaultBehavior>> prepareRename(
      org.eclipse.lsp4j.PrepareRenameParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return CompletableFuture.completedFuture(null);
    }
    int offset = ctx.convert().offset(file.lines(), params.getPosition());
    return async(cancel -> {
      try {
        org.nix4j.syntax.TextRange r = org.nix4j.server.ide.Rename.prepare(file, offset);
        return org.eclipse.lsp4j.jsonrpc.messages.Either3.forFirst(ctx.convert().range(file.lines(), r));
      } catch (org.nix4j.server.ide.Rename.Refused e) {
        throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
            org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.RequestFailed, e.getMessage(), null));
      }
    });
  }

  @Override
  public CompletableFuture<org.eclipse.lsp4j.WorkspaceEdit> rename(org.eclipse.lsp4j.RenameParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(null);
    }
    int offset = ctx.convert().offset(file.lines(), params.getPosition());
    return async(cancel -> {
      try {
        var edits = org.nix4j.server.ide.Rename.rename(file, offset, params.getNewName());
        return workspaceEdit(uri, file, edits);
      } catch (org.nix4j.server.ide.Rename.Refused e) {
        throw new org.eclipse.lsp4j.jsonrpc.ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
            org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.RequestFailed, e.getMessage(), null));
      }
    });
  }

  /** Edits of one document as a workspace edit (versioned document changes). */
  org.eclipse.lsp4j.WorkspaceEdit workspaceEdit(String uri, FileAnalysis file, java.util.List<org.nix4j.server.ide.SourceEdit> edits) {
    java.util.List<org.eclipse.lsp4j.TextEdit> out = new java.util.ArrayList<>();
    for (var e : edits) {
      out.add(new org.eclipse.lsp4j.TextEdit(ctx.convert().range(file.lines(), e.range()), e.newText()));
    }
    return new org.eclipse.lsp4j.WorkspaceEdit(java.util.Map.of(uri, out));
  }

  @Override
  public CompletableFuture<org.eclipse.lsp4j.jsonrpc.messages.Either<java.util.List<org.eclipse.lsp4j.CompletionItem>,
      org.eclipse.lsp4j.CompletionList>> completion(org.eclipse.lsp4j.CompletionParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(
          new org.eclipse.lsp4j.CompletionList(false, java.util.List.of())));
    }
    Convert convert = ctx.convert();
    int offset = convert.offset(file.lines(), params.getPosition());
    java.util.List<String> roots = ctx.evalConfig().roots();
    return Futures.map(ctx.eval.request(uri, file, REQUEST_EVAL_MS,
        doc -> org.nix4j.server.ide.Completion.at(file, offset, doc, roots)), r -> {
          java.util.List<org.eclipse.lsp4j.CompletionItem> items = new java.util.ArrayList<>();
          for (var it : r.items()) {
            org.eclipse.lsp4j.CompletionItem ci = new org.eclipse.lsp4j.CompletionItem(it.label());
            ci.setKind(switch (it.kind()) {
              case VARIABLE -> org.eclipse.lsp4j.CompletionItemKind.Variable;
              case FUNCTION -> org.eclipse.lsp4j.CompletionItemKind.Function;
              case FIELD -> org.eclipse.lsp4j.CompletionItemKind.Field;
              case PROPERTY -> org.eclipse.lsp4j.CompletionItemKind.Property;
              case KEYWORD -> org.eclipse.lsp4j.CompletionItemKind.Keyword;
              case CONSTANT -> org.eclipse.lsp4j.CompletionItemKind.Constant;
              case FILE -> org.eclipse.lsp4j.CompletionItemKind.File;
              case FOLDER -> org.eclipse.lsp4j.CompletionItemKind.Folder;
            });
            ci.setDetail(it.detail());
            if (it.documentation() != null) {
              ci.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, it.documentation()));
            }
            ci.setSortText(it.sortText());
            ci.setFilterText(it.label());
            ci.setTextEdit(org.eclipse.lsp4j.jsonrpc.messages.Either.forLeft(
                new org.eclipse.lsp4j.TextEdit(convert.range(file.lines(), it.range()), it.insertText())));
            items.add(ci);
          }
          return org.eclipse.lsp4j.jsonrpc.messages.Either.forRight(new org.eclipse.lsp4j.CompletionList(r.incomplete(), items));
        });
  }

  @Override
  public CompletableFuture<org.eclipse.lsp4j.SignatureHelp> signatureHelp(org.eclipse.lsp4j.SignatureHelpParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(null);
    }
    int offset = ctx.convert().offset(file.lines(), params.getPosition());
    return Futures.map(ctx.eval.request(uri, file, REQUEST_EVAL_MS,
        doc -> org.nix4j.server.ide.Signatures.at(file, offset, doc)), h -> {
          if (h == null) {
            return null;
          }
          var sig = h.signature();
          org.eclipse.lsp4j.SignatureInformation info = new org.eclipse.lsp4j.SignatureInformation(sig.label());
          if (sig.documentation() != null) {
            info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, sig.documentation()));
          }
          java.util.List<org.eclipse.lsp4j.ParameterInformation> ps = new java.util.ArrayList<>();
          for (int i = 0; i < sig.parameters().size(); i++) {
            int[] o = sig.offsets().get(i);
            org.eclipse.lsp4j.ParameterInformation pi = new org.eclipse.lsp4j.ParameterInformation();
            pi.setLabel(org.eclipse.lsp4j.jsonrpc.messages.Tuple.two(o[0], o[1]));
            ps.add(pi);
          }
          info.setParameters(ps);
          org.eclipse.lsp4j.SignatureHelp help = new org.eclipse.lsp4j.SignatureHelp(java.util.List.of(info), 0, h.active());
          return help;
        });
  }

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
