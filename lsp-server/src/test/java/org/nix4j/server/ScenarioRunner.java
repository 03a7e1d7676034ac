package org.nix4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.LineIndex;

/**
 * Runs the steps of a {@link Scenario}: sends each request and compares the answer, rendered
 * as lines of text, with the lines the scenario expects. Positions are written 1-based
 * {@code LINE:COL}, columns in the negotiated encoding (UTF-16 unless the scenario says).
 */
final class ScenarioRunner {
  private final Scenario scenario;
  private final LspHarness h;
  private final Path workspace;
  /** The current texts of the documents (changes update them). */
  private final java.util.Map<String, String> texts = new java.util.HashMap<>();

  ScenarioRunner(Scenario scenario, LspHarness h, Path workspace) {
    this.scenario = scenario;
    this.h = h;
    this.workspace = workspace;
    for (Scenario.File f : scenario.files.values()) {
      texts.put(f.name(), f.text());
    }
  }

  String uri(String file) {
    return workspace.resolve(file).toUri().toString();
  }

  /** The file name of a URI of the workspace, for rendering. */
  String name(String uri) {
    String prefix = workspace.toUri().toString();
    if (uri.startsWith(prefix)) {
      return uri.substring(prefix.length());
    }
    String fixtures = ScenarioTest.fixtures().getParent().toUri().toString();
    return uri.startsWith(fixtures) ? "@FIXTURES@/" + uri.substring(fixtures.length()) : uri;
  }

  private boolean utf8() {
    return scenario.encodings.contains("utf-8");
  }

  private LineIndex.Encoding encoding() {
    return utf8() ? LineIndex.Encoding.UTF8 : LineIndex.Encoding.UTF16;
  }

  /** The LSP position of a marker or of {@code LINE:COL}. */
  Position position(String file, String arg) {
    if (arg.startsWith("$")) {
      Scenario.Marker m = scenario.markers.get(arg);
      if (m == null) {
        throw new AssertionError("no marker " + arg);
      }
      LineIndex.LineCol lc = new LineIndex(texts.get(m.file())).lineCol(m.offset(), encoding());
      return new Position(lc.line(), lc.column());
    }
    String[] lc = arg.split(":");
    return new Position(Integer.parseInt(lc[0]) - 1, Integer.parseInt(lc[1]) - 1);
  }

  static String render(Position p) {
    return (p.getLine() + 1) + ":" + (p.getCharacter() + 1);
  }

  static String render(Range r) {
    return render(r.getStart()) + "-" + render(r.getEnd());
  }

  void run(Scenario.Step step) throws Exception {
    switch (step.kind()) {
      case "diagnostics" -> diagnostics(step);
      case "change" -> change(step);
      case "syntaxTree" -> syntaxTree(step);
      case "hover" -> hover(step);
      case "definition" -> definition(step);
      case "references" -> references(step);
      case "highlight" -> highlight(step);
      case "prepareRename" -> prepareRename(step);
      case "rename" -> rename(step);
      case "completion" -> completion(step);
      case "symbols" -> symbols(step);
      case "workspaceSymbols" -> workspaceSymbols(step);
      case "folding" -> folding(step);
      case "selection" -> selection(step);
      case "tokens" -> tokens(step);
      case "tokensDelta" -> tokensDelta(step);
      case "links" -> links(step);
      case "inlayHints" -> inlayHints(step);
      case "callHierarchy" -> callHierarchy(step);
      case "codeActions" -> codeActions(step);
      case "codeAction" -> codeAction(step);
      case "formatting" -> formatting(step);
      case "evaluate" -> evaluate(step);
      case "signature" -> signature(step);
      default -> throw new AssertionError("unknown step " + step.kind());
    }
  }

  // ---- diagnostics ----

