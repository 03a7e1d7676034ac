package org.nix4j.store.nar;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nix4j.io.fs.MemoryNode;

/**
 * Materialises tree events as an immutable {@link MemoryNode} (the in-memory store keeps copied
 * sources this way). {@link #result()} is the root node once the events are complete.
 */
public final class MemoryTreeSink implements TreeSink {
  private final ArrayDeque<Map<String, MemoryNode>> dirs = new ArrayDeque<>();
  private final ArrayDeque<String> names = new ArrayDeque<>();
  private MemoryNode result;
  private byte[] file;
  private int fileLength;
  private boolean fileExecutable;

  @Override
  public void startDirectory() {
    dirs.push(new LinkedHashMap<>());
  }

  @Override
  public void startEntry(String name) {
    names.push(name);
  }

  @Override
  public void endEntry() {}

  @Override
  public void endDirectory() {
    Map<String, MemoryNode> entries = dirs.pop();
    done(new MemoryNode.Directory(entries));
  }

  @Override
  public void startFile(boolean executable, long size) throws IOException {
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("file too large to hold in memory: " + size + " bytes");
    }
    file = new byte[(int) size];
    fileLength = 0;
    fileExecutable = executable;
  }

  @Override
  public void fileData(byte[] buf, int off, int len) {
    System.arraycopy(buf, off, file, fileLength, len);
    fileLength += len;
  }

  @Override
  public void endFile() {
    byte[] f = file;
    file = null;
    done(new MemoryNode.RegularFile(f, fileExecutable));
  }

  @Override
  public void symlink(String target) {
    done(new MemoryNode.Symlink(target));
  }

  private void done(MemoryNode node) {
    if (dirs.isEmpty()) {
      result = node;
    } else {
      dirs.peek().put(names.pop(), node);
    }
  }

  /** The root node, or null before the events are complete. */
  public MemoryNode result() {
    return dirs.isEmpty() ? result : null;
  }
}
