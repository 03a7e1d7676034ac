package org.nix4j.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;

/** The client side of the in-process tests: records what the server sends. */
final class TestClient implements Nix4jLanguageClient {
  private final Map<String, List<PublishDiagnosticsParams>> diagnostics = new ConcurrentHashMap<>();
  final List<String> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** The answer to {@code workspace/configuration} for the section {@code nix4j}. */
  volatile JsonElement configuration = JsonParser.parseString("{}");

  @Override
  public void status(StatusParams params) {
    statuses.add(params.state);
  }

  @Override
  public void telemetryEvent(Object object) {}

  @Override
  public void publishDiagnostics(PublishDiagnosticsParams p) {
    synchronized (this) {
      diagnostics.computeIfAbsent(p.getUri(), k -> new ArrayList<>()).add(p);
      notifyAll();
    }
  }

  @Override
  public void showMessage(MessageParams p) {
    messages.add(p.getMessage());
  }

  @Override
  public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
    messages.add(p.getMessage());
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void logMessage(MessageParams p) {}

  @Override
  public CompletableFuture<List<Object>> configuration(ConfigurationParams p) {
    List<Object> out = new ArrayList<>();
    for (var item : p.getItems()) {
      out.add("nix4j".equals(item.getSection()) ? configuration : null);
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public CompletableFuture<Void> registerCapability(RegistrationParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
    return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
  }

  @Override
  public CompletableFuture<Void> refreshSemanticTokens() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> refreshInlayHints() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletableFuture<Void> refreshDiagnostics() {
    return CompletableFuture.completedFuture(null);
  }

  /** Every publication for {@code uri} so far. */
  synchronized List<PublishDiagnosticsParams> published(String uri) {
    return new ArrayList<>(diagnostics.getOrDefault(uri, List.of()));
  }

  /**
   * Waits until the last publication for {@code uri} satisfies {@code check}; returns it, or
   * the last one (possibly null) after {@code timeoutMs}.
   */
  synchronized PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> check,
      long timeoutMs) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (true) {
      List<PublishDiagnosticsParams> l = diagnostics.get(uri);
      PublishDiagnosticsParams last = l == null || l.isEmpty() ? null : l.get(l.size() - 1);
      if (last != null && check.test(last)) {
        return last;
      }
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return last;
      }
      wait(left);
    }
  }
}
