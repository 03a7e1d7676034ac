package org.nix4j.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scenario of {@code fixtures/lsp}: a workspace of files, the settings, and requests with the
 * answers expected. The format (see {@code fixtures/lsp/README.md}):
 *
 * <pre>
 * # what the scenario shows
 * -- file default.nix        a file of the workspace, opened in the editor
 * let x = 1; in $0x          $0 … $9 mark positions (removed from the text)
 * -- disk lib.nix            a file of the workspace on disk only
 * -- settings                the nix4j settings (JSON)
 * -- hover default.nix $0    a request, then the lines expected
 * </pre>
 */
final class Scenario {
  /** A file of the workspace. */
  record File(String name, String text, boolean open) {}

  /** A request section: its kind, its arguments and the expected lines. */
  record Step(String kind, List<String> args, List<String> expected, int line) {}

  /** A marker: the file it is in and its offset in the file's (Unicode) text. */
  record Marker(String file, int offset) {}

  final Path source;
  final String description;
  final Map<String, File> files = new LinkedHashMap<>();
  final Map<String, Marker> markers = new LinkedHashMap<>();
  final List<Step> steps = new ArrayList<>();
  String settings;
  List<String> encodings = List.of("utf-16");

  private static final Pattern MARKER = Pattern.compile("\\$([0-9])");

  private Scenario(Path source, String description) {
    this.source = source;
    this.description = description;
  }

  static Scenario read(Path path) throws IOException {
    List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    StringBuilder desc = new StringBuilder();
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith("-- ")) {
      String l = lines.get(i++);
      if (l.startsWith("#")) {
        desc.append(l.substring(1).trim()).append(' ');
      }
    }
    Scenario s = new Scenario(path, desc.toString().trim());
    while (i < lines.size()) {
      String header = lines.get(i);
      int headerLine = i + 1;
      i++;
      List<String> body = new ArrayList<>();
      while (i < lines.size() && !lines.get(i).startsWith("-- ")) {
        body.add(lines.get(i++));
      }
      List<String> words = new ArrayList<>(List.of(header.substring(3).trim().split("\\s+")));
      String kind = words.remove(0);
      switch (kind) {
        case "file", "disk" -> s.addFile(words.get(0), String.join("\n", body) + "\n", kind.equals("file"));
        case "settings" -> s.settings = String.join("\n", body);
        case "encoding" -> s.encodings = List.of(words.get(0));
        default -> {
          while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
          }
          s.steps.add(new Step(kind, words, body, headerLine));
        }
      }
    }
    return s;
  }

  private void addFile(String name, String text, boolean open) {
    StringBuilder out = new StringBuilder();
    Matcher m = MARKER.matcher(text);
    int last = 0;
    while (m.find()) {
      out.append(text, last, m.start());
      markers.put(m.group(), new Marker(name, out.length()));
      last = m.end();
    }
    out.append(text.substring(last));
    files.put(name, new File(name, out.toString(), open));
  }

  @Override
  public String toString() {
    return source.getFileName().toString();
  }
}
