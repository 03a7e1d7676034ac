package org.nix4j.syntax;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A source text and where it came from: a file, or an expression given on the command line or
 * typed in an editor. The text is a byte string (the UTF-8 bytes of the source, one char per
 * byte: see {@link Bytes}). Spans ({@link TextRange}) are byte offsets into {@link #text()}; this
 * class turns them into lines and columns for messages, with Nix's conventions (1-based lines,
 * 1-based columns counted in bytes).
 */
public final class SourceFile {
  /** The name Nix gives to a text that is not a file: {@code «string»}. */
  public static final String STRING_NAME = "\u00abstring\u00bb";

  private final String name;
  private final Path path;
  private final String text;
  private volatile LineIndex lines;

  private SourceFile(String name, Path path, String text) {
    this.name = Objects.requireNonNull(name);
    this.path = path;
    this.text = Objects.requireNonNull(text);
  }

  /** A file's contents; {@code path} should be absolute. */
  public static SourceFile ofFile(Path path, byte[] contents) {
    return new SourceFile(path.toString(), path, Bytes.toByteString(contents));
  }

  /** A file's text (a byte string); {@code path} should be absolute. */
  public static SourceFile ofFile(Path path, String text) {
    return new SourceFile(path.toString(), path, text);
  }

  /** A byte string with no file, such as {@code -E EXPR}; it is named {@code «string»}. */
  public static SourceFile ofString(String text) {
    return new SourceFile(STRING_NAME, null, text);
  }

  /** A text with no file and a name of the caller's choosing (e.g. an editor's URI). */
  public static SourceFile named(String name, String text) {
    return new SourceFile(name, null, text);
  }

  /** The name used in messages: the file's path, or {@code «string»}. */
  public String name() {
    return name;
  }

  /** The file, or {@code null} for a text that has none. */
  public Path path() {
    return path;
  }

  public String text() {
    return text;
  }

  public LineIndex lines() {
    LineIndex l = lines;
    if (l == null) {
      l = LineIndex.ofBytes(text);
      lines = l;
    }
    return l;
  }

  /** {@code name:line:column} of an offset, both one-based, as in Nix's messages. */
  public String location(int offset) {
    return name + ":" + lineColumn(offset);
  }

  /** {@code line:column} of an offset, both one-based, the column in bytes (as Nix counts). */
  public String lineColumn(int offset) {
    LineIndex.LineCol lc = lines().lineCol(offset, LineIndex.Encoding.UTF8);
    return (lc.line() + 1) + ":" + (lc.column() + 1);
  }

  @Override
  public String toString() {
    return name;
  }
}
