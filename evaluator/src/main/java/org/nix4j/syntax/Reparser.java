package org.nix4j.syntax;

import java.util.List;

/**
 * Incremental reparsing: the tree of an edited text from the tree before the edit, reusing every
 * green node the edit does not touch. Two strategies, tried in order; when neither applies, a
 * full parse:
 *
 * <ol>
 *   <li><b>Relex one token.</b> The edit stays inside an identifier, a number, whitespace or a
 *       comment, and relexing that token with its neighbours gives the same token kinds and
 *       boundaries (so no longest-match rule joins it with a neighbour): only that token changes,
 *       and the parse cannot change.
 *   <li><b>Reparse a delimited node.</b> The smallest enclosing {@code ( )}, {@code [ ]},
 *       {@code { }}, {@code rec { }}, {@code let { }} or string node that the edit leaves strictly
 *       inside its delimiters is parsed on its own; when that gives one node of the same kind
 *       without errors, it replaces the old node. Such nodes are parsed the same in any context
 *       (their delimiters are unchanged, the lexer's brace stack is balanced inside them, and a
 *       set cannot turn into a lambda's formals since the token after it is unchanged).
 * </ol>
 *
 * <p>The reparsed token or node must give no error, and the errors of the old tree must all lie
 * outside it and stay true: none may quote its text (an error after it in a binding whose
 * attribute path contains it could) or name a position the edit moves ({@code opened at 3:5});
 * the errors after it are moved by the edit's length. Otherwise the whole text is parsed again.
 * The result is always the tree a full parse would give (property-tested).
 */
public final class Reparser {
  /** How many enclosing nodes to try before giving up and parsing everything. */
  private static final int MAX_ATTEMPTS = 3;

  private Reparser() {}

  /** The parse of {@code edit} applied to {@code old}'s text. */
  public static Parse reparse(Parse old, TextEdit edit) {
    if (edit.end() > old.green().width()) {
      throw new IllegalArgumentException("edit past the end of the text");
    }
    // The new text is spelled from the new tree only when someone asks for it.
    Parse p = relexToken(old, edit, null);
    if (p == null) {
      p = reparseNode(old, edit, null);
    }
    if (p != null) {
      return p;
    }
    return Parser.parse(edit.apply(old.text()));
  }

  /** Whether {@code reparse} would reuse the old tree (for tests and benchmarks). */
  static String strategy(Parse old, TextEdit edit) {
    String newText = null;
    if (relexToken(old, edit, newText) != null) {
      return "token";
    }
    return reparseNode(old, edit, newText) != null ? "node" : "full";
  }

  // ---- strategy 1: one token ----

  private static boolean relexable(SyntaxKind k) {
    return k == SyntaxKind.IDENT || k == SyntaxKind.INT || k == SyntaxKind.FLOAT
        || k == SyntaxKind.WHITESPACE || k == SyntaxKind.COMMENT;
  }

  private static Parse relexToken(Parse old, TextEdit edit, String newText) {
    SyntaxNode root = old.root();
    SyntaxToken t = root.tokenAt(edit.start());
    if (t == null) {
      return null;
    }
    // An insertion at the end of a token may extend it (the token on the left).
    if (edit.start() == t.offset() && edit.end() == edit.start()) {
      SyntaxToken prev = t.prevToken();
      if (prev != null && relexable(prev.kind()) && !relexable(t.kind())) {
        t = prev;
      }
    }
    if (!relexable(t.kind()) || edit.start() < t.offset() || edit.end() > t.endOffset()) {
      return null;
    }
    String tokenText = t.text();
    int from = edit.start() - t.offset();
    int to = edit.end() - t.offset();
    String newToken = tokenText.substring(0, from) + edit.text() + tokenText.substring(to);
    if (newToken.isEmpty()) {
      return null;
    }
    if (t.kind() == SyntaxKind.INT && Literals.parseInt(newToken) == null) {
      return null;
    }
    if (t.kind() == SyntaxKind.FLOAT && Literals.parseFloat(newToken) == null) {
      return null;
    }
    // Relex the token between its neighbours: same kinds, same boundaries, or give up. Two
    // tokens on the right, because a longest match can take more than one: `http` `:` `//x` is
    // the URI `http://x` once `http_` becomes `http`.
    SyntaxToken prev = t.prevToken();
    SyntaxToken next = t.nextToken();
    SyntaxToken after = next == null ? null : next.nextToken();
    StringBuilder window = new StringBuilder();
    int expected = 0;
    SyntaxKind[] kinds = new SyntaxKind[4];
    int[] lengths = new int[4];
    if (prev != null) {
      window.append(prev.text());
      kinds[expected] = prev.kind();
      lengths[expected++] = prev.green().width();
    }
    window.append(newToken);
    kinds[expected] = t.kind();
    lengths[expected++] = newToken.length();
    for (SyntaxToken n : new SyntaxToken[] {next, after}) {
      if (n != null) {
        window.append(n.text());
        kinds[expected] = n.kind();
        lengths[expected++] = n.green().width();
      }
    }
    Lexer.Tokens lexed = Lexer.lex(window.toString());
    if (lexed.count() != expected || !lexed.errors().isEmpty()) {
      return null;
    }
    for (int i = 0; i < expected; i++) {
      if (lexed.kind(i) != kinds[i] || lexed.end(i) - lexed.start(i) != lengths[i]) {
        return null;
      }
    }
    List<SyntaxError> errors = carryErrors(old.errors(), t, edit.delta());
    if (errors == null) {
      return null;
    }
    GreenNode green = replace(t, new GreenToken(t.kind(), newToken));
    return new Parse(newText, green, errors);
  }

