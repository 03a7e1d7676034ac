package org.nix4j.syntax;

import java.util.List;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.syntax.ast.Root;

/**
 * The result of parsing a text: the green tree (always complete: its text is the source text),
 * the syntax errors in source order, and views of the tree (red nodes, typed AST). Immutable;
 * {@link Reparser#reparse} makes the next version from an edit.
 */
public final class Parse {
  /** The source text; {@code null} until asked for when the tree came from a reparse. */
  private volatile String text;
  private final GreenNode green;
  private final List<SyntaxError> errors;
  private volatile SyntaxNode root;

  /** A parse; {@code text} may be {@code null} (it is then spelled from the tree on demand). */
  Parse(String text, GreenNode green, List<SyntaxError> errors) {
    this.text = text;
    this.green = green;
    this.errors = List.copyOf(errors);
  }

  /** Parses a byte string (see {@link SourceFile}). */
  public static Parse of(String byteString) {
    return Parser.parse(byteString);
  }

  /** The source text (a byte string). */
  public String text() {
    String t = text;
    if (t == null) {
      t = green.text();
      text = t;
    }
    return t;
  }

  public GreenNode green() {
    return green;
  }

  /** The red root node, of kind {@link SyntaxKind#ROOT}. */
  public SyntaxNode root() {
    SyntaxNode r = root;
    if (r == null) {
      r = SyntaxNode.root(green);
      root = r;
    }
    return r;
  }

  /** The typed view of the root. */
  public Root ast() {
    return new Root(root());
  }

  /** The file's expression, or {@code null} when there is none (an empty or broken file). */
  public Expr expr() {
    return ast().expr();
  }

  /** The syntax errors, sorted by position; empty when the text parses. */
  public List<SyntaxError> errors() {
    return errors;
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
