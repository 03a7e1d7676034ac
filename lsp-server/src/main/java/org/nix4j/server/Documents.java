package org.nix4j.server;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.nix4j.server.analysis.FileAnalysis;
import org.nix4j.syntax.Bytes;
import org.nix4j.syntax.LineIndex;
import org.nix4j.syntax.Parse;
import org.nix4j.syntax.SourceFile;
import org.nix4j.syntax.TextRange;

/**
 * The files the server knows: documents open in the editor (their text as the editor has it,
 * kept up to date by incremental changes) and files read from disk when they are imported or
 * searched. Every read gives a {@link FileAnalysis} snapshot, immutable; an open document
 * makes a new snapshot for each version, parsing only when someone asks for it (so that a
 * flood of edits costs one parse, not one per edit).
 */
public final class Documents {
  /** An editor's document. Guarded by its own monitor. */
  private static final class Open {
    final String uri;
    final Path path;
    int version;
    /** The current text, a byte string. */
    String text;
    /** The line index of {@link #text}, updated with each edit. */
    LineIndex lines;
    /** The snapshot of the current version, or null until asked for. */
    FileAnalysis snapshot;
    /** The last snapshot made (its parse may be reused for the next one). */
    FileAnalysis previous;
    /** The edits since {@link #previous}, in order (byte offsets at the time of each). */
    final List<Edit> edits = new ArrayList<>();

    Open(String uri, Path path) {
      this.uri = uri;
      this.path = path;
    }
  }

  /** A replacement of the bytes {@code [start, end)} by {@code text}. */
  public record Edit(int start, int end, String text) {}

  /** A file read from disk, with what identifies its version. */
  private record OnDisk(long modified, long size, FileAnalysis analysis) {}

  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final Map<Path, String> openByPath = new ConcurrentHashMap<>();
  /** Files read from disk, the most recently used first out last; at most {@link #MAX_DISK_FILES}. */
  private final Map<Path, OnDisk> disk = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, OnDisk> eldest) {
          return size() > MAX_DISK_FILES;
        }
      });

  /** How many files read from disk are kept parsed. */
  static final int MAX_DISK_FILES = 256;

  /** The file a {@code file:} URI names, or null for any other URI (or a malformed one). */
  public static Path pathOf(String uri) {
    if (uri == null || !uri.startsWith("file:")) {
      return null;
    }
    try {
      return Path.of(URI.create(uri)).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** The URI the server uses for a file that is not open (the editor's own URI when it is). */
  public String uriOf(Path path) {
    String u = openByPath.get(path);
    return u != null ? u : path.toUri().toString();
  }

  public boolean isOpen(String uri) {
    return open.containsKey(uri);
  }

  /** The URIs of the open documents. */
  public List<String> openUris() {
    return new ArrayList<>(open.keySet());
  }

  public void open(String uri, int version, String unicodeText) {
    Path path = pathOf(uri);
    Open d = new Open(uri, path);
    d.version = version;
    d.text = Bytes.fromUnicode(unicodeText == null ? "" : unicodeText);
    d.lines = LineIndex.ofBytes(d.text);
    Open old = open.put(uri, d);
    if (old != null && old.path != null) {
      openByPath.remove(old.path);
    }
    if (path != null) {
      openByPath.put(path, uri);
    }
  }

  public void close(String uri) {
    Open d = open.remove(uri);
    if (d != null && d.path != null) {
      openByPath.remove(d.path, uri);
    }
  }

  /**
   * Applies the editor's changes in order; a change without a range replaces the whole text.
   * Returns false when the document is not open.
   */
  public boolean change(String uri, int version, List<TextDocumentContentChangeEvent> changes, Convert convert) {
    Open d = open.get(uri);
    if (d == null) {
      return false;
    }
    synchronized (d) {
      for (TextDocumentContentChangeEvent c : changes) {
        if (c == null) {
          continue;
        }
        String newText = Bytes.fromUnicode(c.getText() == null ? "" : c.getText());
        if (c.getRange() == null) {
          d.edits.clear();
          d.previous = null;
          d.text = newText;
          d.lines = LineIndex.ofBytes(newText);
          continue;
        }
        TextRange r = convert.range(d.lines, c.getRange());
        d.text = d.text.substring(0, r.start()) + newText + d.text.substring(r.end());
        d.lines = d.lines.edited(r.start(), r.end(), newText.length(), d.text);
        if (d.previous != null) {
          d.edits.add(new Edit(r.start(), r.end(), newText));
        }
      }
      d.version = version;
      d.snapshot = null;
    }
    return true;
  }

  /** The snapshot of an open document's current version, or null when it is not open. */
  public FileAnalysis snapshot(String uri) {
    Open d = open.get(uri);
    if (d == null) {
      return null;
    }
    synchronized (d) {
      if (d.snapshot == null) {
        SourceFile src = d.path != null ? SourceFile.ofFile(d.path, d.text) : SourceFile.named(d.uri, d.text);
        Parse parse = IncrementalParse.next(d.previous == null ? null : d.previous.parse(), d.edits, d.text);
        FileAnalysis.Origin origin = d.previous != null && d.edits.size() == 1
            ? new FileAnalysis.Origin(d.previous, toTextEdit(d.edits.get(0))) : null;
        d.snapshot = new FileAnalysis(src, parse, d.version, origin, d.lines);
        d.previous = d.snapshot;
        d.edits.clear();
      }
      return d.snapshot;
    }
  }

  private static org.nix4j.syntax.TextEdit toTextEdit(Edit e) {
    return new org.nix4j.syntax.TextEdit(e.start(), e.end(), e.text());
  }

  /** The version of an open document, or -1. */
  public int version(String uri) {
    Open d = open.get(uri);
    if (d == null) {
      return -1;
    }
    synchronized (d) {
      return d.version;
    }
  }

  /** The text of the open document at {@code path} (a byte string), or null. */
  public String openText(Path path) {
    String uri = openByPath.get(path);
    Open d = uri == null ? null : open.get(uri);
    if (d == null) {
      return null;
    }
    synchronized (d) {
      return d.text;
    }
  }

  /**
   * The snapshot of a file: the open document when it is open, else the file on disk (read
   * again when it changed). Null when it cannot be read.
   */
  public FileAnalysis file(Path path) {
    String uri = openByPath.get(path);
    if (uri != null) {
      FileAnalysis s = snapshot(uri);
      if (s != null) {
        return s;
      }
    }
    try {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return null;
      }
      OnDisk cached = disk.get(path);
      long modified = a.lastModifiedTime().toMillis();
      if (cached != null && cached.modified == modified && cached.size == a.size()) {
        return cached.analysis;
      }
      FileAnalysis fa = FileAnalysis.of(SourceFile.ofFile(path, Files.readAllBytes(path)), 0);
      disk.put(path, new OnDisk(modified, a.size(), fa));
      return fa;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }

  /** Forgets what was read of a file from disk (it changed). */
  public void forget(Path path) {
    disk.remove(path);
  }
}
