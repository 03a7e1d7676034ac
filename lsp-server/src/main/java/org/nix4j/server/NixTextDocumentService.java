package org.nix4j.server;

import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.eclipse.lsp4j.CallHierarchyIncomingCall;
import org.eclipse.lsp4j.CallHierarchyIncomingCallsParams;
import org.eclipse.lsp4j.CallHierarchyItem;
import org.eclipse.lsp4j.CallHierarchyOutgoingCall;
import org.eclipse.lsp4j.CallHierarchyOutgoingCallsParams;
import org.eclipse.lsp4j.CallHierarchyPrepareParams;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentHighlight;
import org.eclipse.lsp4j.DocumentHighlightKind;
import org.eclipse.lsp4j.DocumentHighlightParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintKind;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SelectionRange;
import org.eclipse.lsp4j.SelectionRangeParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureHelpParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.ide.CallHierarchy;
import org.nix4j.server.ide.CodeActions;
import org.nix4j.server.ide.Completion;
import org.nix4j.syntax.Bytes;
import org.nix4j.server.ide.CompletionResolve;
import org.nix4j.value.NixAttrs;
import org.nix4j.server.ide.DocumentLinks;
import org.nix4j.server.ide.DocumentSymbols;
import org.nix4j.server.ide.FoldingRanges;
import org.nix4j.server.ide.Formatting;
import org.nix4j.server.ide.GotoDefinition;
import org.nix4j.server.ide.InlayHints;
import org.nix4j.server.ide.Place;
import org.nix4j.server.ide.References;
import org.nix4j.server.ide.Rename;
import org.nix4j.server.ide.SelectionRanges;
import org.nix4j.server.ide.Signatures;
import org.nix4j.server.ide.SourceEdit;
import org.nix4j.syntax.TextRange;

/**
 * {@code textDocument/*}: keeps the documents in step with the editor and answers requests on
 * snapshots of them. Converts between the protocol and the analysis and nothing else: every
 * answer is computed by a class of {@code org.nix4j.server.ide}. Requests that need values run
 * on the evaluation thread ({@link org.nix4j.server.eval.EvalService#request}); the others on
 * the request threads.
 */
final class NixTextDocumentService implements TextDocumentService {
  /** How long a request may evaluate, at most (the settings may say less). */
  static final long REQUEST_EVAL_MS = 2000;

  private final ServerContext ctx;
  /** The last semantic tokens sent per document, for deltas. */
  private final Map<String, SentTokens> sentTokens = new ConcurrentHashMap<>();
  private final AtomicLong tokenIds = new AtomicLong();

  private record SentTokens(String id, List<Integer> data) {}

  NixTextDocumentService(ServerContext ctx) {
    this.ctx = ctx;
  }

  /** The snapshot of an open document, or of the file on disk it names; null when neither. */
  FileAnalysis file(String uri) {
    if (uri == null) {
      return null;
    }
    FileAnalysis f = ctx.documents.snapshot(uri);
    if (f == null) {
      Path p = Documents.pathOf(uri);
      if (p != null) {
        f = ctx.documents.file(p);
      }
    }
    return f;
  }

  FileAnalysis file(TextDocumentIdentifier id) {
    return id == null ? null : file(id.getUri());
  }

  private int offset(FileAnalysis file, Position p) {
    return ctx.convert().offset(file.lines(), p);
  }

  private Range range(FileAnalysis file, TextRange r) {
    return ctx.convert().range(file.lines(), r);
  }

  /** Runs {@code work} on a request thread; cancellation reaches it through the checker. */
  private <T> CompletableFuture<T> async(Function<CancelChecker, T> work) {
    return CompletableFutures.computeAsync(ctx.workers.requests, work);
  }

  /** Runs {@code work} on the evaluation of {@code file}, then converts with {@code toLsp}. */
  private <T, R> CompletableFuture<R> evaluating(String uri, FileAnalysis file,
      Function<org.nix4j.server.eval.DocumentEval, T> work, Function<T, R> toLsp) {
    return Futures.map(ctx.eval.request(uri, file, REQUEST_EVAL_MS, work), toLsp);
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static ResponseErrorException failure(String message) {
    return new ResponseErrorException(new ResponseError(ResponseErrorCode.RequestFailed, message, null));
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
      Path p = Documents.pathOf(uri);
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
    ctx.closed(uri);
    sentTokens.remove(uri);
    ctx.diagnostics.clear(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
  }

  // ---- values ----

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    String uri = params.getTextDocument() == null ? null : params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(null);
    }
    int offset = offset(file, params.getPosition());
    return evaluating(uri, file, doc -> org.nix4j.server.ide.Hover.at(file, offset, doc),
        r -> r == null ? null : new Hover(new MarkupContent(MarkupKind.MARKDOWN, r.markdown()), range(file, r.range())));
  }

