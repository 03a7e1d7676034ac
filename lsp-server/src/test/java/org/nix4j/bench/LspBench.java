package org.nix4j.bench;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * The language server's benchmark: a scripted client that starts {@code nix4j lsp} as a process
 * of its own and speaks LSP to it over stdio, as an editor does, and measures what issue #5
 * asks: the answer to {@code initialize}; compile diagnostics after one-character edits of a
 * 20,000-line file; hover and completion after a dot on warm documents; the resident memory with
 * that file and 50 small ones open. Prints a Markdown table.
 *
 * <pre>java … org.nix4j.bench.LspBench SERVER_JAR LARGE_FILE NIXPKGS_DIR [JVM_OPTION…]</pre>
 *
 * <p>LARGE_FILE is a 20,000-line package collection made by the evaluator's
 * {@code PackageSetGenerator}; the small files are written beside it.
 */
public final class LspBench {
  private LspBench() {}

  /** Records diagnostics with the time they arrive. */
  public static final class Client implements LanguageClient {
    final Map<String, Map<Integer, Long>> published = new ConcurrentHashMap<>();

    @JsonNotification("nix4j/status")
    public void status(Object params) {}

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams p) {
      long now = System.nanoTime();
      synchronized (this) {
        published.computeIfAbsent(p.getUri(), k -> new ConcurrentHashMap<>())
            .putIfAbsent(p.getVersion() == null ? -1 : p.getVersion(), now);
        notifyAll();
      }
    }

