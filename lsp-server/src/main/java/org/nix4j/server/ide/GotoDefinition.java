package org.nix4j.server.ide;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nix4j.io.RealIO;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.analysis.NameResolution;
import org.nix4j.server.analysis.Trees;
import org.nix4j.server.eval.DocumentEval;
import org.nix4j.server.eval.ValueOracle;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.SyntaxKind;
import org.nix4j.syntax.SyntaxNode;
import org.nix4j.syntax.TextRange;
import org.nix4j.value.NixAttrs;
import org.nix4j.value.NixPath;
import org.nix4j.value.SourcePos;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;
import org.nix4j.vm.Vm;

/**
 * Go to definition: a variable to its binding ({@code let}, {@code rec}, a parameter or formal,
 * {@code inherit}); an attribute selected from a set to where the attribute is defined, found in
 * the file when the set is written there, else by evaluation ({@code pkgs.hello} to the
 * definition of {@code hello}); a name from a {@code with} to its definition in the set, by
 * evaluation; a path literal or a search path to the file it names ({@code default.nix} for a
 * directory).
 */
public final class GotoDefinition {
  private GotoDefinition() {}

  /** The definitions of what is at {@code offset}; {@code doc} may be null (no evaluation). */
  public static List<Place> at(FileAnalysis file, int offset, DocumentEval doc) {
    Subject s = Subject.at(file, offset);
    if (s == null) {
      return List.of();
    }
    List<Place> out = new ArrayList<>();
    switch (s.kind()) {
      case VARIABLE -> {
        if (s.definition() != null) {
          out.add(Place.of(file.source(), s.definition().nameRange()));
        } else if (s.target() instanceof NameResolution.WithScope w && doc != null) {
          for (SyntaxNode with : w.withs()) {
            SyntaxNode ns = Trees.firstExpr(with);
            Value set = ns == null ? null : doc.oracle().valueOf(ns);
            Place p = set == null ? null : attributePlace(doc, set, s.name());
            if (p != null) {
              out.add(p);
              addPackage(out, doc, set, s.name());
              break;
            }
          }
        }
      }
      case PARAMETER, BINDING_NAME -> out.add(Place.of(file.source(), s.range()));
      case INHERITED_NAME -> {
        SyntaxNode src = Trees.inheritSource(s.node().parent());
        if (src != null) {
          if (doc != null) {
            Place p = attributePlace(doc, doc.oracle().valueOf(src), s.name());
            if (p != null) {
              out.add(p);
            }
          }
        } else if (s.target() instanceof NameResolution.Local l) {
          out.add(Place.of(file.source(), l.definition().nameRange()));
        }
      }
      case SELECTED_ATTRIBUTE -> {
        Place p = StaticSets.attribute(file, s);
        if (p == null && doc != null) {
          SyntaxNode owner = s.node().parent().parent();
          SyntaxNode base = Trees.firstExpr(owner);
          List<String> names = s.names();
          if (base != null && !names.contains(null)) {
            Value set = doc.oracle().valueOf(base);
            if (names.size() > 1) {
              set = ValueOracle.select(set, names.subList(0, names.size() - 1));
            }
            p = attributePlace(doc, set, names.get(names.size() - 1));
            if (p != null) {
              out.add(p);
              addPackage(out, doc, set, names.get(names.size() - 1));
              p = null;
            }
          }
        }
        if (p != null) {
          out.add(p);
        }
      }
      case EXPRESSION -> {
        Place p = pathTarget(file, s.node(), doc);
        if (p != null) {
          out.add(p);
        }
      }
      default -> { }
    }
    return out;
  }

  /** Where attribute {@code name} of the set {@code set} is defined, by evaluation; or null. */
  static Place attributePlace(DocumentEval doc, Value set, String name) {
    Vm vm = doc.world().evaluator().vm();
    try {
      Value v = vm.forceValue(set);
      if (v instanceof NixAttrs a) {
        int i = a.indexOf(name);
        SourcePos p = i < 0 ? null : a.positionAt(i);
        return p == null ? null : Place.of(p.file(), nameAt(p.file().text(), p.start(), p.end()));
      }
    } catch (NixError e) {
      // no definition then
    }
    return null;
  }

