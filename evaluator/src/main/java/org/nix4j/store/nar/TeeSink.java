package org.nix4j.store.nar;

import java.io.IOException;

/** Sends every event to two sinks, first {@code a} then {@code b}. */
public final class TeeSink implements TreeSink {
  private final TreeSink a;
  private final TreeSink b;

  public TeeSink(TreeSink a, TreeSink b) {
    this.a = a;
    this.b = b;
  }

  @Override
  public void startDirectory() throws IOException {
    a.startDirectory();
    b.startDirectory();
  }

  @Override
  public void startEntry(String name) throws IOException {
    a.startEntry(name);
    b.startEntry(name);
  }

  @Override
  public void endEntry() throws IOException {
    a.endEntry();
    b.endEntry();
  }

  @Override
  public void endDirectory() throws IOException {
    a.endDirectory();
    b.endDirectory();
  }

  @Override
  public void startFile(boolean executable, long size) throws IOException {
    a.startFile(executable, size);
    b.startFile(executable, size);
  }

  @Override
  public void fileData(byte[] buf, int off, int len) throws IOException {
    a.fileData(buf, off, len);
    b.fileData(buf, off, len);
  }

  @Override
  public void endFile() throws IOException {
    a.endFile();
    b.endFile();
  }

  @Override
  public void symlink(String target) throws IOException {
    a.symlink(target);
    b.symlink(target);
  }
}
