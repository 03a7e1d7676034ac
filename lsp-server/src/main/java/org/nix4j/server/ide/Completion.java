package org.nix4j.server.ide;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.Globals;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.ValueFormatter;
import org.nix4j.server.eval.ValueOracle;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Builtin;
import org.nix4j.value.Closure;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.PrimOpApp;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Completion: after a dot, the attributes of the set before it (written in the file, or
 * evaluated: {@code pkgs.}, {@code lib.strings.}, also in a file that does not parse yet); in
 * an expression, the names in scope, those a {@code with} brings (evaluated), the builtins and
 * the keywords; in the set given to a function ({@code f { | }}), the formals it takes and has
 * not been given; after {@code inherit (e)}, the attributes of {@code e}; in a path literal,
 * the files of its directory (under the allowed roots).
 */
public final class Completion {
  /** What kind of thing an item names. */
  public enum Kind {
    VARIABLE,
    FUNCTION,
    FIELD,
    PROPERTY,
    KEYWORD,
    CONSTANT,
    FILE,
    FOLDER
  }

  /** One proposal; {@code range} is the text it replaces (what is typed of the name). */
  public record Item(String label, Kind kind, String detail, String documentation, TextRange range,
      String insertText, String sortText) {}

  /**
   * The proposals; {@code incomplete} when the list was cut and asking again may give more;
   * {@code evaluated}, when the proposals are the attributes of an evaluated set, that set (so
   * that an item can be resolved later: {@link CompletionResolve}), else null.
   */
  public record Result(List<Item> items, boolean incomplete, NixAttrs evaluated) {}

  /** The most items sent; longer lists are filtered by what is typed, then cut. */
  static final int MAX_ITEMS = 1000;

  private static final List<String> KEYWORDS = List.of("let", "in", "with", "rec", "inherit", "if", "then",
      "else", "assert", "or");

  private final FileAnalysis file;
  private final int offset;
  private final DocumentEval doc;
  private final List<String> roots;
  private final Map<String, Item> items = new LinkedHashMap<>();
  private TextRange replace;
  private String typed = "";
  private NixAttrs evaluated;

  private Completion(FileAnalysis file, int offset, DocumentEval doc, List<String> roots) {
    this.file = file;
    this.offset = offset;
    this.doc = doc;
    this.roots = roots;
  }

  /**
   * The completion at {@code offset}. {@code doc} (null: no evaluation) gives evaluated
   * proposals; {@code roots} are the directories path completion may list (byte strings).
   */
  public static Result at(FileAnalysis file, int offset, DocumentEval doc, List<String> roots) {
    return new Completion(file, offset, doc, roots).run();
  }

  private Result run() {
    SyntaxNode root = file.parse().root();
    SyntaxToken tok = offset > 0 ? root.tokenAt(offset - 1) : root.tokenAt(0);
    replace = TextRange.empty(offset);
    if (tok != null && tok.endOffset() < offset) {
      tok = root.tokenAt(offset);
    }
    if (tok != null && (tok.kind() == SyntaxKind.IDENT || tok.kind() == SyntaxKind.OR_KW || tok.kind().isKeyword())
        && tok.offset() < offset && offset <= tok.endOffset()) {
      replace = TextRange.of(tok.offset(), offset);
      typed = tok.text().substring(0, offset - tok.offset());
    }
    if (tok == null) {
      expressionNames(root);
      return finish();
    }
    switch (tok.kind()) {
      case COMMENT, STR, IND_STR, IND_ESCAPE, URI -> {
        return finish();
      }
      case PATH, HPATH -> {
        paths(tok);
        return finish();
      }
      default -> { }
    }
    // After a dot, or in the name typed after it.
    SyntaxToken dot = tok.kind() == SyntaxKind.DOT && tok.endOffset() <= offset ? tok
        : !replace.isEmpty() ? previousSignificant(tok) : null;
    if (dot != null && dot.kind() == SyntaxKind.DOT && attributesAfterDot(dot)) {
      return finish();
    }
    SyntaxNode at = tok.parent();
    SyntaxNode binding = Cursor.ancestor(at, SyntaxKind.BINDING);
    SyntaxNode attrpath = Cursor.ancestor(at, SyntaxKind.ATTRPATH);
    SyntaxNode inherit = Cursor.ancestor(at, SyntaxKind.INHERIT);
    if (inherit != null && (at.kind() == SyntaxKind.INHERIT || at.kind() == SyntaxKind.ATTR_IDENT)
        && Cursor.ancestor(at, SyntaxKind.INHERIT_FROM) == null) {
      SyntaxNode src = Trees.inheritSource(inherit);
      if (src != null) {
        evaluatedAttributes(doc == null ? null : doc.oracle().valueOf(src), List.of());
      } else {
        scopeNames(inherit);
      }
      return finish();
    }
    if (attrpath != null && binding != null && attrpath.parent() == binding) {
      bindingNames(binding);
      return finish();
    }
    SyntaxNode set = at.kind() == SyntaxKind.ATTR_SET ? at : null;
    if (set != null && tok.kind() != SyntaxKind.R_BRACE) {
      // Between the bindings of a set: the names it may bind.
      setNames(set);
      return finish();
    }
    if (Cursor.ancestor(at, SyntaxKind.PATTERN) != null && at.kind() != SyntaxKind.PAT_ENTRY) {
      return finish();
    }
    expressionNames(at);
    return finish();
  }