  /**
   * When attribute {@code name} of {@code set} is a package (a derivation), also where the
   * package itself is written, after the definition of the attribute: the position of its
   * {@code pname}, or the file of {@code meta.position} ({@code "FILE:LINE"}, as package
   * collections set it). Forces the attribute, its {@code type} and {@code meta} only.
   */
  static void addPackage(List<Place> out, DocumentEval doc, Value set, String name) {
    Vm vm = doc.world().evaluator().vm();
    NixAttrs a = DerivationInfo.attrs(vm, set);
    NixAttrs drv = a == null ? null : DerivationInfo.derivation(vm, a.get(name));
    if (drv == null) {
      return;
    }
    int i = drv.indexOf("pname");
    SourcePos p = i < 0 ? null : drv.positionAt(i);
    Place place;
    if (p != null) {
      place = Place.of(p.file(), nameAt(p.file().text(), p.start(), p.end()));
    } else {
      DerivationInfo.Position pos = DerivationInfo.position(vm, DerivationInfo.attrs(vm, drv.get("meta")));
      if (pos == null) {
        return;
      }
      try {
        place = Place.file(java.nio.file.Path.of(org.nix4j.syntax.Bytes.toUnicode(pos.file())));
      } catch (java.nio.file.InvalidPathException e) {
        return;
      }
    }
    if (out.stream().noneMatch(o -> java.util.Objects.equals(o.path(), place.path())
        && o.range().equals(place.range()))) {
      out.add(place);
    }
  }

  /** The span of the attribute name at {@code start} (Nix records where a name starts). */
  static TextRange nameAt(String text, int start, int end) {
    if (end > start || start >= text.length()) {
      return TextRange.of(start, Math.max(start, Math.min(end, text.length())));
    }
    return org.nix4j.server.analysis.Diagnostics.nameAt(text, start);
  }

  /** The file a path literal, a search path or {@code import PATH} names. */
  static Place pathTarget(FileAnalysis file, SyntaxNode expr, DocumentEval doc) {
    SyntaxNode n = expr;
    if (n.kind() == SyntaxKind.APPLY) {
      SyntaxNode arg = n.childNodes().size() > 1 ? n.childNodes().get(1) : null;
      if (arg == null) {
        return null;
      }
      n = arg;
    }
    while (n.kind() == SyntaxKind.PAREN && n.firstChildNode() != null) {
      n = n.firstChildNode();
    }
    if (n.kind() == SyntaxKind.PATH_EXPR && n.firstChild(SyntaxKind.INTERPOL) == null) {
      Path p = resolveLiteral(file, n.text());
      return p == null ? null : Place.file(importTarget(p));
    }
    if ((n.kind() == SyntaxKind.PATH_EXPR || n.kind() == SyntaxKind.SEARCH_PATH) && doc != null) {
      try {
        Value v = doc.world().evaluator().vm().forceValue(doc.oracle().valueOf(n));
        if (v instanceof NixPath np) {
          return Place.file(importTarget(RealIO.toPath(np.path)));
        }
      } catch (NixError e) {
        return null;
      }
    }
    return null;
  }

  /** The file a path literal (a byte string) names, relative to the file's directory. */
  static Path resolveLiteral(FileAnalysis file, String literal) {
    String text = Bytes.toUnicode(literal);
    Path p;
    if (text.startsWith("~/")) {
      p = Path.of(System.getProperty("user.home")).resolve(text.substring(2));
    } else if (text.startsWith("/")) {
      p = Path.of(text);
    } else {
      Path dir = file.path() == null ? null : file.path().getParent();
      if (dir == null) {
        return null;
      }
      p = dir.resolve(text);
    }
    return p.normalize();
  }

  /** What {@code import} reads for a path: {@code default.nix} in a directory. */
  static Path importTarget(Path p) {
    return Files.isDirectory(p) ? p.resolve("default.nix") : p;
  }
}