  @Override
  public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null || !ctx.settings().inlayHints) {
      return done(List.of());
    }
    TextRange r = ctx.convert().range(file.lines(), params.getRange());
    return evaluating(uri, file, doc -> InlayHints.in(file, r, doc), hints -> {
      List<InlayHint> out = new ArrayList<>();
      for (InlayHints.Hint h : hints) {
        InlayHint ih = new InlayHint(ctx.convert().position(file.lines(), h.offset()), Either.forLeft(h.label()));
        ih.setKind(InlayHintKind.Type);
        ih.setPaddingLeft(true);
        out.add(ih);
      }
      return out;
    });
  }

  // ---- navigation ----

  /** A place of an answer as an LSP location. */
  Location location(FileAnalysis current, String currentUri, Place p) {
    String uri;
    if (p.source() == current.source()) {
      uri = currentUri;
    } else if (p.path() != null) {
      uri = ctx.documents.uriOf(p.path());
    } else {
      uri = p.source().name();
    }
    Range r = p.source() == current.source() ? range(current, p.range())
        : p.source() != null ? ctx.convert().range(p.source().lines(), p.range())
        : new Range(new Position(0, 0), new Position(0, 0));
    return new Location(uri, r);
  }

  @Override
  public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
      DefinitionParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(Either.forLeft(List.of()));
    }
    int offset = offset(file, params.getPosition());
    Function<List<Place>, Either<List<? extends Location>, List<? extends LocationLink>>> toLsp =
        places -> Either.forLeft(places.stream().map(p -> location(file, uri, p)).toList());
    List<Place> fast = GotoDefinition.at(file, offset, null);
    if (!fast.isEmpty()) {
      return done(toLsp.apply(fast));
    }
    return evaluating(uri, file, doc -> GotoDefinition.at(file, offset, doc), toLsp);
  }

  @Override
  public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(List.of());
    }
    int offset = offset(file, params.getPosition());
    boolean withDecl = params.getContext() == null || params.getContext().isIncludeDeclaration();
    return async(cancel -> References.at(file, offset).stream()
        .filter(o -> withDecl || !o.definition())
        .map(o -> new Location(uri, range(file, o.range())))
        .toList());
  }

  @Override
  public CompletableFuture<List<? extends DocumentHighlight>> documentHighlight(DocumentHighlightParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return done(List.of());
    }
    int offset = offset(file, params.getPosition());
    return async(cancel -> References.at(file, offset).stream()
        .map(o -> new DocumentHighlight(range(file, o.range()),
            o.definition() ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
        .toList());
  }

  @Override
  public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return done(List.of());
    }
    var config = ctx.evalConfig();
    return async(cancel -> {
      List<DocumentLink> out = new ArrayList<>();
      for (DocumentLinks.Link l : DocumentLinks.of(file, config.roots(), config.searchPath())) {
        out.add(new DocumentLink(range(file, l.range()), l.file() != null ? ctx.documents.uriOf(l.file()) : l.url()));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<List<CallHierarchyItem>> prepareCallHierarchy(CallHierarchyPrepareParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(List.of());
    }
    int offset = offset(file, params.getPosition());
    return async(cancel -> {
      CallHierarchy.Item it = CallHierarchy.prepare(file, offset);
      return it == null ? List.of() : List.of(ToLsp.callItem(ctx.convert(), file, uri, it));
    });
  }

  /** The function an item of a previous answer names, in the current version of its file. */
  private NameResolution.Definition callee(CallHierarchyItem item, FileAnalysis file) {
    Object data = item.getData();
    int offset;
    if (data instanceof JsonElement j && j.isJsonPrimitive()) {
      offset = j.getAsInt();
    } else if (data instanceof Number n) {
      offset = n.intValue();
    } else {
      offset = offset(file, item.getSelectionRange().getStart());
    }
    return CallHierarchy.resolve(file, offset);
  }

  @Override
  public CompletableFuture<List<CallHierarchyIncomingCall>> callHierarchyIncomingCalls(
      CallHierarchyIncomingCallsParams params) {
    return calls(params.getItem(), CallHierarchy::incoming, CallHierarchyIncomingCall::new);
  }

  @Override
  public CompletableFuture<List<CallHierarchyOutgoingCall>> callHierarchyOutgoingCalls(
      CallHierarchyOutgoingCallsParams params) {
    return calls(params.getItem(), CallHierarchy::outgoing, CallHierarchyOutgoingCall::new);
  }

  /** The calls into or out of the function of {@code item}, each made into a protocol answer. */
  private <T> CompletableFuture<List<T>> calls(CallHierarchyItem item,
      java.util.function.BiFunction<FileAnalysis, NameResolution.Definition, List<CallHierarchy.Call>> find,
      java.util.function.BiFunction<CallHierarchyItem, List<Range>, T> make) {
    String uri = item.getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(List.of());
    }
    return async(cancel -> {
      NameResolution.Definition d = callee(item, file);
      List<T> out = new ArrayList<>();
      if (d != null) {
        for (CallHierarchy.Call c : find.apply(file, d)) {
          out.add(make.apply(ToLsp.callItem(ctx.convert(), file, uri, c.other()),
              c.ranges().stream().map(r -> range(file, r)).toList()));
        }
      }
      return out;
    });
  }

  // ---- editing ----

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(Either.forRight(new CompletionList(false, List.of())));
    }
    int offset = offset(file, params.getPosition());
    List<String> roots = ctx.evalConfig().roots();
    return evaluating(uri, file, doc -> Completion.at(file, offset, doc, roots), r -> {
      Long id = null;
      if (r.evaluated() != null) {
        id = completionIds.incrementAndGet();
        lastCompletion = new ResolvableCompletion(id, uri, r.evaluated());
      }
      return Either.forRight(ToLsp.completion(ctx.convert(), file, r, id));
    });
  }

  /** The set whose attributes the last completion proposed, for {@link #resolveCompletionItem}. */
  private record ResolvableCompletion(long id, String uri, NixAttrs set) {}

  private final java.util.concurrent.atomic.AtomicLong completionIds = new java.util.concurrent.atomic.AtomicLong();
  private volatile ResolvableCompletion lastCompletion;

  /**
   * Documentation of an item of the last completion that proposed the attributes of an
   * evaluated set (its data is {@code {"nix4j.completion": ID}}): the attribute's value, type and,
   * for a package, its description and more ({@link CompletionResolve}). Other items come back as
   * they are.
   */
  @Override
  public CompletableFuture<CompletionItem> resolveCompletionItem(CompletionItem item) {
    ResolvableCompletion last = lastCompletion;
    Long id = ToLsp.completionId(item);
    if (last == null || id == null || id != last.id() || item.getDocumentation() != null) {
      return done(item);
    }
    FileAnalysis file = file(last.uri());
    if (file == null) {
      return done(item);
    }
    String name = Bytes.fromUnicode(item.getLabel());
    return evaluating(last.uri(), file, doc -> CompletionResolve.documentation(doc.world().evaluator().vm(),
        last.set(), name), md -> {
          if (md != null) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, md));
          }
          return item;
        });
  }

  @Override
  public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(null);
    }
    int offset = offset(file, params.getPosition());
    return evaluating(uri, file, doc -> Signatures.at(file, offset, doc), ToLsp::signature);
  }

  @Override
  public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
      PrepareRenameParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return done(null);
    }
    int offset = offset(file, params.getPosition());
    return async(cancel -> {
      try {
        return Either3.forFirst(range(file, Rename.prepare(file, offset)));
      } catch (Rename.Refused e) {
        throw failure(e.getMessage());
      }
    });
  }

  @Override
  public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(null);
    }
    int offset = offset(file, params.getPosition());
    return async(cancel -> {
      try {
        return workspaceEdit(uri, file, Rename.rename(file, offset, params.getNewName()));
      } catch (Rename.Refused e) {
        throw failure(e.getMessage());
      }
    });
  }

  /** Edits of one document as a workspace edit. */
  WorkspaceEdit workspaceEdit(String uri, FileAnalysis file, List<SourceEdit> edits) {
    List<TextEdit> out = new ArrayList<>();
    for (SourceEdit e : edits) {
      out.add(new TextEdit(range(file, e.range()), e.newText()));
    }
    return new WorkspaceEdit(Map.of(uri, out));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(List.of());
    }
    TextRange r = ctx.convert().range(file.lines(), params.getRange());
    List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
    return async(cancel -> {
      List<Either<Command, CodeAction>> out = new ArrayList<>();
      for (CodeActions.Action a : CodeActions.at(file, r, ctx.diagnostics.current(uri))) {
        if (only != null && only.stream().noneMatch(k -> a.kind().equals(k) || a.kind().startsWith(k + "."))) {
          continue;
        }
        CodeAction ca = new CodeAction(a.title());
        ca.setKind(a.kind());
        ca.setEdit(workspaceEdit(uri, file, a.edits()));
        if (a.preferred()) {
          ca.setIsPreferred(true);
        }
        out.add(Either.forRight(ca));
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(List.of());
    }
    List<String> command = ctx.settings().formatterCommand;
    Path dir = file.path() != null ? file.path().getParent() : null;
    return async(cancel -> {
      String text = org.nix4j.syntax.Bytes.toUnicode(file.text());
      try {
        String formatted = Formatting.format(command, text, dir);
        if (formatted.equals(text)) {
          return List.of();
        }
        return List.of(new TextEdit(range(file, TextRange.of(0, file.text().length())), formatted));
      } catch (Formatting.Failure e) {
        ctx.showMessage(e.getMessage());
        throw failure(e.getMessage());
      }
    });
  }

  // ---- structure ----

  @Override
  public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return done(List.of());
    }
    return async(cancel -> ToLsp.symbols(ctx.convert(), file, DocumentSymbols.of(file)).stream()
        .map(Either::<SymbolInformation, DocumentSymbol>forRight).toList());
  }

  @Override
  public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null) {
      return done(List.of());
    }
    return async(cancel -> FoldingRanges.of(file).stream().map(f -> {
      FoldingRange fr = new FoldingRange(f.startLine(), f.endLine());
      if (f.comment()) {
        fr.setKind(FoldingRangeKind.Comment);
      }
      return fr;
    }).toList());
  }

  @Override
  public CompletableFuture<List<SelectionRange>> selectionRange(SelectionRangeParams params) {
    FileAnalysis file = file(params.getTextDocument());
    if (file == null || params.getPositions() == null) {
      return done(List.of());
    }
    return async(cancel -> {
      List<SelectionRange> out = new ArrayList<>();
      for (Position p : params.getPositions()) {
        List<TextRange> chain = SelectionRanges.at(file, offset(file, p));
        SelectionRange parent = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
          parent = new SelectionRange(range(file, chain.get(i)), parent);
        }
        out.add(parent);
      }
      return out;
    });
  }

  @Override
  public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(new SemanticTokens(List.of()));
    }
    return async(cancel -> {
      List<Integer> data = ToLsp.semanticTokens(ctx.convert(), file, org.nix4j.server.ide.SemanticTokens.of(file));
      String id = Long.toString(tokenIds.incrementAndGet());
      sentTokens.put(uri, new SentTokens(id, data));
      return new SemanticTokens(id, data);
    });
  }

  @Override
  public CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(
      SemanticTokensDeltaParams params) {
    String uri = params.getTextDocument().getUri();
    FileAnalysis file = file(uri);
    if (file == null) {
      return done(Either.forLeft(new SemanticTokens(List.of())));
    }
    return async(cancel -> {
      List<Integer> data = ToLsp.semanticTokens(ctx.convert(), file, org.nix4j.server.ide.SemanticTokens.of(file));
      String id = Long.toString(tokenIds.incrementAndGet());
      SentTokens before = sentTokens.put(uri, new SentTokens(id, data));
      if (before == null || !before.id().equals(params.getPreviousResultId())) {
        return Either.forLeft(new SemanticTokens(id, data));
      }
      List<Integer> old = before.data();
      int prefix = 0;
      while (prefix < old.size() && prefix < data.size() && old.get(prefix).equals(data.get(prefix))) {
        prefix++;
      }
      int suffix = 0;
      while (suffix < old.size() - prefix && suffix < data.size() - prefix
          && old.get(old.size() - 1 - suffix).equals(data.get(data.size() - 1 - suffix))) {
        suffix++;
      }
      List<SemanticTokensEdit> edits = new ArrayList<>();
      if (prefix < old.size() - suffix || prefix < data.size() - suffix) {
        edits.add(new SemanticTokensEdit(prefix, old.size() - suffix - prefix,
            new ArrayList<>(data.subList(prefix, data.size() - suffix))));
      }
      return Either.forRight(new SemanticTokensDelta(edits, id));
    });
  }
}
