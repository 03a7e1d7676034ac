package org.nix4j.server;

import java.util.List;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;

/** What the server offers, announced in the answer to {@code initialize}. */
final class Capabilities {
  /** The commands of {@code workspace/executeCommand}. */
  static final String EVALUATE_COMMAND = "nix4j.evaluate";

  private Capabilities() {}

  static ServerCapabilities of(String positionEncoding) {
    ServerCapabilities c = new ServerCapabilities();
    c.setPositionEncoding(positionEncoding);
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Incremental);
    sync.setSave(new SaveOptions(false));
    c.setTextDocumentSync(sync);
    c.setHoverProvider(true);
    org.eclipse.lsp4j.CompletionOptions completion = new org.eclipse.lsp4j.CompletionOptions(false, List.of(".", "/"));
    c.setCompletionProvider(completion);
    c.setSignatureHelpProvider(new org.eclipse.lsp4j.SignatureHelpOptions(List.of(" ", "{")));
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setDocumentHighlightProvider(true);
    c.setRenameProvider(new org.eclipse.lsp4j.RenameOptions(true));
    c.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(EVALUATE_COMMAND)));
    return c;
  }
}
