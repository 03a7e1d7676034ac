package org.nix4j.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.services.WorkspaceService;

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

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    if (params == null || params.getChanges() == null) {
      return;
    }
    for (var change : params.getChanges()) {
      var p = Documents.pathOf(change.getUri());
      if (p != null) {
        ctx.documents.forget(p);
      }
    }
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    return CompletableFuture.completedFuture(null);
  }
}
