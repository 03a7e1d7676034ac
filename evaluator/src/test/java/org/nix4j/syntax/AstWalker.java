package org.nix4j.syntax;

import java.util.Iterator;
import org.nix4j.syntax.ast.Apply;
import org.nix4j.syntax.ast.Assert;
import org.nix4j.syntax.ast.AttrSet;
import org.nix4j.syntax.ast.AttrpathValue;
import org.nix4j.syntax.ast.BinaryOp;
import org.nix4j.syntax.ast.Binding;
import org.nix4j.syntax.ast.Expr;
import org.nix4j.syntax.ast.HasAttr;
import org.nix4j.syntax.ast.IfElse;
import org.nix4j.syntax.ast.IndentedStr;
import org.nix4j.syntax.ast.Inherit;
import org.nix4j.syntax.ast.IntLiteral;
import org.nix4j.syntax.ast.FloatLiteral;
import org.nix4j.syntax.ast.Lambda;
import org.nix4j.syntax.ast.LegacyLet;
import org.nix4j.syntax.ast.LetIn;
import org.nix4j.syntax.ast.ListExpr;
import org.nix4j.syntax.ast.PathExpr;
import org.nix4j.syntax.ast.PatEntry;
import org.nix4j.syntax.ast.Pattern;
import org.nix4j.syntax.ast.Select;
import org.nix4j.syntax.ast.Str;
import org.nix4j.syntax.ast.UnaryOp;
import org.nix4j.syntax.ast.With;
import org.nix4j.syntax.ast.Attr;

/** Calls every accessor of every typed node of a tree: none may throw, however broken the tree. */
final class AstWalker {
  private AstWalker() {}

  static int exercise(Parse parse) {
    int n = 0;
    parse.expr();
    for (Iterator<SyntaxElement> it = parse.root().preorder(); it.hasNext(); ) {
      if (!(it.next() instanceof SyntaxNode node)) {
        continue;
      }
      Expr e = Expr.cast(node);
      if (e == null) {
        continue;
      }
      n++;
      e.range();
      if (e instanceof Str s) {
        s.parts();
        s.staticValue();
      } else if (e instanceof IndentedStr s) {
        s.parts();
        s.tokenParts();
      } else if (e instanceof PathExpr p) {
        p.parts();
        p.staticText();
      } else if (e instanceof IntLiteral i) {
        i.value();
      } else if (e instanceof FloatLiteral f) {
        f.value();
      } else if (e instanceof Select s) {
        s.expr();
        s.defaultExpr();
        if (s.attrpath() != null) {
          attrs(s.attrpath().attrs());
        }
      } else if (e instanceof HasAttr h) {
        h.expr();
        if (h.attrpath() != null) {
          attrs(h.attrpath().attrs());
        }
      } else if (e instanceof Apply a) {
        a.function();
        a.argument();
      } else if (e instanceof UnaryOp u) {
        u.operator();
        u.operand();
      } else if (e instanceof BinaryOp b) {
        b.operator();
        b.lhs();
        b.rhs();
      } else if (e instanceof AttrSet s) {
        s.isRec();
        bindings(s.bindings());
      } else if (e instanceof LetIn l) {
        bindings(l.bindings());
        l.body();
      } else if (e instanceof LegacyLet l) {
        bindings(l.bindings());
      } else if (e instanceof With w) {
        w.namespace();
        w.body();
      } else if (e instanceof Assert a) {
        a.condition();
        a.body();
      } else if (e instanceof IfElse i) {
        i.condition();
        i.thenBranch();
        i.elseBranch();
      } else if (e instanceof Lambda l) {
        l.body();
        if (l.param() instanceof Pattern p) {
          p.hasEllipsis();
          p.bindName();
          p.isBindBefore();
          for (PatEntry pe : p.entries()) {
            pe.name();
            pe.defaultExpr();
          }
        }
      } else if (e instanceof ListExpr l) {
        l.elements();
      }
    }
    return n;
  }

  private static void bindings(java.util.List<Binding> bs) {
    for (Binding b : bs) {
      if (b instanceof AttrpathValue v) {
        v.value();
        if (v.attrpath() != null) {
          attrs(v.attrpath().attrs());
        }
      } else if (b instanceof Inherit i) {
        i.source();
        attrs(i.attrs());
      }
    }
  }

  private static void attrs(java.util.List<Attr> as) {
    for (Attr a : as) {
      a.staticName();
    }
  }
}
