package org.nix4j.server;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CallHierarchyItem;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Tuple;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.server.ide.CallHierarchy;
import org.nix4j.server.ide.Completion;
import org.nix4j.server.ide.DocumentSymbols;
import org.nix4j.server.ide.SemanticTokens;
import org.nix4j.server.ide.Signatures;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.TextRange;

/** Answers of the analysis as protocol types: one method per kind of answer. */
final class ToLsp {
  private ToLsp() {}

  /**
   * The items of a completion; when {@code resolveId} is not null, items without documentation
   * carry it as their data, for {@code completionItem/resolve}.
   */
  static CompletionList completion(Convert convert, FileAnalysis file, Completion.Result r, Long resolveId) {
    List<CompletionItem> items = new ArrayList<>();
    for (Completion.Item it : r.items()) {
      CompletionItem ci = new CompletionItem(it.label());
      if (resolveId != null && it.documentation() == null) {
        com.google.gson.JsonObject data = new com.google.gson.JsonObject();
        data.addProperty(COMPLETION_DATA, resolveId);
        ci.setData(data);
      }
      ci.setKind(switch (it.kind()) {
        case VARIABLE -> CompletionItemKind.Variable;
        case FUNCTION -> CompletionItemKind.Function;
        case FIELD -> CompletionItemKind.Field;
        case PROPERTY -> CompletionItemKind.Property;
        case KEYWORD -> CompletionItemKind.Keyword;
        case CONSTANT -> CompletionItemKind.Constant;
        case FILE -> CompletionItemKind.File;
        case FOLDER -> CompletionItemKind.Folder;
      });
      ci.setDetail(it.detail());
      if (it.documentation() != null) {
        ci.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, it.documentation()));
      }
      ci.setSortText(it.sortText());
      ci.setFilterText(it.label());
      ci.setTextEdit(Either.forLeft(new TextEdit(convert.range(file.lines(), it.range()), it.insertText())));
      items.add(ci);
    }
    return new CompletionList(r.incomplete(), items);
  }

  private static final String COMPLETION_DATA = "nix4j.completion";

  /** The id a completion item carries for resolving, or null. */
  static Long completionId(CompletionItem item) {
    Object data = item.getData();
    if (data instanceof com.google.gson.JsonObject o && o.has(COMPLETION_DATA)
        && o.get(COMPLETION_DATA).isJsonPrimitive() && o.getAsJsonPrimitive(COMPLETION_DATA).isNumber()) {
      return o.get(COMPLETION_DATA).getAsLong();
    }
    return null;
  }

  static SignatureHelp signature(Signatures.Help h) {
    if (h == null) {
      return null;
    }
    Signatures.Signature sig = h.signature();
    SignatureInformation info = new SignatureInformation(sig.label());
    if (sig.documentation() != null) {
      info.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, sig.documentation()));
    }
    List<ParameterInformation> ps = new ArrayList<>();
    for (int i = 0; i < sig.parameters().size(); i++) {
      int[] o = sig.offsets().get(i);
      ParameterInformation pi = new ParameterInformation();
      pi.setLabel(Tuple.two(o[0], o[1]));
      ps.add(pi);
    }
    info.setParameters(ps);
    return new SignatureHelp(List.of(info), 0, h.active());
  }

  static SymbolKind symbolKind(DocumentSymbols.Kind k) {
    return switch (k) {
      case VARIABLE -> SymbolKind.Variable;
      case FIELD -> SymbolKind.Field;
      case FUNCTION -> SymbolKind.Function;
      case OBJECT -> SymbolKind.Object;
      case ARRAY -> SymbolKind.Array;
      case STRING -> SymbolKind.String;
      case NUMBER -> SymbolKind.Number;
      case BOOLEAN -> SymbolKind.Boolean;
    };
  }

  static List<DocumentSymbol> symbols(Convert convert, FileAnalysis file, List<DocumentSymbols.Symbol> in) {
    List<DocumentSymbol> out = new ArrayList<>();
    for (DocumentSymbols.Symbol s : in) {
      DocumentSymbol d = new DocumentSymbol(s.name.isEmpty() ? "?" : s.name, symbolKind(s.kind),
          convert.range(file.lines(), s.range), convert.range(file.lines(), s.selection), s.detail);
      if (!s.children.isEmpty()) {
        d.setChildren(symbols(convert, file, s.children));
      }
      out.add(d);
    }
    return out;
  }

  /**
   * Semantic tokens in the protocol's relative encoding: tokens that cross lines are split at
   * line ends; lengths and columns are in the negotiated encoding.
   */
  static List<Integer> semanticTokens(Convert convert, FileAnalysis file, List<SemanticTokens.Token> tokens) {
    LineIndex lines = file.lines();
    List<Integer> data = new ArrayList<>(tokens.size() * 5);
    int prevLine = 0;
    int prevCol = 0;
    for (SemanticTokens.Token t : tokens) {
      int start = t.start();
      int end = t.start() + t.length();
      while (start < end) {
        int line = lines.lineOf(start);
        int segEnd = Math.min(end, lines.lineEnd(line));
        if (segEnd > start) {
          Position a = convert.position(lines, start);
          Position b = convert.position(lines, segEnd);
          int len = b.getCharacter() - a.getCharacter();
          if (len > 0) {
            int dl = a.getLine() - prevLine;
            data.add(dl);
            data.add(dl == 0 ? a.getCharacter() - prevCol : a.getCharacter());
            data.add(len);
            data.add(t.type());
            data.add(t.modifiers());
            prevLine = a.getLine();
            prevCol = a.getCharacter();
          }
        }
        int next = lines.lineStart(line + 1);
        if (next <= start) {
          break;
        }
        start = next;
      }
    }
    return data;
  }

  static CallHierarchyItem callItem(Convert convert, FileAnalysis file, String uri, CallHierarchy.Item it) {
    CallHierarchyItem ci = new CallHierarchyItem();
    ci.setName(it.name());
    ci.setKind(it.top() ? SymbolKind.File : SymbolKind.Function);
    ci.setUri(uri);
    ci.setRange(convert.range(file.lines(), it.range()));
    ci.setSelectionRange(convert.range(file.lines(), it.selection()));
    ci.setData(it.selection().start());
    return ci;
  }

  static Range range(Convert convert, FileAnalysis file, TextRange r) {
    return convert.range(file.lines(), r);
  }
}
