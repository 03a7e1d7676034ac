package org.nix4j.server.ide;

import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution.Definition;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.ValueFormatter;
import org.nix4j.server.eval.ValueOracle;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.Closure;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Thunk;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Hover: what the thing under the cursor is and, evaluated, what it is worth. A variable or a
 * binding shows {@code name = value} with its type and where it is defined; a parameter the
 * value of the first call (and how many calls there were) or that the function was not called;
 * a builtin its signature and description; a function its formals; any other expression its
 * value. Markdown, Unicode.
 */
public final class Hover {
  /** The span the hover is about and its text (Markdown). */
  public record Result(TextRange range, String markdown) {}

  private Hover() {}

  /**
   * The hover at {@code offset}, evaluating with {@code doc} (on the evaluation thread), or
   * without values when {@code doc} is null. Null where there is nothing to say.
   */
  public static Result at(FileAnalysis file, int offset, DocumentEval doc) {
    Subject s = Subject.at(file, offset);
    if (s == null) {
      return null;
    }
    StringBuilder md = new StringBuilder();
    String shown = null;
    String type = null;
    String problem = null;
    Value value = null;
    String derivation = null;
    boolean wantValue = !(s.kind() == Subject.Kind.VARIABLE && s.target() instanceof NameResolution.Global);
    if (doc != null && wantValue) {
      Thunk t = Values.of(doc, s);
      if (t != null) {
        Vm vm = doc.world().evaluator().vm();
        try {
          value = vm.forceValue(t);
          type = ValueFormatter.type(value);
          shown = new ValueFormatter(vm, ValueFormatter.Limits.HOVER).format(value);
          if ("derivation".equals(type) && value instanceof org.nix4j.value.NixAttrs drv) {
            derivation = DerivationInfo.markdown(vm, drv);
          }
        } catch (ValueOracle.NotCalled e) {
          problem = "not evaluated: " + e.getMessage();
        } catch (NixError e) {
          problem = e.kind() == NixError.Kind.INTERRUPTED
              ? "not evaluated: " + e.getMessage()
              : "evaluation fails: " + e.getMessage();
        } catch (RuntimeException e) {
          problem = "not evaluated: internal error of nix4j: " + e;
        }
      }
    }
    String name = s.name();
    md.append("```nix\n");
    if (name != null && shown != null) {
      md.append(unicode(org.nix4j.value.Printer.attrName(name))).append(" = ").append(unicode(shown));
    } else if (name != null) {
      md.append(unicode(name));
    } else if (shown != null) {
      md.append(unicode(shown));
    } else {
      md.append(unicode(abbreviate(s.node().text())));
    }
    md.append("\n```\n");
    StringBuilder info = new StringBuilder();
    if (type != null) {
      info.append('`').append(type).append('`');
    }
    String what = describe(file, s, doc);
    if (what != null) {
      if (info.length() > 0) {
        info.append(" · ");
      }
      info.append(what);
    }
    if (info.length() > 0) {
      md.append('\n').append(info).append('\n');
    }
    if (derivation != null) {
      md.append('\n').append(derivation).append('\n');
    }
    if (value instanceof Closure c) {
      md.append('\n').append(functionInfo(c, file, s.name())).append('\n');
    }
    String docs = documentation(file, s, doc);
    if (docs != null) {
      md.append('\n').append(docs).append('\n');
    }
    if (s.kind() == Subject.Kind.VARIABLE && s.target() instanceof NameResolution.Global g) {
      String doc2 = BuiltinDocs.markdown(g.name());
      if (doc2 != null) {
        md.append('\n').append(doc2).append('\n');
      }
    }
    if (problem != null) {
      md.append('\n').append('*').append(unicode(problem)).append("*\n");
    }
    return new Result(s.range(), md.toString());
  }

  /**
   * The comment before the binding of what the subject names: in this file for a binding of a
   * scope or of a set, or where evaluation says an attribute is defined.
   */
  private static String documentation(FileAnalysis file, Subject s, DocumentEval doc) {
    Definition d = s.definition();
    if (d != null && d.sites().get(0).kind() == SyntaxKind.BINDING) {
      return DocComments.before(file.text(), d.sites().get(0).offset());
    }
    if (s.kind() == Subject.Kind.BINDING_NAME && s.index() == 0) {
      return DocComments.before(file.text(), s.node().parent().parent().offset());
    }
    if (doc != null && (s.kind() == Subject.Kind.SELECTED_ATTRIBUTE
        || (s.kind() == Subject.Kind.VARIABLE && s.target() instanceof NameResolution.WithScope))) {
      Place p = GotoDefinition.at(file, s.range().start(), doc).stream().findFirst().orElse(null);
      if (p != null && p.source() != null) {
        return DocComments.before(p.source().text(), p.range().start());
      }
    }
    return null;
  }

