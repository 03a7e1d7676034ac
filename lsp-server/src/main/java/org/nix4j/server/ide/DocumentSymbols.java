package org.nix4j.server.ide;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;

/**
 * Document symbols: the bindings of {@code let}s and sets, nested as they are in the file
 * (through function bodies, calls and parentheses, which have no symbol of their own). A file
 * the size of a package collection keeps the answer small: when there would be more than
 * {@link #MAX_SYMBOLS}, the deepest levels are left out.
 */
public final class DocumentSymbols {
  /** The kinds of symbols: what the bound value looks like. */
  public enum Kind {
    VARIABLE,
    FIELD,
    FUNCTION,
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN
  }

  /** A symbol: name (Unicode), detail, kind, its whole span and the span of its name. */
  public static final class Symbol {
    public final String name;
    public final String detail;
    public final Kind kind;
    public final TextRange range;
    public final TextRange selection;
    public final int depth;
    public final List<Symbol> children = new ArrayList<>();

    Symbol(String name, String detail, Kind kind, TextRange range, TextRange selection, int depth) {
      this.name = name;
      this.detail = detail;
      this.kind = kind;
      this.range = range;
      this.selection = selection;
      this.depth = depth;
    }
  }

  /** The most symbols an answer has. */
  public static final int MAX_SYMBOLS = 3000;
  /** The deepest nesting looked at. */
  static final int MAX_DEPTH = 8;

  private DocumentSymbols() {}

  public static List<Symbol> of(FileAnalysis file) {
    List<Symbol> roots = new ArrayList<>();
    int[] perDepth = new int[MAX_DEPTH + 1];
    // (node, parent symbol or null, depth of the symbols found under it)
    record Item(SyntaxNode node, Symbol parent, int depth) {}
    ArrayDeque<Item> stack = new ArrayDeque<>();
    stack.push(new Item(file.parse().root(), null, 1));
    while (!stack.isEmpty()) {
      Item it = stack.pop();
      SyntaxNode n = it.node;
      boolean bindings = n.kind() == SyntaxKind.LET_IN || n.kind() == SyntaxKind.ATTR_SET
          || n.kind() == SyntaxKind.LEGACY_LET;
      List<SyntaxNode> kids = n.childNodes();
      for (int i = kids.size() - 1; i >= 0; i--) {
        SyntaxNode c = kids.get(i);
        if (bindings && c.kind() == SyntaxKind.BINDING && it.depth <= MAX_DEPTH) {
          Symbol s = bindingSymbol(c, n, it.depth);
          add(roots, it.parent, s);
          perDepth[it.depth]++;
          SyntaxNode value = Trees.bindingValue(c);
          if (value != null) {
            stack.push(new Item(value, s, it.depth + 1));
          }
        } else if (bindings && c.kind() == SyntaxKind.INHERIT && it.depth <= MAX_DEPTH) {
          for (SyntaxNode a : c.childNodes()) {
            String name = NameResolution.staticAttrName(a);
            if (name != null && a.kind() != SyntaxKind.INHERIT_FROM) {
              add(roots, it.parent, new Symbol(Bytes.toUnicode(name), "inherit",
                  n.kind() == SyntaxKind.LET_IN ? Kind.VARIABLE : Kind.FIELD, c.range(), a.range(), it.depth));
              perDepth[it.depth]++;
            } else if (a.kind() == SyntaxKind.INHERIT_FROM) {
              stack.push(new Item(a, it.parent, it.depth));
            }
          }
        } else {
          stack.push(new Item(c, it.parent, it.depth));
        }
      }
    }
    int total = 0;
    int keep = 1;
    for (int d = 1; d <= MAX_DEPTH; d++) {
      total += perDepth[d];
      if (total > MAX_SYMBOLS && d > 1) {
        break;
      }
      keep = d;
    }
    prune(roots, keep);
    return roots;
  }

  private static void add(List<Symbol> roots, Symbol parent, Symbol s) {
    if (parent == null) {
      roots.add(s);
    } else {
      parent.children.add(s);
    }
  }

  /** Drops the symbols deeper than {@code depth}; children come in source order. */
  private static void prune(List<Symbol> level, int depth) {
    ArrayDeque<List<Symbol>> todo = new ArrayDeque<>();
    todo.push(level);
    while (!todo.isEmpty()) {
      List<Symbol> l = todo.pop();
      l.sort((a, b) -> a.range.compareTo(b.range));
      for (Symbol s : l) {
        if (s.depth >= depth) {
          s.children.clear();
        } else {
          todo.push(s.children);
        }
      }
    }
  }

  private static Symbol bindingSymbol(SyntaxNode binding, SyntaxNode owner, int depth) {
    SyntaxNode path = binding.firstChild(SyntaxKind.ATTRPATH);
    String name = path == null ? "?" : Bytes.toUnicode(path.text().strip());
    SyntaxNode value = Trees.bindingValue(binding);
    while (value != null && value.kind() == SyntaxKind.PAREN) {
      value = value.firstChildNode();
    }
    Kind kind = owner.kind() == SyntaxKind.LET_IN ? Kind.VARIABLE : Kind.FIELD;
    String detail = owner.kind() == SyntaxKind.LET_IN ? "let" : null;
    if (value != null) {
      switch (value.kind()) {
        case LAMBDA -> {
          kind = Kind.FUNCTION;
          SyntaxNode param = value.firstChild(SyntaxKind.IDENT_PARAM);
          if (param == null) {
            param = value.firstChild(SyntaxKind.PATTERN);
          }
          detail = param == null ? null : Hover.abbreviate(Bytes.toUnicode(param.text().replaceAll("\\s+", " "))) + ": …";
        }
        case ATTR_SET -> kind = Kind.OBJECT;
        case LIST -> kind = Kind.ARRAY;
        case STRING, IND_STRING -> kind = Kind.STRING;
        case LITERAL -> kind = value.text().contains("://") ? Kind.STRING : Kind.NUMBER;
        case IDENT_EXPR -> {
          String v = value.text().strip();
          if (v.equals("true") || v.equals("false")) {
            kind = Kind.BOOLEAN;
          }
        }
        default -> { }
      }
    }
    return new Symbol(name, detail, kind, binding.range(), path == null ? binding.range() : path.range(), depth);
  }
}
