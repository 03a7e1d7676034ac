package org.nix4j.server.ide;

import java.nio.file.Path;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.SourcePos;

/**
 * A place an answer points to: a span of a source (whose line index converts it), or the start
 * of a file known only by its path (a path literal's target).
 */
public record Place(SourceFile source, Path path, TextRange range) {
  public static Place of(SourceFile source, TextRange range) {
    return new Place(source, source.path(), range);
  }

  public static Place of(SourcePos pos) {
    return of(pos.file(), TextRange.of(pos.start(), Math.max(pos.start(), pos.end())));
  }

  /** The start of a file. */
  public static Place file(Path path) {
    return new Place(null, path, TextRange.empty(0));
  }
}