  private static String describe(FileAnalysis file, Subject s, DocumentEval doc) {
    Definition d = s.definition();
    switch (s.kind()) {
      case VARIABLE -> {
        if (s.target() instanceof NameResolution.Global) {
          return "built-in";
        }
        if (s.target() instanceof NameResolution.WithScope w) {
          return "from the `with` on line " + line(file, w.withs().get(0).offset());
        }
        if (s.target() instanceof NameResolution.Undefined) {
          return "undefined variable";
        }
        return d == null ? null : definitionKind(file, d, doc);
      }
      case PARAMETER -> {
        return definitionKind(file, d, doc);
      }
      case BINDING_NAME -> {
        return d != null ? definitionKind(file, d, doc) : "attribute";
      }
      case INHERITED_NAME -> {
        return "inherited" + (d != null ? " · " + definitionKind(file, d, doc) : "");
      }
      case SELECTED_ATTRIBUTE -> {
        return "attribute";
      }
      default -> {
        return null;
      }
    }
  }

  private static String definitionKind(FileAnalysis file, Definition d, DocumentEval doc) {
    String where = " on line " + line(file, d.nameRange().start());
    return switch (d.kind()) {
      case LET -> "`let` binding" + where;
      case REC_ATTR -> "attribute of a `rec` set" + where;
      case PARAM, FORMAL, PATTERN_BIND -> {
        String kind = d.kind() == NameResolution.Kind.FORMAL ? "formal" : "parameter";
        String calls = "";
        if (doc != null) {
          DocumentEval.Calls c = doc.calls(d.scope().range());
          calls = c == null ? (doc.evaluated() ? " · the function was not called" : " · not evaluated yet")
              : c.count() == 1 ? " · value of its only call" : " · value of the first of " + c.count() + " calls";
        }
        yield kind + " of the function on line " + line(file, d.scope().offset()) + calls;
      }
    };
  }

  /** The formals of a function and where it is defined. */
  static String functionInfo(Closure c, FileAnalysis current, String boundTo) {
    SourcePos p = c.proto.pos;
    StringBuilder sb = new StringBuilder("function");
    String name = c.proto.name != null ? c.proto.name : boundTo;
    if (name != null) {
      sb.append(" `").append(unicode(name)).append('`');
    }
    if (p != null) {
      SourceFile f = p.file();
      String head = lambdaHead(f, p, current);
      if (head != null) {
        sb.append(": `").append(unicode(head)).append('`');
      }
      sb.append(", defined at ").append(unicode(f.path() != null ? f.path().getFileName().toString() : f.name()))
          .append(':').append(line(f, p.start()));
    }
    return sb.toString();
  }

  /** The text of a lambda's parameter as written, {@code { a, b ? 1 }:} or {@code x:}. */
  private static String lambdaHead(SourceFile f, SourcePos p, FileAnalysis current) {
    String text = f.text();
    if (p.end() > text.length()) {
      return null;
    }
    if (f != current.source()) {
      // Another file: parsing it for this would cost what a hover may not; the formals shown
      // with the value ({ a, b ? …, ... }) say enough.
      return null;
    }
    SyntaxNode root = current.parse().root();
    SyntaxNode lam = root.coveringNode(TextRange.of(p.start(), p.end()));
    while (lam != null && lam.kind() != SyntaxKind.LAMBDA) {
      lam = lam.parent();
    }
    if (lam == null) {
      return null;
    }
    var colon = lam.firstToken(SyntaxKind.COLON);
    if (colon == null) {
      return null;
    }
    String head = text.substring(lam.offset(), colon.endOffset()).replaceAll("\\s+", " ");
    return abbreviate(head);
  }

  static String abbreviate(String s) {
    s = s.strip();
    return s.length() > 200 ? s.substring(0, 199) + "…" : s;
  }

  static int line(SourceFile f, int offset) {
    return f.lines().lineOf(offset) + 1;
  }

  static int line(FileAnalysis f, int offset) {
    return f.lines().lineOf(offset) + 1;
  }

  static String unicode(String bytes) {
    return Bytes.toUnicode(bytes);
  }
}
