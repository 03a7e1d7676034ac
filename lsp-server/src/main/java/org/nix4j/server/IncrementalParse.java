package org.nix4j.server;

import java.util.List;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;

/**
 * The parse of a document's new text from the parse of an earlier version and the edits made
 * since. The one place where the server chooses between reparsing incrementally and parsing
 * everything again.
 */
final class IncrementalParse {
  private IncrementalParse() {}

  static Parse next(Parse previous, List<Documents.Edit> edits, String text) {
    return Parser.parse(text);
  }
}