  String render(Diagnostic d) {
    StringBuilder sb = new StringBuilder();
    sb.append(render(d.getRange())).append(' ');
    sb.append(switch (d.getSeverity()) {
      case Error -> "error";
      case Warning -> "warning";
      case Information -> "info";
      case Hint -> "hint";
    });
    sb.append(" [").append(d.getCode() == null ? "" : d.getCode().getLeft()).append("]");
    if (d.getTags() != null) {
      for (DiagnosticTag t : d.getTags()) {
        sb.append(t == DiagnosticTag.Unnecessary ? " (unnecessary)" : " (deprecated)");
      }
    }
    sb.append(' ').append(d.getMessage().replace(workspace.toString() + "/", ""));
    if (d.getRelatedInformation() != null) {
      for (var r : d.getRelatedInformation()) {
        sb.append("\n  related ").append(r.getLocation().getUri().startsWith("file:") ? "" : "")
            .append(renderLocation(r.getLocation().getUri(), r.getLocation().getRange()))
            .append(' ').append(r.getMessage());
      }
    }
    return sb.toString();
  }

  String renderLocation(String uri, Range r) {
    return name(uri) + " " + render(r);
  }

  private List<String> renderAll(PublishDiagnosticsParams p) {
    List<String> out = new ArrayList<>();
    if (p == null) {
      return out;
    }
    List<Diagnostic> ds = new ArrayList<>(p.getDiagnostics());
    ds.sort(Comparator.comparing((Diagnostic d) -> d.getRange().getStart().getLine())
        .thenComparing(d -> d.getRange().getStart().getCharacter())
        .thenComparing(Diagnostic::getMessage));
    for (Diagnostic d : ds) {
      out.addAll(List.of(render(d).split("\n")));
    }
    return out;
  }

  /**
   * {@code -- diagnostics FILE}: waits until the diagnostics published for the current version
   * of FILE are those expected (evaluation adds its own after the compiler's), then compares.
   */
  private void diagnostics(Scenario.Step step) throws Exception {
    String uri = uri(step.args().get(0));
    int version = h.version(uri);
    h.awaitIdle();
    PublishDiagnosticsParams p = h.client.awaitDiagnostics(uri,
        x -> (x.getVersion() == null || x.getVersion() >= version) && renderAll(x).equals(step.expected()),
        LspHarness.TIMEOUT_MS);
    assertEquals(String.join("\n", step.expected()), String.join("\n", renderAll(p)));
  }

  // ---- edits ----

  /**
   * {@code -- change FILE FROM TO}: replaces the text between two positions by the body (its
   * lines joined with newlines; an empty body deletes). {@code FROM} alone inserts.
   */
  private void change(Scenario.Step step) {
    String file = step.args().get(0);
    Position from = position(file, step.args().get(1));
    Position to = step.args().size() > 2 ? position(file, step.args().get(2)) : from;
    String insert = String.join("\n", step.expected());
    TextDocumentContentChangeEvent e = new TextDocumentContentChangeEvent(new Range(from, to), insert);
    h.change(uri(file), List.of(e));
    // Keep our copy of the text in step, for later positions.
    String text = texts.get(file);
    LineIndex li = new LineIndex(text);
    int a = li.offset(from.getLine(), from.getCharacter(), encoding());
    int b = li.offset(to.getLine(), to.getCharacter(), encoding());
    texts.put(file, text.substring(0, a) + insert + text.substring(b));
  }

  // ---- hover ----

  /** The position a request step is about: FILE then a marker or LINE:COL. */
  org.eclipse.lsp4j.TextDocumentPositionParams at(Scenario.Step step) throws Exception {
    // Answers do not depend on how far the background evaluation got.
    h.awaitIdle();
    String file = step.args().get(0);
    return new org.eclipse.lsp4j.TextDocumentPositionParams(
        new org.eclipse.lsp4j.TextDocumentIdentifier(uri(file)), position(file, step.args().get(1)));
  }

