package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.syntax.SyntaxElement;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;

/**
 * Semantic tokens: what every name is (a parameter, a variable, a function bound by name, an
 * attribute, a builtin, a name from a {@code with}), and the keywords, strings, numbers, paths,
 * comments and operators around them. Spans are byte ranges; the protocol layer splits tokens
 * that cross lines and encodes them.
 */
public final class SemanticTokens {
  /** The token types, in the order of the legend. */
  public static final List<String> TYPES = List.of("variable", "parameter", "property", "function", "keyword",
      "string", "number", "comment", "operator", "namespace", "macro");
  /** The modifiers, one bit each in the order of the legend. */
  public static final List<String> MODIFIERS = List.of("declaration", "definition", "readonly", "defaultLibrary",
      "deprecated");

  static final int VARIABLE = 0;
  static final int PARAMETER = 1;
  static final int PROPERTY = 2;
  static final int FUNCTION = 3;
  static final int KEYWORD = 4;
  static final int STRING = 5;
  static final int NUMBER = 6;
  static final int COMMENT = 7;
  static final int OPERATOR = 8;
  /** Names that come from a {@code with}: a namespace lookup. */
  static final int NAMESPACE = 9;
  /** Paths, search paths and URIs. */
  static final int PATH = 10;

  static final int DECLARATION = 1;
  static final int DEFINITION = 2;
  static final int READONLY = 4;
  static final int DEFAULT_LIBRARY = 8;
  static final int DEPRECATED = 16;

  /** One token: a byte range, a type and modifier bits. */
  public record Token(int start, int length, int type, int modifiers) {}

  private SemanticTokens() {}

  public static List<Token> of(FileAnalysis file) {
    NameResolution names = file.names();
    List<Token> out = new ArrayList<>();
    for (Iterator<SyntaxElement> it = file.parse().root().preorder(); it.hasNext(); ) {
      if (!(it.next() instanceof SyntaxToken t)) {
        continue;
      }
      int type = -1;
      int mods = 0;
      SyntaxKind k = t.kind();
      switch (k) {
        case COMMENT -> type = COMMENT;
        case STR, IND_STR, IND_ESCAPE, QUOTE, IND_OPEN, IND_CLOSE -> type = STRING;
        case INT, FLOAT -> type = NUMBER;
        case PATH, HPATH, SPATH, PATH_FRAGMENT -> type = PATH;
        case URI -> {
          type = PATH;
          mods = DEPRECATED;
        }
        case IDENT, OR_KW -> {
          SyntaxNode p = t.parent();
          switch (p.kind()) {
            case IDENT_EXPR -> {
              NameResolution.Target target = names.target(p);
              if (target instanceof NameResolution.Local l) {
                type = kindOf(l.definition());
                mods = l.definition().kind() == NameResolution.Kind.LET
                    || l.definition().kind() == NameResolution.Kind.REC_ATTR ? READONLY : 0;
              } else if (target instanceof NameResolution.Global g) {
                type = org.nix4j.server.analysis.Globals.values().get(g.name()) instanceof org.nix4j.value.Builtin
                    ? FUNCTION : VARIABLE;
                mods = DEFAULT_LIBRARY | READONLY;
              } else if (target instanceof NameResolution.WithScope) {
                type = NAMESPACE;
              } else if (k == SyntaxKind.OR_KW) {
                type = KEYWORD;
              } else {
                type = VARIABLE;
              }
            }
            case ATTR_IDENT -> {
              SyntaxNode owner = p.parent() == null ? null : p.parent().parent();
              NameResolution.Definition d = names.definitionAt(t.offset());
              if (d != null && d.nameRanges().contains(p.range())) {
                type = kindOf(d);
                mods = DECLARATION | DEFINITION;
              } else {
                type = PROPERTY;
                if (owner != null && owner.kind() == SyntaxKind.BINDING) {
                  mods = DEFINITION;
                }
              }
            }
            case IDENT_PARAM, PAT_ENTRY, PAT_BIND -> {
              type = PARAMETER;
              mods = DECLARATION;
            }
            default -> {
              type = k == SyntaxKind.OR_KW ? KEYWORD : -1;
            }
          }
        }
        default -> {
          if (k.isKeyword()) {
            type = KEYWORD;
          } else if (isOperator(k)) {
            type = OPERATOR;
          }
        }
      }
      if (type >= 0 && t.endOffset() > t.offset()) {
        out.add(new Token(t.offset(), t.endOffset() - t.offset(), type, mods));
      }
    }
    return out;
  }

  /** A function when bound to a lambda, a parameter, else a variable (or a rec attribute). */
  private static int kindOf(NameResolution.Definition d) {
    switch (d.kind()) {
      case PARAM, FORMAL, PATTERN_BIND -> {
        return PARAMETER;
      }
      default -> {
        SyntaxNode site = d.sites().get(0);
        if (site.kind() == SyntaxKind.BINDING && Trees.bindingAttrs(site).size() == 1) {
          SyntaxNode v = Trees.bindingValue(site);
          while (v != null && v.kind() == SyntaxKind.PAREN) {
            v = v.firstChildNode();
          }
          if (v != null && v.kind() == SyntaxKind.LAMBDA) {
            return FUNCTION;
          }
        }
        return d.kind() == NameResolution.Kind.REC_ATTR ? PROPERTY : VARIABLE;
      }
    }
  }

  private static boolean isOperator(SyntaxKind k) {
    return switch (k) {
      case EQ, NEQ, LEQ, GEQ, AND, OR, IMPL, UPDATE, CONCAT, PLUS, MINUS, STAR, SLASH, LT, GT, BANG, QUESTION,
          ASSIGN, AT, ELLIPSIS -> true;
      default -> false;
    };
  }
}
