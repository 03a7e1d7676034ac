package org.nix4j.cli;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import org.nix4j.server.ServerLauncher;

/**
 * {@code nix4j lsp}: the language server, speaking LSP on stdin/stdout (the default), or over a
 * TCP socket of this machine: {@code --socket PORT} connects to a client listening there (as
 * VS Code's socket transport expects), {@code --listen PORT} waits for clients to connect.
 * The log goes to stderr. Exit code 0 after {@code shutdown} and {@code exit}, 1 otherwise.
 */
final class LspCommand implements Main.Command {
  static final String USAGE = "usage: nix4j lsp [--stdio | --socket PORT | --listen PORT]";

  @Override
  public String summary() {
    return "start the language server (LSP on stdio; --socket PORT, --listen PORT)";
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    Integer connect = null;
    Integer listen = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      try {
        if (a.equals("--stdio")) {
          continue;
        } else if (a.equals("--socket") || a.equals("--port")) {
          connect = Integer.parseInt(args[++i]);
        } else if (a.startsWith("--socket=") || a.startsWith("--port=")) {
          connect = Integer.parseInt(a.substring(a.indexOf('=') + 1));
        } else if (a.equals("--listen")) {
          listen = Integer.parseInt(args[++i]);
        } else if (a.startsWith("--listen=")) {
          listen = Integer.parseInt(a.substring(a.indexOf('=') + 1));
        } else if (a.equals("-h") || a.equals("--help")) {
          out.println(USAGE);
          return Main.OK;
        } else if (a.startsWith("--clientProcessId")) {
          if (!a.contains("=")) {
            i++;
          }
        } else {
          err.println("nix4j lsp: unknown option '" + a + "'");
          err.println(USAGE);
          return Main.USAGE;
        }
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
        err.println("nix4j lsp: option '" + a + "' needs a port number");
        return Main.USAGE;
      }
    }
    if (connect != null) {
      return ServerLauncher.connect(connect, err);
    }
    if (listen != null) {
      return ServerLauncher.listen(listen, err);
    }
    // The protocol owns the real stdout: anything printed by mistake goes to stderr instead.
    FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
    System.setOut(err);
    return ServerLauncher.serve(new FileInputStream(FileDescriptor.in), stdout, err);
  }
}
