package org.nix4j.store.nar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import org.nix4j.store.StoreException;

/**
 * Parses a NAR (see {@link NarWriter} for the format) and replays it as {@link TreeSink}
 * events, streaming file contents in chunks. It checks what {@code nix-store --restore} checks:
 * the magic, the token grammar, zero padding, and that entry names are non-empty, are not
 * {@code .} or {@code ..}, contain no {@code /} or NUL, and come in strictly increasing order.
 * Errors are {@link StoreException}s ({@code bad archive: …}). Uses an explicit stack.
 */
public final class NarReader {
  private static final int MAX_TOKEN = 1 << 20;

  private final InputStream in;
  private final byte[] chunk = new byte[64 * 1024];
  private final byte[] eight = new byte[8];

  private NarReader(InputStream in) {
    this.in = in;
  }

  /** Reads one NAR from {@code in} and sends it to {@code sink}. */
  public static void read(InputStream in, TreeSink sink) throws IOException {
    new NarReader(in).run(sink);
  }

  private static StoreException bad(String what) {
    return new StoreException("bad archive: " + what);
  }

  private long readLong() throws IOException {
    readFully(eight, 8);
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = v << 8 | (eight[i] & 0xff);
    }
    return v;
  }

  private void readFully(byte[] b, int n) throws IOException {
    int off = 0;
    while (off < n) {
      int r = in.read(b, off, n - off);
      if (r < 0) {
        throw new EOFException("bad archive: unexpected end of archive");
      }
      off += r;
    }
  }

  private void readPadding(long len) throws IOException {
    int padding = (int) ((8 - (len & 7)) & 7);
    if (padding > 0) {
      readFully(eight, padding);
      for (int i = 0; i < padding; i++) {
        if (eight[i] != 0) {
          throw bad("non-zero padding");
        }
      }
    }
  }

  private String readString() throws IOException {
    long len = readLong();
    if (len < 0 || len > MAX_TOKEN) {
      throw bad("string is too long");
    }
    byte[] b = new byte[(int) len];
    readFully(b, (int) len);
    readPadding(len);
    char[] c = new char[b.length];
    for (int i = 0; i < b.length; i++) {
      c[i] = (char) (b[i] & 0xff);
    }
    return new String(c);
  }

  private void expect(String token) throws IOException {
    String s = readString();
    if (!s.equals(token)) {
      throw bad("expected '" + token + "', got '" + s + "'");
    }
  }

  private void run(TreeSink sink) throws IOException {
    if (!readString().equals("nix-archive-1")) {
      throw bad("input doesn't look like a Nix archive");
    }
    // Each element is the previous entry name of an open directory.
    ArrayDeque<String> dirs = new ArrayDeque<>();
    boolean needNode = true;
    while (true) {
      if (needNode) {
        expect("(");
        expect("type");
        String type = readString();
        switch (type) {
          case "regular":
            readFile(sink);
            break;
          case "symlink":
            expect("target");
            sink.symlink(readString());
            expect(")");
            break;
          case "directory":
            sink.startDirectory();
            dirs.push("");
            break;
          default:
            throw bad("unknown file type '" + type + "'");
        }
        needNode = false;
        if (!type.equals("directory")) {
          if (dirs.isEmpty()) {
            return;
          }
          expect(")");
          sink.endEntry();
        }
        continue;
      }
      // Inside a directory: either another entry or its end.
      String t = readString();
      if (t.equals(")")) {
        dirs.pop();
        sink.endDirectory();
        if (dirs.isEmpty()) {
          return;
        }
        expect(")");
        sink.endEntry();
        continue;
      }
      if (!t.equals("entry")) {
        throw bad("expected 'entry' or ')', got '" + t + "'");
      }
      expect("(");
      expect("name");
      String name = readString();
      if (name.isEmpty() || name.equals(".") || name.equals("..")
          || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
        throw bad("NAR contains invalid file name '" + name + "'");
      }
      String previous = dirs.pop();
      if (!previous.isEmpty() && name.compareTo(previous) <= 0) {
        throw bad("NAR directory is not sorted");
      }
      dirs.push(name);
      expect("node");
      sink.startEntry(name);
      needNode = true;
    }
  }

  private void readFile(TreeSink sink) throws IOException {
    String t = readString();
    boolean executable = false;
    if (t.equals("executable")) {
      if (!readString().isEmpty()) {
        throw bad("executable marker has non-empty value");
      }
      executable = true;
      t = readString();
    }
    if (!t.equals("contents")) {
      throw bad("expected 'contents', got '" + t + "'");
    }
    long size = readLong();
    if (size < 0) {
      throw bad("file is too large");
    }
    sink.startFile(executable, size);
    long left = size;
    while (left > 0) {
      int n = in.read(chunk, 0, (int) Math.min(chunk.length, left));
      if (n < 0) {
        throw new EOFException("bad archive: unexpected end of archive");
      }
      sink.fileData(chunk, 0, n);
      left -= n;
    }
    readPadding(size);
    sink.endFile();
    expect(")");
  }
}
