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
import org.nix4j.syntax.TextEdit;
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
    /**
     * The edits since {@link #previous}, merged into one: the text of {@link #previous} with
     * {@code [start, oldEnd)} replaced by what is now {@code [start, newEnd)}; null when none.
     */
    Change change;

    Open(String uri, Path path) {
      this.uri = uri;
      this.path = path;
    }
  }

  /** A replacement of the bytes {@code [start, end)} by {@code text}. */
  record Change(int start, int oldEnd, int newEnd) {
    /** This change followed by the replacement of {@code [s, e)} (of the text after it) by {@code length} bytes. */
    Change then(int s, int e, int length) {
      int a = Math.min(start, s);
      int b = Math.max(newEnd, e);
      return new Change(a, b - newEnd + oldEnd, b + length - (e - s));
    }
  }

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
          d.change = null;
          d.previous = null;
          d.text = newText;
          d.lines = LineIndex.ofBytes(newText);
          continue;
        }
        TextRange r = convert.range(d.lines, c.getRange());
        d.text = d.text.substring(0, r.start()) + newText + d.text.substring(r.end());
        d.lines = d.lines.edited(r.start(), r.end(), newText.length(), d.text);
        if (d.previous != null) {
          Change before = d.change;
          d.change = before == null ? new Change(r.start(), r.end(), r.start() + newText.length())
              : before.then(r.start(), r.end(), newText.length());
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
        TextEdit edit = d.previous == null || d.change == null ? null
            : new TextEdit(d.change.start(), d.change.oldEnd(), d.text.substring(d.change.start(), d.change.newEnd()));
        Parse parse = IncrementalParse.next(d.previous == null ? null : d.previous.parse(), edit, d.text);
        FileAnalysis.Origin origin = edit != null ? new FileAnalysis.Origin(d.previous, edit) : null;
        d.snapshot = new FileAnalysis(src, parse, d.version, origin, d.lines);
        d.previous = d.snapshot;
        d.change = null;
      }
      return d.snapshot;
    }
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
