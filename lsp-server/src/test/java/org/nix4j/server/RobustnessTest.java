package org.nix4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server survives what clients and users do to it: malformed messages, unknown methods,
 * positions out of range, binary and huge files, half-typed code typed one character at a
 * time, floods of edits, cancelled requests. After each, it still answers.
 */
class RobustnessTest {
  @TempDir
  Path workspace;

  LspHarness h;

  @BeforeEach
  void start() throws Exception {
    h = new LspHarness();
    h.initialize(workspace, JsonParser.parseString("{}"), List.of("utf-16"));
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  String uri(String name) {
    return workspace.resolve(name).toUri().toString();
  }

  /** A hover on a small document: the server is alive and answers. */
  void assertAlive() throws Exception {
    String u = uri("alive.nix");
    h.open(u, "let x = 1 + 1; in x");
    Hover hv = LspHarness.get(h.server.getTextDocumentService().hover(
        new HoverParams(new TextDocumentIdentifier(u), new Position(0, 18))));
    assertNotNull(hv, "no hover: the server does not answer");
    assertTrue(hv.getContents().getRight().getValue().contains("x = 2"), hv.getContents().getRight().getValue());
    h.close(u);
  }

  /**
   * Sends one message as it is, header and body in one write: written apart, a message that
   * LSP4J's client thread sends in the meantime (an answer to the server's
   * workspace/configuration, a cancellation) could land between them, and the server, reading
   * the other message's header as this body, would lose the framing and the messages after it.
   */
  private void raw(String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    byte[] header = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] message = java.util.Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, message, header.length, body.length);
    h.sendRaw(message);
  }

  @Test
  void malformedMessagesAndUnknownMethods() throws Exception {
    raw("{ this is not json");
    raw("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"nix4j/noSuchMethod\",\"params\":{}}");
    raw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":null}}");
    raw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.nix\",\"version\":2},\"contentChanges\":[{\"text\":\"x\"}]}}");
    raw("{\"jsonrpc\":\"2.0\",\"id\":100,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\"file:///nowhere.nix\"},\"position\":{\"line\":-5,\"character\":-1}}}");
    raw("{\"jsonrpc\":\"2.0\",\"id\":101,\"method\":\"textDocument/hover\",\"params\":42}");
    raw("{\"jsonrpc\":\"2.0\",\"method\":\"$/unknownNotification\",\"params\":[1,2,3]}");
    raw("{\"jsonrpc\":\"2.0\",\"id\":102,\"method\":\"workspace/executeCommand\",\"params\":{\"command\":\"nix4j.evaluate\",\"arguments\":[\"nonsense\"]}}");
    assertAlive();
  }

  @Test
  void positionsOutOfRange() throws Exception {
    String u = uri("a.nix");
    h.open(u, "{ a = 1; }\n");
    var td = h.server.getTextDocumentService();
    TextDocumentIdentifier id = new TextDocumentIdentifier(u);
    for (Position p : List.of(new Position(1000, 1000), new Position(0, 5000), new Position(-1, -1), new Position(1, 0))) {
      LspHarness.get(td.hover(new HoverParams(id, p)));
      LspHarness.get(td.definition(new DefinitionParams(id, p)));
      LspHarness.get(td.completion(new CompletionParams(id, p)));
    }
    // A change whose range is past the end is clamped to the text.
    h.change(u, List.of(new TextDocumentContentChangeEvent(new Range(new Position(50, 0), new Position(60, 3)), " # end")));
    h.awaitIdle();
    assertAlive();
  }

  @Test
  void binaryAndHugeFiles() throws Exception {
    Random r = new Random(7);
    StringBuilder bin = new StringBuilder();
    for (int i = 0; i < 20000; i++) {
      bin.append((char) r.nextInt(0x3000));
    }
    bin.append('\0').append("\uFFFD\uD800 tail");
    String u = uri("binary.nix");
    h.open(u, bin.toString());
    LspHarness.get(h.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(u))));
    LspHarness.get(h.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(u))));
    StringBuilder huge = new StringBuilder("{\n");
    for (int i = 0; i < 20000; i++) {
      huge.append("  a").append(i).append(" = { x = ").append(i).append("; y = \"s").append(i).append("\"; };\n");
    }
    huge.append("}\n");
    String hu = uri("huge.nix");
    h.open(hu, huge.toString());
    h.awaitIdle();
    PublishDiagnosticsParams p = h.client.awaitDiagnostics(hu, x -> true, LspHarness.TIMEOUT_MS);
    assertNotNull(p, "no diagnostics for the huge file");
    assertEquals(List.of(), p.getDiagnostics());
    Hover hv = LspHarness.get(h.server.getTextDocumentService().hover(
        new HoverParams(new TextDocumentIdentifier(hu), new Position(1000, 20))));
    assertNotNull(hv);
    assertAlive();
  }

  @Test
  void typingHalfWrittenCodeOneCharacterAtATime() throws Exception {
    String u = uri("typing.nix");
    h.open(u, "");
    String text = "(foo: bar: foo !";
    var td = h.server.getTextDocumentService();
    for (int i = 0; i < text.length(); i++) {
      Position at = new Position(0, i);
      h.change(u, List.of(new TextDocumentContentChangeEvent(new Range(at, at), text.substring(i, i + 1))));
      Position after = new Position(0, i + 1);
      LspHarness.get(td.hover(new HoverParams(new TextDocumentIdentifier(u), after)));
      LspHarness.get(td.completion(new CompletionParams(new TextDocumentIdentifier(u), after)));
    }
    h.awaitIdle();
    int version = h.version(u);
    PublishDiagnosticsParams p = h.client.awaitDiagnostics(u, x -> x.getVersion() != null && x.getVersion() == version,
        LspHarness.TIMEOUT_MS);
    assertEquals(version, p.getVersion());
    assertTrue(p.getDiagnostics().stream().anyMatch(d -> "syntax-error".equals(d.getCode().getLeft())),
        p.getDiagnostics().toString());
    assertAlive();
  }

  @Test
  void floodOfEdits() throws Exception {
    String u = uri("flood.nix");
    StringBuilder text = new StringBuilder("{\n");
    for (int i = 0; i < 2000; i++) {
      text.append("  a").append(i).append(" = ").append(i).append(";\n");
    }
    text.append("}\n");
    h.open(u, text.toString());
    for (int i = 0; i < 3000; i++) {
      int line = 1 + (i % 2000);
      Position at = new Position(line, 3);
      h.change(u, List.of(new TextDocumentContentChangeEvent(new Range(at, at), "b")));
    }
    // The last version has an error: a binding renamed to start with a digit cannot be; use a
    // reference to an undefined name instead, at the end.
    Position end = new Position(2001, 0);
    h.change(u, List.of(new TextDocumentContentChangeEvent(new Range(end, end), "  z = undefinedAtTheEnd;\n")));
    h.awaitIdle();
    int version = h.version(u);
    PublishDiagnosticsParams p = h.client.awaitDiagnostics(u, x -> x.getVersion() != null && x.getVersion() == version,
        LspHarness.TIMEOUT_MS);
    assertEquals(version, p.getVersion());
    assertEquals(1, p.getDiagnostics().size(), p.getDiagnostics().toString());
    assertTrue(p.getDiagnostics().get(0).getMessage().contains("undefinedAtTheEnd"));
    // Far fewer publications than edits: changes are coalesced.
    assertTrue(h.client.published(u).size() < 500, "published " + h.client.published(u).size() + " times");
    assertAlive();
  }

  @Test
  void cancelledRequestStopsItsEvaluation() throws Exception {
    String u = uri("loop.nix");
    h.open(u, "let loop = n: loop (n + 1); in loop 0");
    h.awaitIdle();
    CompletableFuture<Hover> slow = h.server.getTextDocumentService().hover(
        new HoverParams(new TextDocumentIdentifier(u), new Position(0, 31)));
    Thread.sleep(100);
    slow.cancel(true);
    try {
      slow.get(5, TimeUnit.SECONDS);
    } catch (CancellationException | ExecutionException e) {
      // expected: cancelled
    }
    long t0 = System.nanoTime();
    assertAlive();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(ms < 1500, "the next request waited " + ms + " ms for the cancelled evaluation");
  }

  @Test
  void unsafeReadsAreRefused() throws Exception {
    Path outside = Files.createTempFile("nix4j-secret", ".nix");
    try {
      Files.writeString(outside, "\"secret\"");
      String u = uri("read.nix");
      h.open(u, "{ a = builtins.readFile " + outside + "; b = import " + outside + "; }");
      h.awaitIdle();
      var hv = LspHarness.get(h.server.getTextDocumentService().hover(
          new HoverParams(new TextDocumentIdentifier(u), new Position(0, 2))));
      String text = hv == null ? "" : hv.getContents().getRight().getValue();
      assertTrue(!text.contains("secret\""), text);
      var hv2 = LspHarness.get(h.server.getTextDocumentService().hover(
          new HoverParams(new TextDocumentIdentifier(u), new Position(0, text.length() > 0 ? 2 : 2))));
      assertNotNull(hv2);
    } finally {
      Files.deleteIfExists(outside);
    }
  }
}
