package org.nix4j.server;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** The client as nix4j speaks to it: LSP plus the {@code nix4j/status} notification. */
public interface Nix4jLanguageClient extends LanguageClient {
  /** The server's state for the status bar: {@code starting}, {@code ready}, {@code evaluating}. */
  @JsonNotification("nix4j/status")
  void status(StatusParams params);

  /** The parameters of {@code nix4j/status}. */
  final class StatusParams {
    public String state;
    public String message;

    public StatusParams() {}

    public StatusParams(String state, String message) {
      this.state = state;
      this.message = message;
    }
  }
}