  private static SyntaxToken previousSignificant(SyntaxToken t) {
    SyntaxToken p = t.prevToken();
    while (p != null && p.kind().isTrivia()) {
      p = p.prevToken();
    }
    return p;
  }

  // ---- attributes after a dot ----

  /** {@code e.a.|}: the attributes of {@code e.a}. False when the dot is not a selection's. */
  private boolean attributesAfterDot(SyntaxToken dot) {
    SyntaxNode parent = dot.parent();
    SyntaxNode owner = parent.kind() == SyntaxKind.ATTRPATH ? parent.parent() : parent;
    if (owner == null) {
      return false;
    }
    List<String> path = new ArrayList<>();
    SyntaxNode attrpath = owner.firstChild(SyntaxKind.ATTRPATH);
    if (attrpath != null) {
      for (SyntaxNode a : attrpath.childNodes()) {
        if (a.endOffset() <= dot.offset()) {
          path.add(NameResolution.staticAttrName(a));
        }
      }
    }
    if (path.contains(null)) {
      return true;
    }
    switch (owner.kind()) {
      case SELECT, HAS_ATTR -> {
        SyntaxNode base = Trees.firstExpr(owner);
        if (base == null) {
          return true;
        }
        SyntaxNode set = StaticSets.literalSet(file, base, 0);
        if (set != null) {
          staticAttributes(set, path);
        }
        evaluatedAttributes(doc == null ? null : doc.oracle().valueOf(base), path);
        return true;
      }
      case BINDING -> {
        bindingNames(owner);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /** The names a set literal binds under {@code path}. */
  private void staticAttributes(SyntaxNode set, List<String> path) {
    SyntaxNode target = set;
    if (!path.isEmpty()) {
      SyntaxNode attr = StaticSets.find(file, set, path, 0);
      SyntaxNode b = attr == null ? null : attr.parent().parent();
      if (b == null || b.kind() != SyntaxKind.BINDING) {
        return;
      }
      target = StaticSets.literalSet(file, Trees.bindingValue(b), 0);
      if (target == null) {
        return;
      }
    }
    for (SyntaxNode b : target.childNodes()) {
      if (b.kind() == SyntaxKind.BINDING) {
        List<SyntaxNode> attrs = Trees.bindingAttrs(b);
        String name = attrs.isEmpty() ? null : NameResolution.staticAttrName(attrs.get(0));
        if (name != null) {
          add(name, attrs.size() > 1 ? Kind.FIELD : kindOfExpr(Trees.bindingValue(b)), "attribute", null);
        }
      } else if (b.kind() == SyntaxKind.INHERIT) {
        for (SyntaxNode a : b.childNodes()) {
          String name = NameResolution.staticAttrName(a);
          if (name != null && a.kind() != SyntaxKind.INHERIT_FROM) {
            add(name, Kind.FIELD, "inherited attribute", null);
          }
        }
      }
    }
  }

  private static Kind kindOfExpr(SyntaxNode e) {
    while (e != null && e.kind() == SyntaxKind.PAREN) {
      e = e.firstChildNode();
    }
    return e != null && e.kind() == SyntaxKind.LAMBDA ? Kind.FUNCTION : Kind.FIELD;
  }

  /** The attributes of the evaluated {@code base.path}. */
  private void evaluatedAttributes(Value base, List<String> path) {
    if (doc == null || base == null) {
      return;
    }
    Vm vm = doc.world().evaluator().vm();
    try {
      Value v = vm.forceValue(path.isEmpty() ? base : ValueOracle.select(base, path));
      if (v instanceof NixAttrs a) {
        evaluated = a;
        for (int i = 0; i < a.size(); i++) {
          Value x = a.valueAt(i);
          if (x instanceof Thunk t && t.valueOrNull() != null) {
            x = t.valueOrNull();
          }
          boolean fn = x instanceof Closure || x instanceof Builtin || x instanceof PrimOpApp
              || ValueFormatter.isFunctionThunk(x);
          Kind k = fn ? Kind.FUNCTION : Kind.FIELD;
          String detail = fn ? "function" : x instanceof Thunk ? "attribute" : ValueFormatter.type(x);
          org.nix4j.value.SourcePos pos = a.size() <= MAX_ITEMS ? a.positionAt(i) : null;
          add(a.nameAt(i), k, detail, pos == null ? null : DocComments.before(pos.file().text(), pos.start()));
        }
      }
    } catch (NixError e) {
      // nothing to propose then
    }
  }

  // ---- names in expressions ----

  /** Names in scope, names from the {@code with}s around, builtins, keywords. */
  private void expressionNames(SyntaxNode at) {
    scopeNames(at);
    for (Map.Entry<String, org.nix4j.value.Value> g : Globals.values().entrySet()) {
      String name = g.getKey();
      Value v = g.getValue();
      boolean fn = v instanceof Builtin || v instanceof PrimOpApp;
      BuiltinDocs.Doc d = BuiltinDocs.of(name);
      add(name, fn ? Kind.FUNCTION : Kind.CONSTANT, d != null ? d.signature() : "built-in",
          BuiltinDocs.markdown(name), name.startsWith("__") ? "9" : "5");
    }
    for (String k : KEYWORDS) {
      add(k, Kind.KEYWORD, "keyword", null, "8");
    }
  }

  /** The names the scopes around {@code at} bind, innermost first; then those of the {@code with}s. */
  private void scopeNames(SyntaxNode at) {
    List<SyntaxNode> withs = new ArrayList<>();
    for (Object scope : file.names().scopesAt(at)) {
      if (scope instanceof Map<?, ?> m) {
        for (Object o : m.values()) {
          Definition d = (Definition) o;
          SyntaxNode site = d.sites().get(0);
          String docs = site.kind() == SyntaxKind.BINDING ? DocComments.before(file.text(), site.offset()) : null;
          add(d.name(), d.kind() == NameResolution.Kind.LET || d.kind() == NameResolution.Kind.REC_ATTR
              ? kindOfDefinition(d) : Kind.VARIABLE, describe(d), docs, "1");
        }
      } else {
        withs.add((SyntaxNode) scope);
      }
    }
    if (doc != null) {
      for (SyntaxNode w : withs) {
        SyntaxNode ns = Trees.firstExpr(w);
        if (ns != null) {
          int before = items.size();
          evaluatedAttributes(doc.oracle().valueOf(ns), List.of());
          // Names from a with come after the scope's own.
          int i = 0;
          for (Map.Entry<String, Item> e : items.entrySet()) {
            if (i++ >= before) {
              Item it = e.getValue();
              e.setValue(new Item(it.label(), it.kind(), "from `with` on line " + line(w.offset()),
                  it.documentation(), it.range(), it.insertText(), "3"));
            }
          }
        }
      }
    }
  }

  private static Kind kindOfDefinition(Definition d) {
    SyntaxNode site = d.sites().get(0);
    return site.kind() == SyntaxKind.BINDING && Trees.bindingAttrs(site).size() == 1
        ? (kindOfExpr(Trees.bindingValue(site)) == Kind.FUNCTION ? Kind.FUNCTION : Kind.VARIABLE)
        : Kind.VARIABLE;
  }

  private String describe(Definition d) {
    return switch (d.kind()) {
      case LET -> "let binding, line " + line(d.nameRange().start());
      case REC_ATTR -> "rec attribute, line " + line(d.nameRange().start());
      case PARAM, PATTERN_BIND -> "parameter, line " + line(d.nameRange().start());
      case FORMAL -> "formal, line " + line(d.nameRange().start());
    };
  }

  private int line(int offset) {
    return file.lines().lineOf(offset) + 1;
  }

  // ---- names of sets ----

  /** The first name of a binding's path, in a set: formals when the set is a function's argument. */
  private void bindingNames(SyntaxNode binding) {
    SyntaxNode set = binding.parent();
    if (set != null && set.kind() == SyntaxKind.ATTR_SET) {
      List<SyntaxNode> attrs = Trees.bindingAttrs(binding);
      boolean first = attrs.isEmpty() || attrs.get(0).range().containsInclusive(offset);
      if (first) {
        setNames(set);
      }
    }
  }

  /** A set given to a function ({@code f { | }}): the formals it takes and is not given yet. */
  private void setNames(SyntaxNode set) {
    SyntaxNode apply = set.parent();
    while (apply != null && apply.kind() == SyntaxKind.PAREN) {
      apply = apply.parent();
    }
    if (apply == null || apply.kind() != SyntaxKind.APPLY || Trees.firstExpr(apply) == null
        || Trees.firstExpr(apply).range().contains(set.range())) {
      return;
    }
    List<String> given = new ArrayList<>();
    for (SyntaxNode b : set.childNodes()) {
      if (b.kind() == SyntaxKind.BINDING && !Trees.bindingAttrs(b).isEmpty() && !b.range().containsInclusive(offset)) {
        given.add(NameResolution.staticAttrName(Trees.bindingAttrs(b).get(0)));
      }
    }
    SyntaxNode fn = Trees.firstExpr(apply);
    for (Formal f : Signatures.formals(file, fn, doc)) {
      if (!given.contains(f.name())) {
        add(f.name(), Kind.PROPERTY, f.hasDefault() ? "optional argument" : "argument",
            null, f.hasDefault() ? "2" : "1");
      }
    }
  }

  /** A formal of a function: its name and whether it has a default. */
  public record Formal(String name, boolean hasDefault, String defaultText) {}

  // ---- paths ----

  private void paths(SyntaxToken tok) {
    String text = Bytes.toUnicode(tok.text().substring(0, Math.max(0, Math.min(tok.text().length(), offset - tok.offset()))));
    int slash = text.lastIndexOf('/');
    if (slash < 0) {
      return;
    }
    String dirText = text.substring(0, slash + 1);
    String prefix = text.substring(slash + 1);
    Path dir = GotoDefinition.resolveLiteral(file, Bytes.fromUnicode(dirText.isEmpty() ? "/" : dirText));
    if (dir == null || !allowed(dir)) {
      return;
    }
    int start = tok.offset() + Bytes.fromUnicode(dirText).length();
    replace = TextRange.of(start, offset);
    typed = prefix;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && !prefix.startsWith(".")) {
          continue;
        }
        boolean isDir = Files.isDirectory(p);
        add(Bytes.fromUnicode(name), isDir ? Kind.FOLDER : Kind.FILE, isDir ? "directory" : "file", null,
            isDir ? "1" : name.endsWith(".nix") ? "2" : "3");
      }
    } catch (IOException | SecurityException e) {
      // nothing to list
    }
  }

