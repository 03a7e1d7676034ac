package org.nix4j.server;

import java.util.List;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.Parser;
import org.nix4j.syntax.Reparser;
import org.nix4j.syntax.TextEdit;

/**
 * The parse of a document's new text from the parse of an earlier version and the edits made
 * since: each edit is applied with {@link Reparser} (which reuses the untouched parts of the
 * tree), unless there are so many that parsing everything again is cheaper. The one place where
 * the server chooses between the two.
 */
final class IncrementalParse {
  /** More edits than this since the last parse: parse from scratch. */
  static final int MAX_EDITS = 16;

  private IncrementalParse() {}

  static Parse next(Parse previous, List<Documents.Edit> edits, String text) {
    if (previous == null || edits.isEmpty() || edits.size() > MAX_EDITS) {
      return Parser.parse(text);
    }
    Parse p = previous;
    for (Documents.Edit e : edits) {
      if (e.end() > p.green().width()) {
        return Parser.parse(text);
      }
      p = Reparser.reparse(p, new TextEdit(e.start(), e.end(), e.text()));
    }
    // The edits must have led to the document's text; if not, trust the text.
    return p.green().width() == text.length() ? p : Parser.parse(text);
  }
}
