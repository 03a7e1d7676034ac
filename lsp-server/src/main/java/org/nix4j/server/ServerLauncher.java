package org.nix4j.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;

/**
 * Connects a {@link NixLanguageServer} to a client: over a pair of streams (stdio, pipes in
 * tests) or a TCP socket. Returns when the connection ends.
 */
public final class ServerLauncher {
  private ServerLauncher() {}

  /**
   * Serves one client over {@code in}/{@code out} until {@code exit} or the end of the input.
   * Returns the exit code LSP asks for: 0 after {@code shutdown} then {@code exit}, else 1.
   */
  public static int serve(InputStream in, OutputStream out, PrintStream log) {
    // Off the path to the first answer: loading the management beans takes a while.
    Thread tuning = new Thread(() -> MemoryTuning.apply(log), "nix4j-memory-tuning");
    tuning.setDaemon(true);
    tuning.start();
    int[] code = {1};
    Thread main = Thread.currentThread();
    NixLanguageServer[] holder = new NixLanguageServer[1];
    Future<Void>[] listening = new Future[1];
    NixLanguageServer server = new NixLanguageServer(log, () -> {
      code[0] = holder[0].wasShutdown() ? 0 : 1;
      if (listening[0] != null) {
        listening[0].cancel(true);
      }
    });
    holder[0] = server;
    Launcher<Nix4jLanguageClient> launcher = start(server, in, out);
    listening[0] = launcher.startListening();
    try {
      listening[0].get();
    } catch (InterruptedException e) {
      main.interrupt();
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      // the input ended or exit was received
    }
    if (!server.wasShutdown()) {
      server.exitQuietly();
    }
    return code[0];
  }

  /** Makes the LSP4J launcher of {@code server} on two streams (not started). */
  public static Launcher<Nix4jLanguageClient> start(NixLanguageServer server, InputStream in, OutputStream out) {
    Launcher<Nix4jLanguageClient> launcher = new LSPLauncher.Builder<Nix4jLanguageClient>()
        .setLocalService(server)
        .setRemoteInterface(Nix4jLanguageClient.class)
        .setInput(in)
        .setOutput(out)
        .create();
    server.connect(launcher.getRemoteProxy());
    return launcher;
  }

  /** Connects to a client listening on {@code port} of this machine and serves it. */
  public static int connect(int port, PrintStream log) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return serve(s.getInputStream(), s.getOutputStream(), log);
    }
  }

  /** Listens on {@code port} of this machine and serves each client that connects, one at a time. */
  public static int listen(int port, PrintStream log) throws IOException {
    try (ServerSocket ss = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      log.println("[nix4j] listening on 127.0.0.1:" + ss.getLocalPort());
      while (true) {
        try (Socket s = ss.accept()) {
          serve(s.getInputStream(), s.getOutputStream(), log);
        }
      }
    }
  }
}