  /**
   * {@code -- hover FILE POS}: each expected line must be in the hover's text ({@code !line}:
   * must not be); {@code null} alone: no hover at all.
   */
  private void hover(Scenario.Step step) throws Exception {
    var at = at(step);
    org.eclipse.lsp4j.Hover hv = LspHarness.get(h.server.getTextDocumentService().hover(
        new org.eclipse.lsp4j.HoverParams(at.getTextDocument(), at.getPosition())));
    if (step.expected().equals(List.of("null"))) {
      assertEquals(null, hv, "expected no hover");
      return;
    }
    assertTrue(hv != null, "no hover");
    String text = hv.getContents().getRight().getValue();
    contains(step.expected(), text);
  }

  static void contains(List<String> expected, String text) {
    for (String line : expected) {
      if (line.startsWith("!")) {
        assertTrue(!text.contains(line.substring(1)), "the text has " + line.substring(1) + ":\n" + text);
      } else {
        assertTrue(text.contains(line), "the text has no " + line + ":\n" + text);
      }
    }
  }

  // ---- navigation ----

  private List<String> locations(List<? extends org.eclipse.lsp4j.Location> locs) {
    List<org.eclipse.lsp4j.Location> sorted = new ArrayList<>(locs);
    sorted.sort(Comparator.comparing((org.eclipse.lsp4j.Location l) -> l.getUri())
        .thenComparing(l -> l.getRange().getStart().getLine())
        .thenComparing(l -> l.getRange().getStart().getCharacter()));
    List<String> out = new ArrayList<>();
    for (var l : sorted) {
      out.add(renderLocation(l.getUri(), l.getRange()));
    }
    return out;
  }

  /** {@code -- definition FILE POS}: the locations, {@code FILE RANGE}, sorted. */
  private void definition(Scenario.Step step) throws Exception {
    var at = at(step);
    var r = LspHarness.get(h.server.getTextDocumentService().definition(
        new org.eclipse.lsp4j.DefinitionParams(at.getTextDocument(), at.getPosition())));
    assertLines(step.expected(), r == null ? List.of() : locations(r.getLeft()));
  }

  /** {@code -- references FILE POS}: the locations with the declarations, sorted. */
  private void references(Scenario.Step step) throws Exception {
    var at = at(step);
    var r = LspHarness.get(h.server.getTextDocumentService().references(new org.eclipse.lsp4j.ReferenceParams(
        at.getTextDocument(), at.getPosition(), new org.eclipse.lsp4j.ReferenceContext(true))));
    assertLines(step.expected(), locations(r));
  }

  /** {@code -- highlight FILE POS}: {@code RANGE read|write} in order. */
  private void highlight(Scenario.Step step) throws Exception {
    var at = at(step);
    var r = LspHarness.get(h.server.getTextDocumentService().documentHighlight(
        new org.eclipse.lsp4j.DocumentHighlightParams(at.getTextDocument(), at.getPosition())));
    List<String> out = new ArrayList<>();
    for (var d : r) {
      out.add(render(d.getRange()) + " " + d.getKind().name().toLowerCase(java.util.Locale.ROOT));
    }
    assertLines(step.expected(), out);
  }

  /** {@code -- prepareRename FILE POS}: the range, or {@code refused: MESSAGE}. */
  private void prepareRename(Scenario.Step step) throws Exception {
    var at = at(step);
    String got;
    try {
      var r = LspHarness.get(h.server.getTextDocumentService().prepareRename(
          new org.eclipse.lsp4j.PrepareRenameParams(at.getTextDocument(), at.getPosition())));
      got = render(r.getFirst());
    } catch (java.util.concurrent.ExecutionException e) {
      got = "refused: " + e.getCause().getMessage();
    }
    assertLines(step.expected(), List.of(got));
  }