    @Override
    public void showMessage(MessageParams p) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams p) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams p) {}

    /** Waits for the first publication of {@code version}; returns when it arrived. */
    synchronized long await(String uri, int version) throws InterruptedException {
      long deadline = System.currentTimeMillis() + 60_000;
      while (true) {
        Map<Integer, Long> m = published.get(uri);
        if (m != null && m.containsKey(version)) {
          return m.get(version);
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("no diagnostics for " + uri + " version " + version);
        }
        wait(1000);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args[0]);
    Path big = Path.of(args[1]).toAbsolutePath();
    Path work = big.getParent();
    Path nixpkgs = Path.of(args[2]).toAbsolutePath();
    List<String> jvm = List.of(args).subList(3, args.length);
    List<Path> small = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Path f = work.resolve("small" + i + ".nix");
      Files.writeString(f, "let\n  pkgs = import <nixpkgs> { };\n  n" + i + " = " + i + ";\nin\n{\n  value = n" + i
          + " * 2;\n  inherit (pkgs) hello;\n  name = pkgs.hello.name;\n}\n");
      small.add(f);
    }
    // Load this client's LSP4J classes first, so that the server's start is not timed with them.
    LSPLauncher.createClientLauncher(new Client(), new java.io.ByteArrayInputStream(new byte[0]),
        new java.io.ByteArrayOutputStream());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-jar", jar.toString(), "lsp"));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectError(work.resolve("server.log").toFile()).start();
    Client client = new Client();
    Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, p.getInputStream(), p.getOutputStream());
    launcher.startListening();
    LanguageServer server = launcher.getRemoteProxy();
    InitializeParams init = new InitializeParams();
    init.setProcessId((int) ProcessHandle.current().pid());
    init.setWorkspaceFolders(List.of(new WorkspaceFolder(work.toUri().toString(), "bench")));
    init.setCapabilities(new ClientCapabilities());
    init.setInitializationOptions(JsonParser.parseString("{\"nixPath\":[\"nixpkgs=" + nixpkgs + "\"]}"));
    server.initialize(init).get(60, TimeUnit.SECONDS);
    long initMs = (System.nanoTime() - t0) / 1_000_000;
    server.initialized(new InitializedParams());

    // The large file: open, wait for its diagnostics and evaluation.
    String bigUri = big.toUri().toString();
    String text = Files.readString(big);
    server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(bigUri, "nix", 1, text)));
    client.await(bigUri, 1);
    Thread.sleep(4000);

    // One-character edits at random places in package names ("pkgN" → "pkgNx" and back).
    Random rnd = new Random(1);
    List<Long> edits = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    List<Integer> nameLines = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("pname = \"")) {
        nameLines.add(i);
      }
    }
    int version = 1;
    for (int i = 0; i < 120; i++) {
      int line = nameLines.get(rnd.nextInt(nameLines.size()));
      int col = lines[line].indexOf("pname = \"") + 10;
      boolean insert = i % 2 == 0;
      Position at = new Position(line, col);
      TextDocumentContentChangeEvent change = insert
          ? new TextDocumentContentChangeEvent(new Range(at, at), "x")
          : new TextDocumentContentChangeEvent(new Range(at, new Position(line, col + 1)), "");
      if (!insert) {
        // delete what the previous step inserted, at the same place
        line = lastLine;
        at = new Position(line, lastCol);
        change = new TextDocumentContentChangeEvent(new Range(at, new Position(line, lastCol + 1)), "");
      }
      lastLine = line;
      lastCol = col;
      version++;
      long s = System.nanoTime();
      server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
          new VersionedTextDocumentIdentifier(bigUri, version), List.of(change)));
      long arrived = client.await(bigUri, version);
      if (i >= 20) {
        edits.add((arrived - s) / 1_000);
      }
      Thread.sleep(30);
    }
    Thread.sleep(3000);

    // Hover on names of the large file (warm: evaluated in the background).
    List<Long> hovers = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      int line = nameLines.get(rnd.nextInt(nameLines.size())) - 2;
      int col = lines[line].indexOf("stdenv") + 2;
      if (col < 2) {
        continue;
      }
      long s = System.nanoTime();
      server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(bigUri), new Position(line, col)))
          .get(30, TimeUnit.SECONDS);
      if (i >= 20) {
        hovers.add((System.nanoTime() - s) / 1_000);
      }
    }

    // Whole-file requests on the large file: symbols and semantic tokens.
    List<Long> symbols = new ArrayList<>();
    List<Long> tokens = new ArrayList<>();
    int symbolCount = 0;
    for (int i = 0; i < 30; i++) {
      long s = System.nanoTime();
      var syms = server.getTextDocumentService().documentSymbol(new org.eclipse.lsp4j.DocumentSymbolParams(
          new TextDocumentIdentifier(bigUri))).get(30, TimeUnit.SECONDS);
      long m = System.nanoTime();
      server.getTextDocumentService().semanticTokensFull(new org.eclipse.lsp4j.SemanticTokensParams(
          new TextDocumentIdentifier(bigUri))).get(30, TimeUnit.SECONDS);
      long e = System.nanoTime();
      symbolCount = count(syms);
      if (i >= 10) {
        symbols.add((m - s) / 1_000);
        tokens.add((e - m) / 1_000);
      }
    }

    // The small files: open them all; hover and complete after a dot in one.
    for (Path f : small) {
      server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
          new TextDocumentItem(f.toUri().toString(), "nix", 1, Files.readString(f))));
    }
    for (Path f : small) {
      client.await(f.toUri().toString(), 1);
    }
    Thread.sleep(3000);
    String one = small.get(0).toUri().toString();
    List<Long> smallHovers = new ArrayList<>();
    List<Long> completions = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      long s = System.nanoTime();
      server.getTextDocumentService().hover(new HoverParams(new TextDocumentIdentifier(one), new Position(7, 22)))
          .get(30, TimeUnit.SECONDS);
      long m = System.nanoTime();
      server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(one), new Position(7, 14)))
          .get(30, TimeUnit.SECONDS);
      long e = System.nanoTime();
      if (i >= 20) {
        smallHovers.add((m - s) / 1_000);
        completions.add((e - m) / 1_000);
      }
    }
    long busyRssKb = rss(p.pid());
    // Resident memory once the server has been idle a while (the collector gives memory back).
    Thread.sleep(8000);
    long rssKb = rss(p.pid());
    server.shutdown().get(30, TimeUnit.SECONDS);
    server.exit();
    p.waitFor(30, TimeUnit.SECONDS);

    System.out.println("server: java " + String.join(" ", jvm) + " -jar nix4j.jar lsp; large file: "
        + lines.length + " lines, " + text.length() + " bytes");
    System.out.println();
    System.out.println("| measure | target | p50 | p95 | max |");
    System.out.println("| --- | --- | --- | --- | --- |");
    row("diagnostics after a one-character edit of the 20,000-line file", "p95 ≤ 30 ms", edits);
    row("hover, warm, in the 20,000-line file", "p95 ≤ 50 ms", hovers);
    row("hover, warm, small file (value from <nixpkgs>)", "p95 ≤ 50 ms", smallHovers);
    row("completion after `pkgs.` (the package set)", "p95 ≤ 50 ms", completions);
    row("document symbols of the 20,000-line file (" + symbolCount + " symbols)", "—", symbols);
    row("semantic tokens of the 20,000-line file", "—", tokens);
    System.out.println("| start to the answer of initialize | < 1 s | " + initMs + " ms | | |");
    System.out.println("| resident memory, the large file and 50 small ones open, 8 s idle | < 400 MB | "
        + (rssKb / 1024) + " MB | | |");
    System.out.println("| resident memory, the same, right after the requests | | " + (busyRssKb / 1024) + " MB | | |");
  }

  /** The number of symbols in a document symbol answer, nested ones included. */
  private static int count(List<org.eclipse.lsp4j.jsonrpc.messages.Either<org.eclipse.lsp4j.SymbolInformation,
      org.eclipse.lsp4j.DocumentSymbol>> syms) {
    int n = 0;
    java.util.ArrayDeque<org.eclipse.lsp4j.DocumentSymbol> todo = new java.util.ArrayDeque<>();
    for (var e : syms) {
      todo.add(e.getRight());
    }
    while (!todo.isEmpty()) {
      var d = todo.poll();
      n++;
      if (d.getChildren() != null) {
        todo.addAll(d.getChildren());
      }
    }
    return n;
  }

  private static int lastLine;
  private static int lastCol;

  private static void row(String what, String target, List<Long> micros) {
    List<Long> s = new ArrayList<>(micros);
    Collections.sort(s);
    System.out.printf("| %s | %s | %.1f ms | %.1f ms | %.1f ms |%n", what, target, pct(s, 50), pct(s, 95),
        s.get(s.size() - 1) / 1000.0);
  }

  private static double pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1000.0;
  }

  /** The resident set of a process, in KiB (Linux). */
  private static long rss(long pid) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (l.startsWith("VmRSS:")) {
        return Long.parseLong(l.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
