package org.nix4j.server.ide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nix4j.server.analysis.FileAnalysis;

/**
 * Workspace symbols: every symbol of a file (nested ones with the name of their container),
 * and how well a name matches a query: its characters contain the query (best), or the query's
 * characters in order (next), case ignored.
 */
public final class WorkspaceSymbols {
  /** A symbol and the name of the symbol it is in (or null). */
  public record Found(DocumentSymbols.Symbol symbol, String container) {}

  /** The most symbols an answer has. */
  public static final int MAX_RESULTS = 500;

  private WorkspaceSymbols() {}

  /** The symbols of a file, outer ones first. */
  public static List<Found> of(FileAnalysis file) {
    List<Found> out = new ArrayList<>();
    ArrayDeque<Found> todo = new ArrayDeque<>();
    for (DocumentSymbols.Symbol s : DocumentSymbols.of(file)) {
      todo.add(new Found(s, null));
    }
    while (!todo.isEmpty()) {
      Found f = todo.poll();
      out.add(f);
      for (DocumentSymbols.Symbol c : f.symbol().children) {
        todo.add(new Found(c, f.symbol().name));
      }
    }
    return out;
  }

  /** 2 when {@code name} contains {@code query}, 1 when it has its characters in order, else 0. */
  public static int match(String query, String name) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains(q)) {
      return 2;
    }
    int i = 0;
    for (int j = 0; j < n.length() && i < q.length(); j++) {
      if (n.charAt(j) == q.charAt(i)) {
        i++;
      }
    }
    return i == q.length() ? 1 : 0;
  }
}
