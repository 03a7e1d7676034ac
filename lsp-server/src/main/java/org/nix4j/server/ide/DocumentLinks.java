package org.nix4j.server.ide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nix4j.io.RealIO;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/**
 * Document links: path literals and {@code <search/path>} entries to the files they name (when
 * they exist under the allowed roots), and URLs (URI literals, and {@code http(s)://} in strings
 * and comments) to themselves.
 */
public final class DocumentLinks {
  /** A link: the span and its target (a file, or a URL). */
  public record Link(TextRange range, Path file, String url) {}

  private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>()\\[\\]{}`;]+");

  private DocumentLinks() {}

  /**
   * @param roots the directories files may be in (byte strings)
   * @param searchPath the search path entries ({@code prefix=path} or {@code path}, byte strings)
   */
  public static List<Link> of(FileAnalysis file, List<String> roots, List<String> searchPath) {
    List<Link> out = new ArrayList<>();
    for (Iterator<SyntaxElement> it = file.parse().root().preorder(); it.hasNext(); ) {
      if (!(it.next() instanceof SyntaxToken t)) {
        continue;
      }
      switch (t.kind()) {
        case PATH, HPATH -> {
          if (t.parent().firstChild(SyntaxKind.INTERPOL) == null) {
            Path p = GotoDefinition.resolveLiteral(file, t.text());
            if (p != null && Files.exists(p) && under(p, roots)) {
              out.add(new Link(t.range(), GotoDefinition.importTarget(p), null));
            }
          }
        }
        case SPATH -> {
          Path p = searchPath(t.text().substring(1, t.text().length() - 1), searchPath);
          if (p != null && under(p, roots)) {
            out.add(new Link(t.range(), GotoDefinition.importTarget(p), null));
          }
        }
        case URI -> out.add(new Link(t.range(), null, Bytes.toUnicode(t.text())));
        case STR, IND_STR, COMMENT -> {
          Matcher m = URL.matcher(t.text());
          while (m.find()) {
            String url = m.group().replaceAll("[.,:]+$", "");
            out.add(new Link(TextRange.of(t.offset() + m.start(), t.offset() + m.start() + url.length()), null,
                Bytes.toUnicode(url)));
          }
        }
        default -> { }
      }
    }
    return out;
  }

  /** The file {@code <name/rest>} names on the search path, as Nix looks it up; or null. */
  static Path searchPath(String spath, List<String> entries) {
    for (String e : entries) {
      int eq = e.indexOf('=');
      String prefix = eq < 0 ? "" : e.substring(0, eq);
      String dir = eq < 0 ? e : e.substring(eq + 1);
      if (dir.contains("://")) {
        continue;
      }
      String rest;
      if (prefix.isEmpty()) {
        rest = spath;
      } else if (spath.equals(prefix)) {
        rest = "";
      } else if (spath.startsWith(prefix + "/")) {
        rest = spath.substring(prefix.length() + 1);
      } else {
        continue;
      }
      Path p = RealIO.toPath(dir).resolve(Bytes.toUnicode(rest)).normalize();
      if (Files.exists(p)) {
        return p;
      }
    }
    return null;
  }

  static boolean under(Path p, List<String> roots) {
    Path n = p.toAbsolutePath().normalize();
    for (String r : roots) {
      if (n.startsWith(RealIO.toPath(r))) {
        return true;
      }
    }
    return false;
  }
}
