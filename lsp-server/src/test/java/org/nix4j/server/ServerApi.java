package org.nix4j.server;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.services.LanguageServer;

/** The server as the tests' client sees it: LSP plus nix4j's own requests. */
interface ServerApi extends LanguageServer {
  @JsonRequest("nix4j/syntaxTree")
  CompletableFuture<String> syntaxTree(NixLanguageServer.SyntaxTreeParams params);
}