  // ---- strategy 2: one delimited node ----

  private static boolean reparsable(SyntaxNode n) {
    switch (n.kind()) {
      case PAREN:
      case LIST:
      case ATTR_SET:
      case LEGACY_LET:
      case STRING:
      case IND_STRING:
        return true;
      default:
        return false;
    }
  }

  private static Parse reparseNode(Parse old, TextEdit edit, String newText) {
    SyntaxNode n = old.root().coveringNode(TextRange.of(edit.start(), edit.end()));
    int attempts = 0;
    for (; n != null && attempts < MAX_ATTEMPTS; n = n.parent()) {
      if (!reparsable(n) || edit.start() <= n.offset() || edit.end() >= n.endOffset()) {
        continue;
      }
      if (n.green().width() > old.green().width() / 2) {
        break; // as costly as parsing everything
      }
      attempts++;
      String nodeText = n.text();
      int from = edit.start() - n.offset();
      int to = edit.end() - n.offset();
      String newNodeText = nodeText.substring(0, from) + edit.text() + nodeText.substring(to);
      List<SyntaxError> errors = carryErrors(old.errors(), n, edit.delta());
      if (errors == null) {
        continue;
      }
      GreenNode g = Parser.parseNode(Bytes.of(newNodeText), n.kind());
      if (g != null && !becomesFormals(n, g)) {
        return new Parse(newText, replace(n, g), errors);
      }
    }
    return null;
  }

  /**
   * {@code { }} followed by {@code :} or {@code @} is a lambda's empty formals, not a set: a
   * set emptied by the edit before such a token must be parsed in context.
   */
  private static boolean becomesFormals(SyntaxNode old, GreenNode replacement) {
    if (replacement.kind() != SyntaxKind.ATTR_SET) {
      return false;
    }
    int significant = 0;
    for (int i = 0; i < replacement.childCount(); i++) {
      GreenElement c = replacement.child(i);
      if (!(c instanceof GreenToken t) || !t.kind().isTrivia()) {
        significant++;
      }
    }
    if (significant != 2) {
      return false;
    }
    SyntaxToken next = old.lastToken() == null ? null : old.lastToken().nextToken();
    while (next != null && next.kind().isTrivia()) {
      next = next.nextToken();
    }
    return next != null && (next.kind() == SyntaxKind.COLON || next.kind() == SyntaxKind.AT);
  }

  /**
   * The old errors as they are after replacing {@code region} (an edit of {@code delta} bytes
   * inside it), or {@code null} when some may change: one lies in or touches the region, one
   * after it names a position the edit moves, or the region is part of an attribute path that an
   * error after it may quote.
   */
  private static List<SyntaxError> carryErrors(List<SyntaxError> errors, SyntaxElement region,
      int delta) {
    if (errors.isEmpty()) {
      return List.of();
    }
    int start = region.offset();
    int end = region.endOffset();
    boolean inAttrpath = false;
    for (SyntaxNode a = region.parent(); a != null; a = a.parent()) {
      if (a.kind() == SyntaxKind.ATTRPATH) {
        inAttrpath = true;
        break;
      }
    }
    List<SyntaxError> out = new java.util.ArrayList<>(errors.size());
    for (SyntaxError e : errors) {
      int s = e.start();
      if (s < start) {
        if (e.range().end() > start) {
          return null;
        }
        out.add(e);
      } else if (s < end || (s == end && e.range().isEmpty())) {
        return null;
      } else {
        if (e.related() >= start || inAttrpath) {
          return null;
        }
        out.add(e.shifted(end, delta));
      }
    }
    return out;
  }

  /** The root of the tree where {@code old}'s green element is replaced by {@code replacement}. */
  private static GreenNode replace(SyntaxElement old, GreenElement replacement) {
    GreenElement g = replacement;
    SyntaxElement e = old;
    while (e.parent() != null) {
      SyntaxNode p = e.parent();
      g = p.green().replaceChild(e.indexInParent(), g);
      e = p;
    }
    return (GreenNode) g;
  }
}
