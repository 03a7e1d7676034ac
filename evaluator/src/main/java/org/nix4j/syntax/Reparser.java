package org.nix4j.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Incremental reparsing: the tree of an edited text from the tree before the edit, reusing every
 * green node the edit does not touch. Two strategies, tried in order; when neither applies, a
 * full parse:
 *
 * <ol>
 *   <li><b>Relex one token.</b> The edit stays inside an identifier, a number, whitespace or a
 *       comment, and relexing that token together with the tokens around it, out to the nearest
 *       token on each side that no lexer rule reads across (blanks, brackets, {@code ;}), gives
 *       the same token kinds and boundaries: no longest-match rule joins it with a neighbour, or
 *       with a token further away ({@code t:x} is one URI, {@code .5E+9} one float). Only that
 *       token changes, and the parse cannot change.
 *   <li><b>Reparse a delimited node.</b> The smallest enclosing {@code ( )}, {@code [ ]},
 *       {@code { }}, {@code rec { }}, {@code let { }} or string node that the edit leaves strictly
 *       inside its delimiters, and that ends with its own closing delimiter, is parsed on its own;
 *       when that gives one node of the same kind without errors, it replaces the old node. Such
 *       nodes are parsed the same in any context (their delimiters are unchanged, the lexer's
 *       brace stack is balanced inside them, and a set cannot turn into a lambda's formals since
 *       the token after it is unchanged).
 * </ol>
 *
 * <p>The reparsed token or node must give no error, and the errors of the old tree must all lie
 * outside it and stay true: none may quote its text (an error after it in a binding whose
 * attribute path contains it could) or name a position the edit moves ({@code opened at 3:5});
 * the errors after it are moved by the edit's length. An edit that makes a {@code /}{@code *} or a
 * {@code *}{@code /} can change the tokens anywhere after or before it, and is never incremental.
 * Otherwise the whole text is parsed again. The result is always the tree a full parse would give
 * (property-tested, and {@code reparse-regressions.txt} in the tests keeps the edits that once
 * showed otherwise).
 */
public final class Reparser {
  /** How many enclosing nodes to try before giving up and parsing everything. */
  private static final int MAX_ATTEMPTS = 3;
  /** At most this many tokens (and bytes) on each side of a relexed token. */
  private static final int MAX_WINDOW_TOKENS = 32;
  private static final int MAX_WINDOW_BYTES = 4096;

  private Reparser() {}

  /** The parse of {@code edit} applied to {@code old}'s text. */
  public static Parse reparse(Parse old, TextEdit edit) {
    if (edit.end() > old.green().width()) {
      throw new IllegalArgumentException("edit past the end of the text");
    }
    // The new text is spelled from the new tree only when someone asks for it.
    if (!makesCommentDelimiter(old, edit)) {
      Parse p = relexToken(old, edit, null);
      if (p == null) {
        p = reparseNode(old, edit, null);
      }
      if (p != null) {
        return p;
      }
    }
    return Parser.parse(edit.apply(old.text()));
  }

  /** Whether {@code reparse} would reuse the old tree (for tests and benchmarks). */
  static String strategy(Parse old, TextEdit edit) {
    if (makesCommentDelimiter(old, edit)) {
      return "full";
    }
    if (relexToken(old, edit, null) != null) {
      return "token";
    }
    return reparseNode(old, edit, null) != null ? "node" : "full";
  }

  /**
   * Whether the edited text has a {@code /}{@code *} or {@code *}{@code /} that the edit made
   * (one touching the inserted text or spanning the place of the edit). A new {@code *}{@code /}
   * can close a {@code /}{@code *} anywhere before it that was lexed as {@code /} and {@code *}
   * for want of one, and a new {@code /}{@code *} can open a comment that runs to a far
   * {@code *}{@code /}: neither shows in the tokens around the edit, so such an edit is parsed in
   * full (it happens once per comment typed).
   */
  private static boolean makesCommentDelimiter(Parse old, TextEdit edit) {
    String s = edit.text();
    if (edit.start() > 0) {
      s = byteAt(old, edit.start() - 1) + s;
    }
    if (edit.end() < old.green().width()) {
      s = s + byteAt(old, edit.end());
    }
    return s.contains("/*") || s.contains("*/");
  }

