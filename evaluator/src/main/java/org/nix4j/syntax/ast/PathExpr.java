package org.nix4j.syntax.ast;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/**
 * A path literal: relative ({@code ./a}, {@code a/b}), absolute ({@code /etc}), in the home
 * directory ({@code ~/a}), possibly with interpolations ({@code ./a/${b}.nix}). The parts are the
 * text as written; resolving it (against the file's directory, or {@code $HOME} for the part
 * after {@code ~}) is the compiler's job.
 */
public final class PathExpr extends Expr {
  PathExpr(SyntaxNode node) {
    super(node);
  }

  /** Whether this is a {@code ~/...} path. */
  public boolean isHome() {
    return node.firstToken(SyntaxKind.HPATH) != null;
  }

  /** Whether this is an absolute path ({@code /...}). */
  public boolean isAbsolute() {
    SyntaxToken t = node.firstToken(SyntaxKind.PATH);
    return t != null && t.text().startsWith("/");
  }

  /** The pieces of text and interpolations, in order. */
  public List<StrPart> parts() {
    List<StrPart> out = new ArrayList<>();
    for (int i = 0, c = node.childCount(); i < c; i++) {
      SyntaxElement e = node.child(i);
      if (e instanceof SyntaxToken t) {
        SyntaxKind k = t.kind();
        if (k == SyntaxKind.PATH || k == SyntaxKind.HPATH || k == SyntaxKind.PATH_FRAGMENT) {
          out.add(new StrPart.Literal(t.text(), t.range()));
        }
      } else if (e instanceof SyntaxNode s && s.kind() == SyntaxKind.INTERPOL) {
        out.add(new StrPart.Interpolation(Interpol.exprOf(s), s.range()));
      }
    }
    return out;
  }

  /**
   * The first piece made absolute as Nix 2.8 does it: a {@code ~/} path is {@code home} followed
   * by the rest as written; any other is resolved against {@code baseDir} (the directory of the
   * file) and canonicalized ({@link #canonPath}), keeping a trailing slash (which only a piece
   * followed by an interpolation can have).
   */
  public String resolvedFirstPiece(String baseDir, String home) {
    List<StrPart> parts = parts();
    if (parts.isEmpty() || !(parts.get(0) instanceof StrPart.Literal first)) {
      return null;
    }
    String p = first.value();
    if (isHome()) {
      return home + p.substring(1);
    }
    String path = canonPath(p.startsWith("/") ? p : baseDir + "/" + p);
    if (p.endsWith("/") && p.length() > 1) {
      path += "/";
    }
    return path;
  }

  /**
   * Nix's {@code canonPath} without symlink resolution: an absolute path with {@code .} and
   * empty components removed, {@code ..} resolved lexically, and no trailing slash.
   */
  public static String canonPath(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(c);
    }
    return "/" + String.join("/", out);
  }

  /** The path as written when it has no interpolation, or {@code null}. */
  public String staticText() {
    if (node.firstChild(SyntaxKind.INTERPOL) != null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (StrPart p : parts()) {
      sb.append(((StrPart.Literal) p).value());
    }
    return sb.toString();
  }

  @Override
  public <R> R accept(ExprVisitor<R> v) {
    return v.visitPath(this);
  }
}
