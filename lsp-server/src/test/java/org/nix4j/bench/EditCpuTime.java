package org.nix4j.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.nix4j.server.Convert;
import org.nix4j.server.Documents;
import org.nix4j.server.analysis.Diagnostics;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.IdeDiagnostic;
import org.nix4j.server.analysis.IncrementalDiagnostics;
import org.nix4j.syntax.LineIndex;

/**
 * The server's work for one keystroke in the 20,000-line file, in CPU time of the thread that
 * does it (a busy machine disturbs wall-clock figures, not these): applying the change to the
 * document, reparsing it, the incremental diagnostics, converting them to protocol positions.
 *
 * <pre>java … org.nix4j.bench.EditCpuTime LARGE_FILE</pre>
 */
public final class EditCpuTime {
  private EditCpuTime() {}

  public static void main(String[] args) throws Exception {
    Path big = Path.of(args[0]).toAbsolutePath();
    String text = Files.readString(big);
    String uri = big.toUri().toString();
    Documents docs = new Documents();
    Convert convert = new Convert(LineIndex.Encoding.UTF16);
    docs.open(uri, 1, text);
    FileAnalysis base = docs.snapshot(uri);
    List<IdeDiagnostic> diags = Diagnostics.compile(base);
    String[] lines = text.split("\n", -1);
    List<Integer> nameLines = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains("pname = \"")) {
        nameLines.add(i);
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Random rnd = new Random(1);
    List<Long> cpu = new ArrayList<>();
    int version = 1;
    for (int i = 0; i < 2000; i++) {
      int line = nameLines.get(rnd.nextInt(nameLines.size()));
      int col = lines[line].indexOf("pname = \"") + 10;
      Position at = new Position(line, col);
      long t0 = mx.getCurrentThreadCpuTime();
      docs.change(uri, ++version, List.of(new TextDocumentContentChangeEvent(new Range(at, at), "x")), convert);
      FileAnalysis next = docs.snapshot(uri);
      FileAnalysis.Origin origin = next.takeOrigin();
      IncrementalDiagnostics.Result r = IncrementalDiagnostics.of(diags, next, origin.edit());
      for (IdeDiagnostic d : r.diagnostics()) {
        convert.range(next.lines(), d.range());
      }
      long t1 = mx.getCurrentThreadCpuTime();
      diags = r.diagnostics();
      // undo, so that the text stays the same size
      docs.change(uri, ++version, List.of(new TextDocumentContentChangeEvent(
          new Range(at, new Position(line, col + 1)), "")), convert);
      FileAnalysis back = docs.snapshot(uri);
      IncrementalDiagnostics.Result r2 = IncrementalDiagnostics.of(diags, back, back.takeOrigin().edit());
      diags = r2.diagnostics();
      if (i >= 500) {
        cpu.add(t1 - t0);
      }
    }
    Collections.sort(cpu);
    System.out.printf("| one-character edit of the 20,000-line file to its diagnostics (CPU time) | %.2f ms | %.2f ms | %.2f ms |%n",
        cpu.get(cpu.size() / 2) / 1e6, cpu.get((int) (cpu.size() * 0.95)) / 1e6, cpu.get(cpu.size() - 1) / 1e6);
  }
}
