package org.nix4j.server.analysis;

import java.nio.file.Path;
import java.util.List;
import org.nix4j.compiler.CompileOptions;
import org.nix4j.compiler.CompileResult;
import org.nix4j.compiler.Compiler;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.SourceFile;

/**
 * One version of one file as the analysis sees it: its text (a byte string), its parse, and
 * what is derived from them on first use and then kept: the line index, the compiler's
 * diagnostics, the static name resolution. Immutable from the outside and safe to share between
 * threads: every request works on the snapshot it was given, never on a document that changes
 * under it.
 */
public final class FileAnalysis {
  private final SourceFile source;
  private final Parse parse;
  private final int version;
  private volatile CompileResult compiled;
  private volatile NameResolution names;
  private volatile Origin origin;
  private final LineIndex lines;

  /** The version this one was made from by one edit (for incremental work), until taken. */
  public record Origin(FileAnalysis previous, org.nix4j.syntax.TextEdit edit) {}

  public FileAnalysis(SourceFile source, Parse parse, int version) {
    this(source, parse, version, null);
  }

  public FileAnalysis(SourceFile source, Parse parse, int version, Origin origin) {
    this(source, parse, version, origin, null);
  }

  /** A version whose line index is known already ({@code lines} may be null). */
  public FileAnalysis(SourceFile source, Parse parse, int version, Origin origin, LineIndex lines) {
    this.source = source;
    this.parse = parse;
    this.version = version;
    this.origin = origin;
    this.lines = lines;
  }

  /** Where this version comes from, once (null when unknown, or already taken). */
  public Origin takeOrigin() {
    Origin o = origin;
    origin = null;
    return o;
  }

  /** Whether the whole file was compiled already (diagnostics would cost nothing). */
  public boolean compiled() {
    return compiled != null;
  }

  /** Parses {@code source} from scratch. */
  public static FileAnalysis of(SourceFile source, int version) {
    return new FileAnalysis(source, Parse.of(source.text()), version);
  }

  public SourceFile source() {
    return source;
  }

  /** The file, or null for a text that has none (an unsaved editor buffer). */
  public Path path() {
    return source.path();
  }

  /** The text: a byte string (UTF-8 bytes, one per char). */
  public String text() {
    return source.text();
  }

  public Parse parse() {
    return parse;
  }

  public LineIndex lines() {
    return lines != null ? lines : source.lines();
  }

  /** The editor's version of the text, or 0 for a file read from disk. */
  public int version() {
    return version;
  }

  /** The directory that relative paths in the file resolve against (a byte string). */
  public String baseDir() {
    Path p = source.path();
    Path dir = p == null ? null : p.getParent();
    return dir == null ? "/" : org.nix4j.syntax.Bytes.fromUnicode(dir.toString());
  }

  /** The compiler's view: syntax errors, compile errors and warnings (computed once). */
  public CompileResult compile() {
    CompileResult c = compiled;
    if (c == null) {
      synchronized (this) {
        c = compiled;
        if (c == null) {
          CompileOptions opts = new CompileOptions(Globals.values(), List.of(), baseDir(), "/homeless-shelter");
          c = Compiler.compile(source, parse, opts);
          compiled = c;
        }
      }
    }
    return c;
  }

  /** Which definition every variable refers to, and what every scope binds (computed once). */
  public NameResolution names() {
    NameResolution n = names;
    if (n == null) {
      synchronized (this) {
        n = names;
        if (n == null) {
          n = NameResolution.of(parse.root());
          names = n;
        }
      }
    }
    return n;
  }
}
