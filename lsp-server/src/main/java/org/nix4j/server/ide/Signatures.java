package org.nix4j.server.ide;

import java.util.ArrayList;
import java.util.List;
import org.nix4j.bytecode.Formals;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.SyntaxToken;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Closure;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/**
 * The parameters of functions: of a lambda written in the file (found through variables and
 * parentheses), or of the function a call evaluates to. Serves completion of formals and
 * signature help.
 */
public final class Signatures {
  /** One parameter of a curried function: {@code x} or a pattern of formals. */
  public record Parameter(String label, List<Completion.Formal> formals) {}

  /** A signature: the text shown and its parameters, each a part of the text. */
  public record Signature(String label, List<Parameter> parameters, List<int[]> offsets, String documentation) {}

  /** The help for a call at the cursor: the signature and which parameter is being given. */
  public record Help(Signature signature, int active) {}

  private Signatures() {}

  /** The lambda {@code expr} is, in the file (through variables, parentheses, set literals); or null. */
  static SyntaxNode lambdaOf(FileAnalysis file, SyntaxNode expr) {
    SyntaxNode n = expr;
    for (int steps = 0; n != null && steps < StaticSets.MAX_STEPS; steps++) {
      switch (n.kind()) {
        case PAREN -> n = n.firstChildNode();
        case LAMBDA -> {
          return n;
        }
        case IDENT_EXPR -> {
          NameResolution.Target t = file.names().target(n);
          if (!(t instanceof NameResolution.Local l) || l.definition().sites().size() != 1) {
            return null;
          }
          SyntaxNode site = l.definition().sites().get(0);
          if (site.kind() != SyntaxKind.BINDING || Trees.bindingAttrs(site).size() != 1) {
            return null;
          }
          n = Trees.bindingValue(site);
        }
        case SELECT -> {
          SyntaxNode path = n.firstChild(SyntaxKind.ATTRPATH);
          SyntaxNode set = StaticSets.literalSet(file, Trees.firstExpr(n), 0);
          if (set == null || path == null) {
            return null;
          }
          List<String> names = path.childNodes().stream().map(NameResolution::staticAttrName).toList();
          if (names.contains(null)) {
            return null;
          }
          SyntaxNode attr = StaticSets.find(file, set, names, 0);
          SyntaxNode b = attr == null ? null : attr.parent().parent();
          if (b == null || b.kind() != SyntaxKind.BINDING) {
            return null;
          }
          n = Trees.bindingValue(b);
        }
        default -> {
          return null;
        }
      }
    }
    return null;
  }

  /** The formals of the function {@code fn} takes first, statically or by evaluation. */
  static List<Completion.Formal> formals(FileAnalysis file, SyntaxNode fn, DocumentEval doc) {
    SyntaxNode lam = lambdaOf(file, fn);
    if (lam != null) {
      SyntaxNode pattern = lam.firstChild(SyntaxKind.PATTERN);
      return pattern == null ? List.of() : formalsOf(pattern);
    }
    if (doc == null) {
      return List.of();
    }
    try {
      Value v = doc.world().evaluator().vm().forceValue(doc.oracle().valueOf(fn));
      if (v instanceof Closure c && c.proto.formals != null) {
        Formals f = c.proto.formals;
        List<Completion.Formal> out = new ArrayList<>();
        for (int i = 0; i < f.names().size(); i++) {
          out.add(new Completion.Formal(f.names().get(i), f.hasDefault().get(i), null));
        }
        return out;
      }
    } catch (NixError e) {
      // none known then
    }
    return List.of();
  }

  /** The formals of a pattern, as written. */
  static List<Completion.Formal> formalsOf(SyntaxNode pattern) {
    List<Completion.Formal> out = new ArrayList<>();
    for (SyntaxNode e : pattern.childNodes()) {
      if (e.kind() == SyntaxKind.PAT_ENTRY) {
        SyntaxToken name = e.firstToken(SyntaxKind.IDENT);
        if (name != null) {
          SyntaxNode dflt = Trees.firstExpr(e);
          out.add(new Completion.Formal(name.text(), e.firstToken(SyntaxKind.QUESTION) != null,
              dflt == null ? null : dflt.text()));
        }
      }
    }
    return out;
  }

