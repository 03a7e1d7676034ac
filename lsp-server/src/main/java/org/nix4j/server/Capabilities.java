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
    completion.setResolveProvider(true);
    c.setCompletionProvider(completion);
    c.setSignatureHelpProvider(new org.eclipse.lsp4j.SignatureHelpOptions(List.of(" ", "{")));
    c.setDefinitionProvider(true);
    c.setReferencesProvider(true);
    c.setDocumentHighlightProvider(true);
    c.setRenameProvider(new org.eclipse.lsp4j.RenameOptions(true));
    c.setCodeActionProvider(new org.eclipse.lsp4j.CodeActionOptions(List.of(
        org.eclipse.lsp4j.CodeActionKind.QuickFix, org.eclipse.lsp4j.CodeActionKind.RefactorRewrite,
        org.eclipse.lsp4j.CodeActionKind.RefactorExtract, org.eclipse.lsp4j.CodeActionKind.RefactorInline)));
    c.setDocumentFormattingProvider(true);
    c.setDocumentSymbolProvider(true);
    c.setWorkspaceSymbolProvider(true);
    c.setFoldingRangeProvider(true);
    c.setSelectionRangeProvider(true);
    c.setDocumentLinkProvider(new org.eclipse.lsp4j.DocumentLinkOptions(false));
    c.setInlayHintProvider(true);
    c.setCallHierarchyProvider(true);
    org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions tokens = new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
        new org.eclipse.lsp4j.SemanticTokensLegend(org.nix4j.server.ide.SemanticTokens.TYPES,
            org.nix4j.server.ide.SemanticTokens.MODIFIERS));
    tokens.setFull(new org.eclipse.lsp4j.SemanticTokensServerFull(true));
    tokens.setRange(false);
    c.setSemanticTokensProvider(tokens);
    c.setExecuteCommandProvider(new ExecuteCommandOptions(List.of(EVALUATE_COMMAND)));
    return c;
  }
}