  /**
   * {@code -- rename FILE POS NEWNAME}: the whole text of FILE after the edits, or
   * {@code refused: MESSAGE}.
   */
  private void rename(Scenario.Step step) throws Exception {
    var at = at(step);
    String file = step.args().get(0);
    List<String> got;
    try {
      var r = LspHarness.get(h.server.getTextDocumentService().rename(
          new org.eclipse.lsp4j.RenameParams(at.getTextDocument(), at.getPosition(), step.args().get(2))));
      got = List.of(applyEdits(texts.get(file), r.getChanges().get(uri(file))).split("\n", -1));
    } catch (java.util.concurrent.ExecutionException e) {
      got = List.of("refused: " + e.getCause().getMessage());
    }
    List<String> trimmed = new ArrayList<>(got);
    while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
      trimmed.remove(trimmed.size() - 1);
    }
    assertLines(step.expected(), trimmed);
  }

  /** The text after LSP edits (non-overlapping), positions in the negotiated encoding. */
  String applyEdits(String text, List<org.eclipse.lsp4j.TextEdit> edits) {
    LineIndex li = new LineIndex(text);
    List<org.eclipse.lsp4j.TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(Comparator.comparing((org.eclipse.lsp4j.TextEdit e) -> li.offset(
        e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter(), encoding())).reversed());
    StringBuilder sb = new StringBuilder(text);
    for (var e : sorted) {
      int a = li.offset(e.getRange().getStart().getLine(), e.getRange().getStart().getCharacter(), encoding());
      int b = li.offset(e.getRange().getEnd().getLine(), e.getRange().getEnd().getCharacter(), encoding());
      sb.replace(a, b, e.getNewText());
    }
    return sb.toString();
  }

  // ---- completion ----

  /**
   * {@code -- completion FILE POS}: {@code +LABEL} or {@code +LABEL KIND} must be proposed (of
   * that kind), {@code -LABEL} must not; {@code =LABEL TEXT} : the item's edit inserts TEXT.
   */
  private void completion(Scenario.Step step) throws Exception {
    var at = at(step);
    var r = LspHarness.get(h.server.getTextDocumentService().completion(
        new org.eclipse.lsp4j.CompletionParams(at.getTextDocument(), at.getPosition())));
    List<org.eclipse.lsp4j.CompletionItem> items = r.isLeft() ? r.getLeft() : r.getRight().getItems();
    java.util.Map<String, org.eclipse.lsp4j.CompletionItem> byLabel = new java.util.HashMap<>();
    for (var it : items) {
      byLabel.put(it.getLabel(), it);
    }
    String all = items.stream().map(org.eclipse.lsp4j.CompletionItem::getLabel).sorted().toList().toString();
    for (String line : step.expected()) {
      String[] w = line.substring(1).split(" ", 2);
      var it = byLabel.get(w[0]);
      switch (line.charAt(0)) {
        case '+' -> {
          assertTrue(it != null, "no item " + w[0] + " in " + all);
          if (w.length > 1) {
            assertEquals(w[1], it.getKind().name().toLowerCase(java.util.Locale.ROOT), "kind of " + w[0]);
          }
        }
        case '-' -> assertTrue(it == null, "unexpected item " + w[0] + " in " + all);
        case '=' -> {
          assertTrue(it != null, "no item " + w[0] + " in " + all);
          assertEquals(w[1], it.getTextEdit().getLeft().getNewText() + " @ " + render(it.getTextEdit().getLeft().getRange()));
        }
        case '?' -> {
          assertTrue(it != null, "no item " + w[0] + " in " + all);
          var resolved = LspHarness.get(h.server.getTextDocumentService().resolveCompletionItem(it));
          String doc = resolved.getDocumentation() == null ? ""
              : resolved.getDocumentation().isRight() ? resolved.getDocumentation().getRight().getValue()
              : resolved.getDocumentation().getLeft();
          assertTrue(doc.contains(w[1]), "documentation of " + w[0] + " has no " + w[1] + ":\n" + doc);
        }
        default -> throw new AssertionError("bad line " + line);
      }
    }
  }

  /** {@code -- signature FILE POS}: {@code label: TEXT} and {@code active: N}, or {@code null}. */
  private void signature(Scenario.Step step) throws Exception {
    var at = at(step);
    var r = LspHarness.get(h.server.getTextDocumentService().signatureHelp(
        new org.eclipse.lsp4j.SignatureHelpParams(at.getTextDocument(), at.getPosition())));
    List<String> got = new ArrayList<>();
    if (r == null || r.getSignatures().isEmpty()) {
      got.add("null");
    } else {
      got.add("label: " + r.getSignatures().get(0).getLabel());
      got.add("active: " + r.getActiveParameter());
    }
    assertLines(step.expected(), got);
  }

  // ---- structure ----

  private org.eclipse.lsp4j.TextDocumentIdentifier doc(Scenario.Step step) {
    return new org.eclipse.lsp4j.TextDocumentIdentifier(uri(step.args().get(0)));
  }

  private static String kind(Enum<?> k) {
    return k.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code -- symbols FILE}: the tree, {@code NAME KIND RANGE}, two spaces per level. */
  private void symbols(Scenario.Step step) throws Exception {
    var r = LspHarness.get(h.server.getTextDocumentService().documentSymbol(
        new org.eclipse.lsp4j.DocumentSymbolParams(doc(step))));
    List<String> out = new ArrayList<>();
    java.util.ArrayDeque<Object[]> todo = new java.util.ArrayDeque<>();
    for (int i = r.size() - 1; i >= 0; i--) {
      todo.push(new Object[] {r.get(i).getRight(), 0});
    }
    while (!todo.isEmpty()) {
      Object[] it = todo.pop();
      var d = (org.eclipse.lsp4j.DocumentSymbol) it[0];
      int depth = (Integer) it[1];
      out.add("  ".repeat(depth) + d.getName() + " " + kind(d.getKind()) + " " + render(d.getSelectionRange()));
      if (d.getChildren() != null) {
        for (int i = d.getChildren().size() - 1; i >= 0; i--) {
          todo.push(new Object[] {d.getChildren().get(i), depth + 1});
        }
      }
    }
    assertLines(step.expected(), out);
  }

  /** {@code -- workspaceSymbols QUERY}: {@code NAME KIND FILE RANGE}, sorted. */
  private void workspaceSymbols(Scenario.Step step) throws Exception {
    var r = LspHarness.get(h.server.getWorkspaceService().symbol(
        new org.eclipse.lsp4j.WorkspaceSymbolParams(step.args().isEmpty() ? "" : step.args().get(0))));
    List<String> out = new ArrayList<>();
    for (var w : r.getRight()) {
      out.add(w.getName() + " " + kind(w.getKind()) + " " + renderLocation(w.getLocation().getLeft().getUri(),
          w.getLocation().getLeft().getRange()));
    }
    java.util.Collections.sort(out);
    assertLines(step.expected(), out);
  }

  /** {@code -- folding FILE}: {@code START-END} lines (1-based), {@code comment} for comments. */
  private void folding(Scenario.Step step) throws Exception {
    var r = LspHarness.get(h.server.getTextDocumentService().foldingRange(
        new org.eclipse.lsp4j.FoldingRangeRequestParams(doc(step))));
    List<String> out = new ArrayList<>();
    for (var f : r) {
      out.add((f.getStartLine() + 1) + "-" + (f.getEndLine() + 1) + (f.getKind() != null ? " " + f.getKind() : ""));
    }
    java.util.Collections.sort(out, Comparator.comparing((String x) -> Integer.parseInt(x.split("-")[0]))
        .thenComparing(x -> Integer.parseInt(x.split("[- ]")[1])));
    assertLines(step.expected(), out);
  }

  /** {@code -- selection FILE POS}: the ranges, innermost first. */
  private void selection(Scenario.Step step) throws Exception {
    var at = at(step);
    var r = LspHarness.get(h.server.getTextDocumentService().selectionRange(
        new org.eclipse.lsp4j.SelectionRangeParams(at.getTextDocument(), List.of(at.getPosition()))));
    List<String> out = new ArrayList<>();
    for (var s = r.get(0); s != null; s = s.getParent()) {
      out.add(render(s.getRange()));
    }
    assertLines(step.expected(), out);
  }

  /** The semantic tokens decoded: {@code L:C TEXT TYPE MODIFIERS…}. */
  private List<String> decodeTokens(String file, List<Integer> data) throws Exception {
    var legend = h.initializeResult.getCapabilities().getSemanticTokensProvider().getLegend();
    String[] lines = texts.get(file).split("\n", -1);
    List<String> out = new ArrayList<>();
    int line = 0;
    int col = 0;
    for (int i = 0; i < data.size(); i += 5) {
      line += data.get(i);
      col = data.get(i) == 0 ? col + data.get(i + 1) : data.get(i + 1);
      int len = data.get(i + 2);
      String text = lines[line].substring(col, Math.min(lines[line].length(), col + len));
      StringBuilder sb = new StringBuilder((line + 1) + ":" + (col + 1) + " " + text + " "
          + legend.getTokenTypes().get(data.get(i + 3)));
      int mods = data.get(i + 4);
      for (int m = 0; m < legend.getTokenModifiers().size(); m++) {
        if ((mods & (1 << m)) != 0) {
          sb.append(' ').append(legend.getTokenModifiers().get(m));
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  private org.eclipse.lsp4j.SemanticTokens lastTokens;

  /** {@code -- tokens FILE}: each expected line ({@code L:C TEXT TYPE MODS}) is among the tokens. */
  private void tokens(Scenario.Step step) throws Exception {
    var r = LspHarness.get(h.server.getTextDocumentService().semanticTokensFull(
        new org.eclipse.lsp4j.SemanticTokensParams(doc(step))));
    lastTokens = r;
    List<String> got = decodeTokens(step.args().get(0), r.getData());
    for (String line : step.expected()) {
      assertTrue(got.contains(line), "no token " + line + " in:\n" + String.join("\n", got));
    }
  }

  /**
   * {@code -- tokensDelta FILE}: asks for the delta since the last {@code tokens} step and checks
   * that it turns the tokens then into the tokens now; the expected lines are checked as by
   * {@code tokens}.
   */
  private void tokensDelta(Scenario.Step step) throws Exception {
    var r = LspHarness.get(h.server.getTextDocumentService().semanticTokensFullDelta(
        new org.eclipse.lsp4j.SemanticTokensDeltaParams(doc(step), lastTokens.getResultId())));
    assertTrue(r.isRight(), "a full answer instead of a delta");
    List<Integer> data = new ArrayList<>(lastTokens.getData());
    var edits = new ArrayList<>(r.getRight().getEdits());
    edits.sort(Comparator.comparingInt((org.eclipse.lsp4j.SemanticTokensEdit e) -> e.getStart()).reversed());
    for (var e : edits) {
      for (int i = 0; i < e.getDeleteCount(); i++) {
        data.remove(e.getStart());
      }
      data.addAll(e.getStart(), e.getData() == null ? List.of() : e.getData());
    }
    var full = LspHarness.get(h.server.getTextDocumentService().semanticTokensFull(
        new org.eclipse.lsp4j.SemanticTokensParams(doc(step))));
    assertEquals(full.getData(), data, "the delta does not give the tokens");
    lastTokens = full;
    List<String> got = decodeTokens(step.args().get(0), data);
    for (String line : step.expected()) {
      assertTrue(got.contains(line), "no token " + line + " in:\n" + String.join("\n", got));
    }
  }

  /** {@code -- links FILE}: {@code RANGE TARGET} (a file of the workspace, or a URL). */
  private void links(Scenario.Step step) throws Exception {
    var r = LspHarness.get(h.server.getTextDocumentService().documentLink(
        new org.eclipse.lsp4j.DocumentLinkParams(doc(step))));
    List<String> out = new ArrayList<>();
    for (var l : r) {
      out.add(render(l.getRange()) + " " + name(l.getTarget()));
    }
    assertLines(step.expected(), out);
  }

  /** {@code -- inlayHints FILE}: {@code L:C LABEL} over the whole file. */
  private void inlayHints(Scenario.Step step) throws Exception {
    String file = step.args().get(0);
    LineIndex li = new LineIndex(texts.get(file));
    var end = li.lineCol(texts.get(file).length(), encoding());
    var r = LspHarness.get(h.server.getTextDocumentService().inlayHint(new org.eclipse.lsp4j.InlayHintParams(
        doc(step), new Range(new Position(0, 0), new Position(end.line(), end.column())))));
    List<String> out = new ArrayList<>();
    for (var ih : r) {
      out.add(render(ih.getPosition()) + " " + ih.getLabel().getLeft());
    }
    assertLines(step.expected(), out);
  }

  /** {@code -- callHierarchy FILE POS}: {@code item NAME}, then {@code incoming …} and {@code outgoing …}. */
  private void callHierarchy(Scenario.Step step) throws Exception {
    var at = at(step);
    var items = LspHarness.get(h.server.getTextDocumentService().prepareCallHierarchy(
        new org.eclipse.lsp4j.CallHierarchyPrepareParams(at.getTextDocument(), at.getPosition())));
    List<String> out = new ArrayList<>();
    if (items == null || items.isEmpty()) {
      out.add("null");
      assertLines(step.expected(), out);
      return;
    }
    var item = items.get(0);
    out.add("item " + item.getName());
    for (var c : LspHarness.get(h.server.getTextDocumentService().callHierarchyIncomingCalls(
        new org.eclipse.lsp4j.CallHierarchyIncomingCallsParams(item)))) {
      out.add("incoming " + c.getFrom().getName() + " " + c.getFromRanges().stream().map(ScenarioRunner::render).toList());
    }
    for (var c : LspHarness.get(h.server.getTextDocumentService().callHierarchyOutgoingCalls(
        new org.eclipse.lsp4j.CallHierarchyOutgoingCallsParams(item)))) {
      out.add("outgoing " + c.getTo().getName() + " " + c.getFromRanges().stream().map(ScenarioRunner::render).toList());
    }
    assertLines(step.expected(), out);
  }

  /** The code actions at {@code FILE POS [POS]} (the rest of the arguments is returned in {@code rest}). */
  private List<org.eclipse.lsp4j.CodeAction> actions(Scenario.Step step, List<String> rest) throws Exception {
    h.awaitIdle();
    String file = step.args().get(0);
    Position from = position(file, step.args().get(1));
    Position to = from;
    int i = 2;
    if (step.args().size() > 2 && (step.args().get(2).startsWith("$") || step.args().get(2).matches("\\d+:\\d+"))) {
      to = position(file, step.args().get(2));
      i = 3;
    }
    rest.addAll(step.args().subList(i, step.args().size()));
    var ctxParams = new org.eclipse.lsp4j.CodeActionContext(List.of());
    var r = LspHarness.get(h.server.getTextDocumentService().codeAction(
        new org.eclipse.lsp4j.CodeActionParams(doc(step), new Range(from, to), ctxParams)));
    List<org.eclipse.lsp4j.CodeAction> out = new ArrayList<>();
    for (var e : r) {
      out.add(e.getRight());
    }
    return out;
  }

  /** {@code -- codeActions FILE POS [POS]}: the titles of the actions offered, in order. */
  private void codeActions(Scenario.Step step) throws Exception {
    List<String> titles = actions(step, new ArrayList<>()).stream().map(org.eclipse.lsp4j.CodeAction::getTitle).toList();
    assertLines(step.expected(), titles);
  }

  /** {@code -- codeAction FILE POS [POS] TITLE}: the text of FILE after that action. */
  private void codeAction(Scenario.Step step) throws Exception {
    List<String> rest = new ArrayList<>();
    List<org.eclipse.lsp4j.CodeAction> all = actions(step, rest);
    String title = String.join(" ", rest);
    String file = step.args().get(0);
    var a = all.stream().filter(x -> x.getTitle().equals(title)).findFirst().orElse(null);
    assertTrue(a != null, "no action '" + title + "' in " + all.stream().map(org.eclipse.lsp4j.CodeAction::getTitle).toList());
    String after = applyEdits(texts.get(file), a.getEdit().getChanges().get(uri(file)));
    List<String> lines = new ArrayList<>(List.of(after.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    assertLines(step.expected(), lines);
  }

  /** {@code -- formatting FILE}: the text after formatting, or {@code error: MESSAGE}. */
  private void formatting(Scenario.Step step) throws Exception {
    String file = step.args().get(0);
    List<String> got;
    try {
      var r = LspHarness.get(h.server.getTextDocumentService().formatting(new org.eclipse.lsp4j.DocumentFormattingParams(
          doc(step), new org.eclipse.lsp4j.FormattingOptions(2, true))));
      String after = applyEdits(texts.get(file), new ArrayList<>(r));
      got = new ArrayList<>(List.of(after.split("\n", -1)));
      while (!got.isEmpty() && got.get(got.size() - 1).isEmpty()) {
        got.remove(got.size() - 1);
      }
    } catch (java.util.concurrent.ExecutionException e) {
      got = List.of("error: " + e.getCause().getMessage());
    }
    assertLines(step.expected(), got);
  }

  /** {@code -- evaluate FILE POS [POS]}: the answer of {@code nix4j.evaluate}: {@code value: …} / {@code type: …} / {@code error: …}. */
  private void evaluate(Scenario.Step step) throws Exception {
    h.awaitIdle();
    String file = step.args().get(0);
    com.google.gson.JsonObject arg = new com.google.gson.JsonObject();
    arg.addProperty("uri", uri(file));
    Position from = position(file, step.args().get(1));
    com.google.gson.Gson gson = new com.google.gson.Gson();
    if (step.args().size() > 2) {
      arg.add("range", gson.toJsonTree(new Range(from, position(file, step.args().get(2)))));
    } else {
      arg.add("position", gson.toJsonTree(from));
    }
    Object r = LspHarness.get(h.server.getWorkspaceService().executeCommand(
        new org.eclipse.lsp4j.ExecuteCommandParams("nix4j.evaluate", List.of(arg))));
    com.google.gson.JsonObject o = gson.toJsonTree(r).getAsJsonObject();
    List<String> got = new ArrayList<>();
    for (String k : List.of("value", "type", "error")) {
      if (o.has(k)) {
        got.addAll(List.of((k + ": " + o.get(k).getAsString()).split("\n")));
      }
    }
    assertLines(step.expected(), got);
  }

  // ---- nix4j/syntaxTree ----

  private void syntaxTree(Scenario.Step step) throws Exception {
    NixLanguageServer.SyntaxTreeParams p = new NixLanguageServer.SyntaxTreeParams();
    p.uri = uri(step.args().get(0));
    String tree = LspHarness.get(h.server.syntaxTree(p));
    for (String line : step.expected()) {
      assertTrue(tree.contains(line), "the tree has no line " + line + ":\n" + tree);
    }
  }

  static void assertLines(List<String> expected, List<String> actual) {
    assertEquals(String.join("\n", expected), String.join("\n", actual));
  }

  static String unicode(String bytes) {
    return Bytes.toUnicode(bytes);
  }
}