  private boolean allowed(Path dir) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      return false;
    }
    for (String r : roots) {
      Path root = org.nix4j.io.RealIO.toPath(r);
      if (real.startsWith(root) || dir.normalize().startsWith(root)) {
        return true;
      }
    }
    return false;
  }

  // ---- results ----

  private void add(String name, Kind kind, String detail, String documentation) {
    add(name, kind, detail, documentation, "4");
  }

  private void add(String name, Kind kind, String detail, String documentation, String sort) {
    if (name == null || name.isEmpty() || items.containsKey(name)) {
      return;
    }
    String label = Bytes.toUnicode(name);
    String insert = kind == Kind.FILE || kind == Kind.FOLDER || isIdentifier(name) ? label
        : "\"" + label.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    items.put(name, new Item(label, kind, detail, documentation, replace, insert, sort + label));
  }

  private static boolean isIdentifier(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_'-]*") && !KEYWORDS.contains(s);
  }

  private Result finish() {
    List<Item> out = new ArrayList<>();
    String p = Bytes.toUnicode(typed).toLowerCase(Locale.ROOT);
    boolean cut = false;
    for (Item it : items.values()) {
      if (!p.isEmpty() && !it.label().toLowerCase(Locale.ROOT).contains(p)) {
        continue;
      }
      if (out.size() == MAX_ITEMS) {
        cut = true;
        break;
      }
      out.add(it.range() == replace ? it : new Item(it.label(), it.kind(), it.detail(), it.documentation(),
          replace, it.insertText(), it.sortText()));
    }
    return new Result(out, cut, evaluated);
  }
}
