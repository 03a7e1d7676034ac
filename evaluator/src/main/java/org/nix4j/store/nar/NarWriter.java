package org.nix4j.store.nar;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Serialises tree events as a NAR (Nix ARchive), byte for byte as {@code nix-store --dump}.
 *
 * <p>A NAR is a sequence of strings, each written as its length (unsigned 64-bit little endian),
 * its bytes, and zero bytes up to a multiple of 8:
 *
 * <pre>
 * "nix-archive-1" node
 * node = "(" "type" "regular" ["executable" ""] "contents" CONTENTS ")"
 *      | "(" "type" "symlink" "target" TARGET ")"
 *      | "(" "type" "directory" ("entry" "(" "name" NAME "node" node ")")* ")"
 * </pre>
 *
 * where {@code CONTENTS} is one string of the file's bytes. The writer buffers the small tokens
 * and passes file contents straight through, so memory stays constant. Not thread-safe.
 */
public final class NarWriter implements TreeSink {
  private static final byte[] ZEROS = new byte[8];

  private final OutputStream out;
  private final byte[] buf = new byte[4096];
  private int pos;
  private long fileRemaining;
  private long fileSize;

  /** A writer that first writes the {@code nix-archive-1} magic to {@code out}. */
  public NarWriter(OutputStream out) throws IOException {
    this.out = out;
    token("nix-archive-1");
  }

  private void token(String s) throws IOException {
    int n = s.length();
    if (pos + 8 + n + 8 > buf.length) {
      flushBuffer();
    }
    if (8 + n + 8 > buf.length) {
      writeLength(n);
      flushBuffer();
      byte[] b = new byte[n];
      for (int i = 0; i < n; i++) {
        b[i] = (byte) s.charAt(i);
      }
      out.write(b);
      pad(n);
      return;
    }
    writeLength(n);
    for (int i = 0; i < n; i++) {
      buf[pos++] = (byte) s.charAt(i);
    }
    int padding = (8 - (n & 7)) & 7;
    for (int i = 0; i < padding; i++) {
      buf[pos++] = 0;
    }
  }

  private void writeLength(long n) throws IOException {
    if (pos + 8 > buf.length) {
      flushBuffer();
    }
    for (int i = 0; i < 8; i++) {
      buf[pos++] = (byte) (n >>> (8 * i));
    }
  }

  private void pad(long n) throws IOException {
    int padding = (int) ((8 - (n & 7)) & 7);
    if (padding > 0) {
      out.write(ZEROS, 0, padding);
    }
  }

  private void flushBuffer() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  @Override
  public void startDirectory() throws IOException {
    token("(");
    token("type");
    token("directory");
  }

  @Override
  public void startEntry(String name) throws IOException {
    token("entry");
    token("(");
    token("name");
    token(name);
    token("node");
  }

  @Override
  public void endEntry() throws IOException {
    token(")");
  }

  @Override
  public void endDirectory() throws IOException {
    token(")");
  }

  @Override
  public void startFile(boolean executable, long size) throws IOException {
    token("(");
    token("type");
    token("regular");
    if (executable) {
      token("executable");
      token("");
    }
    token("contents");
    writeLength(size);
    flushBuffer();
    fileSize = size;
    fileRemaining = size;
  }

  @Override
  public void fileData(byte[] b, int off, int len) throws IOException {
    if (len > fileRemaining) {
      throw new IOException("file is longer than announced (" + fileSize + " bytes)");
    }
    fileRemaining -= len;
    out.write(b, off, len);
  }

  @Override
  public void endFile() throws IOException {
    if (fileRemaining != 0) {
      throw new IOException("file is shorter than announced (" + fileSize + " bytes)");
    }
    pad(fileSize);
    token(")");
  }

  @Override
  public void symlink(String target) throws IOException {
    token("(");
    token("type");
    token("symlink");
    token("target");
    token(target);
    token(")");
  }

  /** Writes out buffered bytes (call once the root node is complete). */
  public void flush() throws IOException {
    flushBuffer();
    out.flush();
  }
}