  /** The signature help at {@code offset}: inside the arguments of a call of a known function. */
  public static Help at(FileAnalysis file, int offset, DocumentEval doc) {
    SyntaxNode root = file.parse().root();
    SyntaxNode n = root.coveringNode(TextRange.empty(offset));
    for (; n != null; n = n.parent()) {
      if (n.kind() != SyntaxKind.APPLY) {
        continue;
      }
      // The head of the chain of applications and the index of the argument at the cursor.
      List<SyntaxNode> args = new ArrayList<>();
      SyntaxNode head = n;
      while (head.kind() == SyntaxKind.APPLY) {
        List<SyntaxNode> kids = exprs(head);
        if (kids.size() < 2) {
          break;
        }
        args.add(0, kids.get(1));
        head = kids.get(0);
      }
      int active = -1;
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).range().containsInclusive(offset)) {
          active = i;
        }
      }
      if (head.range().containsInclusive(offset) && offset < head.endOffset()) {
        return null;
      }
      if (active < 0) {
        active = args.size();
      }
      Signature sig = signature(file, head, doc);
      if (sig != null) {
        return new Help(sig, Math.min(active, Math.max(0, sig.parameters().size() - 1)));
      }
      return null;
    }
    return null;
  }

  private static List<SyntaxNode> exprs(SyntaxNode n) {
    List<SyntaxNode> out = new ArrayList<>();
    for (SyntaxNode c : n.childNodes()) {
      if (org.nix4j.syntax.ast.Expr.isExpr(c.kind())) {
        out.add(c);
      }
    }
    return out;
  }

  /** The signature of the function {@code fn}: its lambdas as written, or a builtin's. */
  static Signature signature(FileAnalysis file, SyntaxNode fn, DocumentEval doc) {
    SyntaxNode lam = lambdaOf(file, fn);
    if (lam == null) {
      if (fn.kind() == SyntaxKind.IDENT_EXPR || fn.kind() == SyntaxKind.SELECT) {
        String name = fn.kind() == SyntaxKind.IDENT_EXPR ? fn.text().strip()
            : fn.text().strip().replaceFirst("^builtins\\.", "");
        BuiltinDocs.Doc d = BuiltinDocs.of(name);
        if (d != null && (fn.kind() == SyntaxKind.SELECT || file.names().target(fn) instanceof NameResolution.Global)) {
          return new Signature(d.signature(), List.of(), List.of(), d.description());
        }
      }
      return null;
    }
    StringBuilder label = new StringBuilder();
    List<Parameter> params = new ArrayList<>();
    List<int[]> offsets = new ArrayList<>();
    SyntaxNode l = lam;
    while (l != null && l.kind() == SyntaxKind.LAMBDA) {
      SyntaxNode ident = l.firstChild(SyntaxKind.IDENT_PARAM);
      SyntaxNode pattern = l.firstChild(SyntaxKind.PATTERN);
      String text;
      List<Completion.Formal> formals = List.of();
      if (ident != null) {
        text = ident.text().strip();
      } else if (pattern != null) {
        formals = formalsOf(pattern);
        text = Bytes.toUnicode(pattern.text().strip().replaceAll("\\s+", " "));
      } else {
        break;
      }
      int start = label.length();
      label.append(Bytes.toUnicode(text));
      offsets.add(new int[] {start, label.length()});
      label.append(": ");
      params.add(new Parameter(Bytes.toUnicode(text), formals));
      SyntaxNode body = l.firstToken(SyntaxKind.COLON) == null ? null : Trees.lastExpr(l);
      while (body != null && body.kind() == SyntaxKind.PAREN) {
        body = body.firstChildNode();
      }
      l = body;
    }
    label.append("…");
    return new Signature(label.toString(), params, offsets, null);
  }
}
