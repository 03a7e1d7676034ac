package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;

/**
 * Rename of a name bound in the file: a {@code let} binding or a function's parameter, with its
 * uses. An {@code inherit} of the name keeps the attribute it makes ({@code inherit x;} becomes
 * {@code x = y;}). Refused, with the reason, where renaming would change what the program means:
 * a builtin, a name that comes from a {@code with}, a formal or an attribute of a {@code rec}
 * set (callers and users of the set see those names), a name taken with {@code inherit (e)},
 * and a new name that a use would now find bound elsewhere, or that would capture another
 * variable.
 */
public final class Rename {
  /** A refusal, with the reason for the user. */
  public static final class Refused extends Exception {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_'-]*");
  private static final Set<String> KEYWORDS = Set.of("if", "then", "else", "assert", "with", "let", "in",
      "rec", "inherit", "or");

  private Rename() {}

  /** The name that would be renamed at {@code offset}, or a refusal saying why not. */
  public static TextRange prepare(FileAnalysis file, int offset) throws Refused {
    Subject s = Subject.at(file, offset);
    definition(s);
    return s.range();
  }

  /** The edits that rename the name at {@code offset} to {@code newName} (Unicode). */
  public static List<SourceEdit> rename(FileAnalysis file, int offset, String newName) throws Refused {
    Subject s = Subject.at(file, offset);
    Definition d = definition(s);
    if (!IDENT.matcher(newName).matches() || KEYWORDS.contains(newName)) {
      throw new Refused("'" + newName + "' is not a valid variable name");
    }
    String name = newName;
    if (name.equals(d.name())) {
      return List.of();
    }
    checkCapture(file, d, name);
    List<SourceEdit> edits = new ArrayList<>();
    for (int i = 0; i < d.nameRanges().size(); i++) {
      SyntaxNode site = d.sites().get(i);
      TextRange r = d.nameRanges().get(i);
      if (site.kind() == SyntaxKind.INHERIT) {
        // let inherit x; → let y = x;
        inheritToBinding(site, r, name, d.name(), edits);
      } else {
        edits.add(new SourceEdit(r, name));
      }
    }
    for (SyntaxNode use : file.names().uses(d)) {
      if (use.kind() == SyntaxKind.IDENT_EXPR) {
        edits.add(new SourceEdit(use.firstSignificantToken().range(), name));
      } else {
        // { inherit x; } keeps its attribute x: { x = y; }
        inheritToBinding(use.parent(), use.range(), d.name(), name, edits);
      }
    }
    edits.sort(Comparator.comparing(SourceEdit::range));
    return edits;
  }

  /** The definition the subject is about, or why it cannot be renamed. */
  private static Definition definition(Subject s) throws Refused {
    if (s == null || s.name() == null) {
      throw new Refused("there is no name here to rename");
    }
    Definition d = s.definition();
    if (d == null && s.target() instanceof NameResolution.Local l) {
      d = l.definition();
    }
    if (d == null) {
      String n = "'" + org.nix4j.syntax.Bytes.toUnicode(s.name()) + "'";
      if (s.target() instanceof NameResolution.Global) {
        throw new Refused(n + " is a builtin: it cannot be renamed");
      }
      if (s.target() instanceof NameResolution.WithScope) {
        throw new Refused(n + " comes from a `with`: it is not bound in this file, so it cannot be renamed here");
      }
      if (s.target() instanceof NameResolution.Undefined) {
        throw new Refused(n + " is not defined");
      }
      throw new Refused(n + " is an attribute name: renaming it would change the set's attributes");
    }
    switch (d.kind()) {
      case FORMAL -> throw new Refused("'" + d.name()
          + "' is a formal: its name is the attribute callers pass, so renaming it would break them");
      case REC_ATTR -> throw new Refused("'" + d.name()
          + "' is an attribute of a `rec` set: renaming it would change the set's attributes");
      default -> { }
    }
    for (SyntaxNode site : d.sites()) {
      if (site.kind() == SyntaxKind.INHERIT && site.firstChild(SyntaxKind.INHERIT_FROM) != null) {
        throw new Refused("'" + d.name() + "' is taken from a set with `inherit (…)`: renaming it would take another attribute");
      }
    }
    return d;
  }

  /** Refuses when {@code name} is bound between a use and the definition, or would capture another use. */
  private static void checkCapture(FileAnalysis file, Definition d, String name) throws Refused {
    NameResolution names = file.names();
    if (names.namesOf(d.scope()).containsKey(name)) {
      throw new Refused("'" + name + "' is already bound in the same scope");
    }
    for (SyntaxNode use : names.uses(d)) {
      for (Object scope : names.scopesAt(use)) {
        if (scope instanceof Map<?, ?> m) {
          if (m.containsKey(d.name()) && m.get(d.name()) == d) {
            break;
          }
          if (m.containsKey(name)) {
            int line = file.lines().lineOf(use.offset()) + 1;
            throw new Refused("the use of '" + d.name() + "' on line " + line + " would refer to another '" + name + "'");
          }
        }
      }
    }
    TextRange scopeRange = d.scope().range();
    for (Map.Entry<SyntaxNode, NameResolution.Target> e : names.references().entrySet()) {
      SyntaxNode ref = e.getKey();
      if (!scopeRange.contains(ref.range()) || !name.equals(referenceName(ref))) {
        continue;
      }
      if (e.getValue() instanceof NameResolution.Local l && scopeRange.contains(l.definition().scope().range())
          && l.definition().scope() != d.scope()) {
        continue; // bound by a scope inside: the new binding does not reach it
      }
      int line = file.lines().lineOf(ref.offset()) + 1;
      throw new Refused("'" + name + "' on line " + line + " would then refer to the renamed binding");
    }
  }

  private static String referenceName(SyntaxNode ref) {
    if (ref.kind() == SyntaxKind.IDENT_EXPR) {
      var t = ref.firstSignificantToken();
      return t == null ? null : t.text();
    }
    return NameResolution.staticAttrName(ref);
  }

  /** Turns the name at {@code name} of an {@code inherit} into the binding {@code lhs = rhs;}. */
  private static void inheritToBinding(SyntaxNode inherit, TextRange name, String lhs, String rhs,
      List<SourceEdit> edits) {
    List<SyntaxNode> attrs = new ArrayList<>();
    for (SyntaxNode a : inherit.childNodes()) {
      if (a.kind() != SyntaxKind.INHERIT_FROM) {
        attrs.add(a);
      }
    }
    String binding = lhs + " = " + rhs + ";";
    if (attrs.size() == 1) {
      edits.add(new SourceEdit(inherit.range(), binding));
      return;
    }
    // inherit a x b; → inherit a b; x = y;
    int start = name.start();
    String text = inherit.text();
    int base = inherit.offset();
    while (start > base && Character.isWhitespace(text.charAt(start - 1 - base))) {
      start--;
    }
    edits.add(new SourceEdit(TextRange.of(start, name.end()), ""));
    edits.add(new SourceEdit(TextRange.empty(inherit.endOffset()), " " + binding));
  }
}
