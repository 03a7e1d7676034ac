package org.nix4j.server.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Reparser;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextEdit;

/**
 * Incremental diagnostics after an edit inside a binding's value give what compiling the whole
 * file gives, when the edit changes nothing outside that value; an edit outside any binding's
 * value is left to the whole compilation.
 */
class IncrementalDiagnosticsTest {
  private static final String FILE = """
      { lib, stdenv, ... }:
      with lib;
      let
        helper = x: x + 1;
        unused = 3;
      in
      rec {
        a = helper 1;
        b = { inner = a; other = "text"; };
        c = let z = 1; in [ b.inner z ];
        d = fromWith;
      }
      """;

  private static FileAnalysis analysis(String text, int version) {
    return FileAnalysis.of(SourceFile.ofFile(Path.of("/tmp/incremental.nix"), text), version);
  }

  private static void check(String text, TextEdit edit) {
    FileAnalysis before = analysis(text, 1);
    List<IdeDiagnostic> old = Diagnostics.compile(before);
    Parse p = Reparser.reparse(before.parse(), edit);
    FileAnalysis after = new FileAnalysis(SourceFile.ofFile(Path.of("/tmp/incremental.nix"), p.text()), p, 2);
    IncrementalDiagnostics.Result fast = IncrementalDiagnostics.of(old, after, edit);
    assertNotNull(fast, "the edit is inside a binding's value");
    assertEquals(render(Diagnostics.compile(after)), render(fast.diagnostics()), "after " + edit);
  }

  private static String render(List<IdeDiagnostic> ds) {
    StringBuilder sb = new StringBuilder();
    for (IdeDiagnostic d : ds) {
      sb.append(d.range()).append(' ').append(d.code()).append(' ').append(d.message()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void editsInsideValuesGiveWhatTheWholeFileGives() {
    int a = FILE.indexOf("helper 1");
    check(FILE, TextEdit.insert(a + 7, "0"));
    check(FILE, new TextEdit(a + 7, a + 8, "helpr"));      // an undefined name, under a `with`
    int text = FILE.indexOf("\"text\"") + 1;
    check(FILE, TextEdit.insert(text, "more "));
    int z = FILE.indexOf("let z = 1;") + 4;
    check(FILE, new TextEdit(z, z + 1, "zz"));             // z becomes unused, zz undefined
    int inner = FILE.indexOf("inner = a;") + 8;
    check(FILE, TextEdit.insert(inner, " + 1"));
  }

  @Test
  void editsInTheGeneratedPackageSet() {
    String text = org.nix4j.server.ide.GeneratedText.packageSet(300);
    Random r = new Random(3);
    int done = 0;
    while (done < 8) {
      int i = text.indexOf("version = \"", r.nextInt(text.length() - 100));
      if (i < 0) {
        continue;
      }
      check(text, TextEdit.insert(i + 11, "9"));
      done++;
    }
  }

  @Test
  void editsOutsideValuesNeedTheWholeFile() {
    FileAnalysis before = analysis(FILE, 1);
    int rec = FILE.indexOf("rec {");
    TextEdit edit = TextEdit.insert(rec + 5, " e = 1;");
    Parse p = Reparser.reparse(before.parse(), edit);
    FileAnalysis after = new FileAnalysis(SourceFile.ofFile(Path.of("/tmp/incremental.nix"), p.text()), p, 2);
    assertNull(IncrementalDiagnostics.of(Diagnostics.compile(before), after, edit));
  }
}
