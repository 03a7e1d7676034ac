package org.nix4j.server.ide;

import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution.Target;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;

/**
 * What a request at a position is about, found from the syntax and the scopes alone: a
 * variable, the name of a binding, an attribute selected from a set, an inherited name, a
 * parameter, or else the innermost expression. Hover, definition, references and rename all
 * start here.
 */
public record Subject(
    Kind kind,
    /** The node: IDENT_EXPR, the attribute node, the parameter's node, or the expression. */
    SyntaxNode node,
    /** The span to highlight (the name, or the expression). */
    TextRange range,
    /** The name, for names (a byte string); null for an expression. */
    String name,
    /** The scope definition the name is or refers to, when there is one. */
    Definition definition,
    /** What a variable or an inherited name refers to, when it is one. */
    Target target,
    /** For attribute names: the nodes of the path, and the index of this one in it. */
    List<SyntaxNode> path,
    int index) {

  public enum Kind {
    /** A variable {@code x}. */
    VARIABLE,
    /** A name of {@code a.b = …;}: {@link #path} and {@link #index} say which. */
    BINDING_NAME,
    /** A name of {@code e.a.b} or {@code e ? a.b}. */
    SELECTED_ATTRIBUTE,
    /** A name of {@code inherit a;} or {@code inherit (e) a;}. */
    INHERITED_NAME,
    /** A function's parameter, a formal, or the {@code @} name. */
    PARAMETER,
    /** Any other expression. */
    EXPRESSION
  }

  /** The subject at {@code offset}, or null where there is none (an empty file, a comment). */
  public static Subject at(FileAnalysis file, int offset) {
    SyntaxToken tok = Cursor.tokenAt(file.parse().root(), offset);
    if (tok == null || tok.kind() == SyntaxKind.COMMENT) {
      return null;
    }
    NameResolution names = file.names();
    SyntaxNode parent = tok.parent();
    if (tok.kind() == SyntaxKind.IDENT || tok.kind() == SyntaxKind.OR_KW) {
      switch (parent.kind()) {
        case IDENT_EXPR -> {
          Target t = names.target(parent);
          Definition d = t instanceof NameResolution.Local l ? l.definition() : null;
          return new Subject(Kind.VARIABLE, parent, tok.range(), tok.text(), d, t, List.of(), 0);
        }
        case ATTR_IDENT -> {
          return attribute(names, parent, tok.range());
        }
        case IDENT_PARAM, PAT_ENTRY, PAT_BIND -> {
          Definition d = names.definitionAt(tok.offset());
          if (d != null) {
            return new Subject(Kind.PARAMETER, parent, tok.range(), tok.text(), d, null, List.of(), 0);
          }
        }
        default -> { }
      }
    }
    // A quoted attribute name: "a b" = …;
    SyntaxNode str = Cursor.ancestor(parent, SyntaxKind.STRING);
    if (str != null && str.parent() != null
        && (str.parent().kind() == SyntaxKind.ATTRPATH || str.parent().kind() == SyntaxKind.INHERIT)
        && NameResolution.staticAttrName(str) != null) {
      return attribute(names, str, str.range());
    }
    SyntaxNode expr = Cursor.enclosingExpr(parent);
    if (expr == null) {
      return null;
    }
    return new Subject(Kind.EXPRESSION, expr, expr.range(), null, null, null, List.of(), 0);
  }

  private static Subject attribute(NameResolution names, SyntaxNode attr, TextRange range) {
    String name = NameResolution.staticAttrName(attr);
    SyntaxNode container = attr.parent();
    if (container.kind() == SyntaxKind.INHERIT) {
      Definition d = names.definitionAt(attr.offset());
      if (d != null && !d.nameRanges().contains(attr.range())) {
        d = null;
      }
      return new Subject(Kind.INHERITED_NAME, attr, range, name, d, names.target(attr), List.of(attr), 0);
    }
    List<SyntaxNode> path = container.childNodes();
    int index = path.indexOf(attr);
    SyntaxNode owner = container.parent();
    if (owner != null && owner.kind() == SyntaxKind.BINDING) {
      Definition d = null;
      if (index == 0) {
        d = names.definitionAt(attr.offset());
        if (d != null && !d.nameRanges().contains(attr.range())) {
          d = null;
        }
      }
      return new Subject(Kind.BINDING_NAME, attr, range, name, d, null, path, index);
    }
    return new Subject(Kind.SELECTED_ATTRIBUTE, attr, range, name, null, null, path, index);
  }

  /** The names of {@link #path} up to and including this one (null where one is dynamic). */
  public List<String> names() {
    return path.subList(0, index + 1).stream().map(NameResolution::staticAttrName).toList();
  }
}
