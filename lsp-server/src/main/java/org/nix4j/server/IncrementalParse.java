package org.nix4j.server;

import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.Reparser;
import org.nix4j.syntax.TextEdit;

/**
 * The parse of a document's new text from the parse of an earlier version and the edit that
 * leads from it (the document's edits since, merged into one): {@link Reparser} reuses the parts
 * of the tree the edit does not touch, and parses everything again when it must. The one place
 * where the server chooses between the two.
 */
final class IncrementalParse {
  private IncrementalParse() {}

  static Parse next(Parse previous, TextEdit edit, String text) {
    if (previous == null || edit == null || edit.end() > previous.green().width()) {
      return Parser.parse(text);
    }
    Parse p = Reparser.reparse(previous, edit);
    // The edit must lead to the document's text; if not, trust the text.
    return p.green().width() == text.length() ? p : Parser.parse(text);
  }
}