  private static char byteAt(Parse old, int offset) {
    SyntaxToken t = old.root().tokenAt(offset);
    return t.text().charAt(offset - t.offset());
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
    // Relex the token with its neighbours, between the nearest tokens on either side that no
    // lexer rule reads across: each must come out with its old kind and length, or give up. The
    // longest-match rules read ahead over any run of ordinary bytes (`t:x` is a URI, `.5E+9` a
    // float, `<a>` a search path), so the neighbours next to the token are not enough.
    List<SyntaxToken> left = window(t, false);
    List<SyntaxToken> right = left == null ? null : window(t, true);
    if (right == null) {
      return null;
    }
    if (newToken.charAt(0) == '#' && !(right.isEmpty() && endsLineComment(t.nextToken()))) {
      return null; // a `#` comment runs over blanks and stops to the end of the line
    }
    int count = left.size() + 1 + right.size();
    SyntaxKind[] kinds = new SyntaxKind[count];
    int[] lengths = new int[count];
    StringBuilder text = new StringBuilder();
    int i = 0;
    for (int j = left.size() - 1; j >= 0; j--, i++) {
      SyntaxToken x = left.get(j);
      text.append(x.text());
      kinds[i] = x.kind();
      lengths[i] = x.green().width();
    }
    text.append(newToken);
    kinds[i] = t.kind();
    lengths[i++] = newToken.length();
    for (SyntaxToken x : right) {
      text.append(x.text());
      kinds[i] = x.kind();
      lengths[i++] = x.green().width();
    }
    Lexer.Tokens lexed = Lexer.lexFragment(Bytes.of(text.toString()));
    if (lexed == null || lexed.count() != count || !lexed.errors().isEmpty()) {
      return null;
    }
    for (i = 0; i < count; i++) {
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

  /**
   * The tokens between {@code t} and the nearest stop before it (or after it), nearest first; up
   * to the start (or the end) of the text when there is none. {@code null} when that is too far
   * to be worth it.
   *
   * <p>The stops are tokens of blanks and of the bytes {@code ( ) [ ] { } ; "} (and {@code #}
   * after the token). In the default state no lexer rule reads past one of those bytes but the
   * comments: a block comment's search for its end (see makesCommentDelimiter) and a {@code #}
   * comment, which runs to the end of the line (checked for the relexed token, the only one
   * that can turn into one); and {@code ''} reads the blanks after it, but is not in the default
   * state afterwards. So the tokens before a stop before {@code t} end where they did and leave
   * the lexer in the default state (whitespace and those punctuation tokens are lexed only
   * there, and {@code $} {@code {} starts an interpolation's default state), and the text
   * between the stops lexed on its own gives what it gives within the whole text: its rules stop
   * at the stop after it as they stop at the end of a fragment. A {@code }} may close an
   * interpolation, which a fragment cannot know of, so it stops only after the token, and
   * {@code Lexer.lexFragment} refuses one inside.
   */
  private static List<SyntaxToken> window(SyntaxToken t, boolean after) {
    List<SyntaxToken> out = new ArrayList<>();
    int bytes = 0;
    for (SyntaxToken x = after ? t.nextToken() : t.prevToken(); x != null;
        x = after ? x.nextToken() : x.prevToken()) {
      if (after ? stopsAfter(x) : stopsBefore(x.kind())) {
        break;
      }
      out.add(x);
      bytes += x.green().width();
      if (out.size() > MAX_WINDOW_TOKENS || bytes > MAX_WINDOW_BYTES) {
        return null;
      }
    }
    return out;
  }

  /** Whether a {@code #} comment stops before {@code next}: the end of the text or a line. */
  private static boolean endsLineComment(SyntaxToken next) {
    if (next == null) {
      return true;
    }
    char c = next.text().charAt(0);
    return next.kind() == SyntaxKind.WHITESPACE && (c == '\n' || c == '\r');
  }

  /** Whether the lexer is in the default state after {@code k} and looked no further. */
  private static boolean stopsBefore(SyntaxKind k) {
    switch (k) {
      case WHITESPACE:
      case L_PAREN:
      case R_PAREN:
      case L_BRACK:
      case R_BRACK:
      case L_BRACE:
      case SEMICOLON:
      case DOLLAR_CURLY:
      case QUOTE: // a closing quote: an opening one cannot come before a relexable token
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code x} starts with a byte no default-state rule reads past. */
  private static boolean stopsAfter(SyntaxToken x) {
    switch (x.kind()) {
      case WHITESPACE:
      case L_PAREN:
      case R_PAREN:
      case L_BRACK:
      case R_BRACK:
      case L_BRACE:
      case R_BRACE:
      case SEMICOLON:
      case QUOTE:
        return true;
      case COMMENT:
        return x.text().charAt(0) == '#';
      default:
        return false;
    }
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

  /**
   * Whether a delimited node ends with its own closing delimiter. An unclosed one ({@code (if
   * (e)} at an unexpected {@code ]}) was still being parsed when the error after it was found,
   * so that error depends on what the node holds and cannot be kept.
   */
  private static boolean closed(GreenNode g) {
    SyntaxKind close;
    switch (g.kind()) {
      case PAREN:
        close = SyntaxKind.R_PAREN;
        break;
      case LIST:
        close = SyntaxKind.R_BRACK;
        break;
      case ATTR_SET:
      case LEGACY_LET:
        close = SyntaxKind.R_BRACE;
        break;
      case STRING:
        close = SyntaxKind.QUOTE;
        break;
      case IND_STRING:
        close = SyntaxKind.IND_CLOSE;
        break;
      default:
        return false;
    }
    int n = g.childCount();
    return n >= 2 && g.child(n - 1) instanceof GreenToken last && last.kind() == close;
  }

  private static Parse reparseNode(Parse old, TextEdit edit, String newText) {
    SyntaxNode n = old.root().coveringNode(TextRange.of(edit.start(), edit.end()));
    int attempts = 0;
    for (; n != null && attempts < MAX_ATTEMPTS; n = n.parent()) {
      if (!reparsable(n) || edit.start() <= n.offset() || edit.end() >= n.endOffset()
          || !closed(n.green())) {
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
