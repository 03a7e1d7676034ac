package org.nix4j.server.ide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nix4j.server.analysis.FileAnalysis;

/**
 * Workspace symbols: the symbols of every file given (the open documents and the {@code .nix}
 * files of the workspace folders) whose name contains the query's characters in order, case
 * ignored; names that start with the query or contain it first.
 */
public final class WorkspaceSymbols {
  /** A symbol found, with the file it is in. */
  public record Found(FileAnalysis file, DocumentSymbols.Symbol symbol, String container) {}

  /** The most symbols an answer has. */
  public static final int MAX_RESULTS = 500;

  private WorkspaceSymbols() {}

  public static List<Found> search(List<FileAnalysis> files, String query, Runnable checkCancelled) {
    String q = query == null ? "" : query.toLowerCase(Locale.ROOT);
    List<Found> best = new ArrayList<>();
    List<Found> rest = new ArrayList<>();
    for (FileAnalysis f : files) {
      checkCancelled.run();
      record Item(DocumentSymbols.Symbol s, String container) {}
      ArrayDeque<Item> todo = new ArrayDeque<>();
      for (DocumentSymbols.Symbol s : DocumentSymbols.of(f)) {
        todo.add(new Item(s, null));
      }
      while (!todo.isEmpty()) {
        Item it = todo.poll();
        String name = it.s.name.toLowerCase(Locale.ROOT);
        if (name.contains(q)) {
          best.add(new Found(f, it.s, it.container));
        } else if (subsequence(q, name)) {
          rest.add(new Found(f, it.s, it.container));
        }
        for (DocumentSymbols.Symbol c : it.s.children) {
          todo.add(new Item(c, it.s.name));
        }
      }
      if (best.size() >= MAX_RESULTS) {
        break;
      }
    }
    best.addAll(rest);
    return best.size() > MAX_RESULTS ? best.subList(0, MAX_RESULTS) : best;
  }

  private static boolean subsequence(String q, String s) {
    int i = 0;
    for (int j = 0; j < s.length() && i < q.length(); j++) {
      if (s.charAt(j) == q.charAt(i)) {
        i++;
      }
    }
    return i == q.length();
  }
}
