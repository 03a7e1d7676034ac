package org.nix4j.server;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.ide.Evaluate;
import org.nix4j.server.ide.WorkspaceSymbols;
import org.nix4j.syntax.TextRange;

/** {@code workspace/*}: settings, watched files, commands and workspace symbols. */
final class NixWorkspaceService implements WorkspaceService {
  private final ServerContext ctx;
  private final NixTextDocumentService textDocuments;

  NixWorkspaceService(ServerContext ctx, NixTextDocumentService textDocuments) {
    this.ctx = ctx;
    this.textDocuments = textDocuments;
  }

  void applySettings(Settings s) {
    ctx.setSettings(s);
    ctx.reconfigureEval();
    ctx.diagnostics.republishAll();
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    Object s = params == null ? null : params.getSettings();
    if (s instanceof JsonObject o && o.has("nix4j")) {
      applySettings(Settings.from(o.get("nix4j")));
    } else if (s instanceof JsonElement e && e.isJsonObject() && !e.getAsJsonObject().isEmpty()) {
      applySettings(Settings.from(e));
    }
  }

  /** The symbols of one file, converted, and what identifies the version they are of. */
  private record FileSymbols(Object version, List<WorkspaceSymbol> symbols) {}

  /** Symbols of files, by path (or URI for documents without one); at most {@link #MAX_WORKSPACE_FILES}. */
  private final Map<String, FileSymbols> symbolCache = new java.util.concurrent.ConcurrentHashMap<>();

  /** Files searched for workspace symbols, at most. */
  static final int MAX_WORKSPACE_FILES = 3000;

  /** The symbols of a file, from the cache when its version is the same. */
  private List<WorkspaceSymbol> symbolsOf(String uri, Object version, java.util.function.Supplier<FileAnalysis> read) {
    FileSymbols cached = symbolCache.get(uri);
    if (cached != null && cached.version().equals(version)) {
      return cached.symbols();
    }
    FileAnalysis f = read.get();
    if (f == null) {
      return List.of();
    }
    List<WorkspaceSymbol> out = new ArrayList<>();
    for (WorkspaceSymbols.Found found : WorkspaceSymbols.of(f)) {
      out.add(new WorkspaceSymbol(found.symbol().name, ToLsp.symbolKind(found.symbol().kind),
          Either.forLeft(new Location(uri, ctx.convert().range(f.lines(), found.symbol().selection))),
          found.container()));
    }
    if (symbolCache.size() < MAX_WORKSPACE_FILES || symbolCache.containsKey(uri)) {
      symbolCache.put(uri, new FileSymbols(version, out));
    }
    return out;
  }

  /** The symbols of every open document and every {@code .nix} file of the workspace folders. */
  private List<List<WorkspaceSymbol>> workspaceSymbols(CancelChecker cancel) {
    List<List<WorkspaceSymbol>> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String uri : ctx.documents.openUris()) {
      FileAnalysis f = ctx.documents.snapshot(uri);
      if (f != null) {
        seen.add(uri);
        out.add(symbolsOf(uri, f, () -> f));
      }
    }
    int budget = MAX_WORKSPACE_FILES;
    for (Path folder : ctx.workspaceFolders()) {
      try (Stream<Path> walk = Files.walk(folder, 16)) {
        for (Iterator<Path> it = walk.iterator(); it.hasNext() && budget > 0; ) {
          Path p = it.next();
          cancel.checkCanceled();
          if (!p.toString().endsWith(".nix") || hidden(folder, p) || !Files.isRegularFile(p)) {
            continue;
          }
          String uri = ctx.documents.uriOf(p);
          if (seen.add(uri)) {
            budget--;
            Object version;
            try {
              var attrs = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
              version = attrs.lastModifiedTime().toMillis() + ":" + attrs.size();
            } catch (IOException e) {
              continue;
            }
            out.add(symbolsOf(uri, version, () -> readFile(p)));
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // a folder that cannot be read has no symbols
      }
    }
    return out;
  }

  /** A file from disk, parsed for its symbols only (not kept with the documents). */
  private static FileAnalysis readFile(Path p) {
    try {
      return FileAnalysis.of(org.nix4j.syntax.SourceFile.ofFile(p, Files.readAllBytes(p)), 0);
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  private static boolean hidden(Path folder, Path p) {
    for (Path part : folder.relativize(p)) {
      String n = part.toString();
      if (n.startsWith(".") || n.equals("node_modules") || n.equals("result")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
      WorkspaceSymbolParams params) {
    String query = params == null ? "" : params.getQuery();
    return CompletableFutures.computeAsync(ctx.workers.requests, cancel -> {
      List<WorkspaceSymbol> best = new ArrayList<>();
      List<WorkspaceSymbol> rest = new ArrayList<>();
      for (List<WorkspaceSymbol> file : workspaceSymbols(cancel)) {
        for (WorkspaceSymbol w : file) {
          int m = WorkspaceSymbols.match(query, w.getName());
          if (m == 2 && best.size() < WorkspaceSymbols.MAX_RESULTS) {
            best.add(w);
          } else if (m == 1 && rest.size() < WorkspaceSymbols.MAX_RESULTS) {
            rest.add(w);
          }
        }
      }
      best.addAll(rest);
      return Either.forRight(best.size() > WorkspaceSymbols.MAX_RESULTS
          ? new ArrayList<>(best.subList(0, WorkspaceSymbols.MAX_RESULTS)) : best);
    });
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    if (params == null || params.getChanges() == null) {
      return;
    }
    for (var change : params.getChanges()) {
      var p = Documents.pathOf(change.getUri());
      if (p != null) {
        ctx.documents.forget(p);
        ctx.eval.invalidate(p, ctx::reevaluateOpenDocuments);
      }
    }
  }

  /**
   * {@code nix4j.evaluate} with one argument {@code { uri, range }} or {@code { uri, position }}:
   * answers {@code { value, type }} or {@code { error }}.
   */
  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    if (params == null || !Capabilities.EVALUATE_COMMAND.equals(params.getCommand())
        || params.getArguments() == null || params.getArguments().size() != 1
        || !(params.getArguments().get(0) instanceof JsonObject arg) || !arg.has("uri")) {
      return CompletableFuture.failedFuture(new ResponseErrorException(
          new ResponseError(
              ResponseErrorCode.InvalidParams,
              "nix4j.evaluate takes one argument { uri, range } or { uri, position }", null)));
    }
    String uri = arg.get("uri").getAsString();
    FileAnalysis file = textDocuments.file(uri);
    if (file == null) {
      return CompletableFuture.completedFuture(Map.of("error", "no such document: " + uri));
    }
    Convert convert = ctx.convert();
    Gson gson = new Gson();
    TextRange range;
    if (arg.has("range")) {
      range = convert.range(file.lines(), gson.fromJson(arg.get("range"), Range.class));
    } else if (arg.has("position")) {
      range = TextRange.empty(convert.offset(file.lines(), gson.fromJson(arg.get("position"), Position.class)));
    } else {
      range = TextRange.empty(0);
    }
    return Futures.map(ctx.eval.request(uri, file, NixTextDocumentService.REQUEST_EVAL_MS,
        doc -> Evaluate.run(file, range, doc)), r -> {
          Map<String, Object> out = new LinkedHashMap<>();
          if (r.error() != null) {
            out.put("error", r.error());
          } else {
            out.put("value", r.value());
            out.put("type", r.type());
          }
          return out;
        });
  }
}
