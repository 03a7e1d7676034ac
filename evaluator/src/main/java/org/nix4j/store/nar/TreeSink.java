package org.nix4j.store.nar;

import java.io.IOException;

/**
 * Receives a file tree as a stream of events in NAR order: the grammar is
 *
 * <pre>
 * node      = file | symlink | directory
 * file      = startFile (fileData)* endFile
 * symlink   = symlink
 * directory = startDirectory (startEntry node endEntry)* endDirectory
 * </pre>
 *
 * with the entries of a directory in increasing order of their name bytes. {@link NarWriter}
 * serialises the events, {@link MemoryTreeSink} and store implementations materialise them, and
 * {@link TeeSink} does two things at once (hash while copying). File contents arrive in chunks so
 * that large files never sit in memory.
 */
public interface TreeSink {
  void startDirectory() throws IOException;

  /** Starts the entry {@code name} of the current directory; its node follows. */
  void startEntry(String name) throws IOException;

  void endEntry() throws IOException;

  void endDirectory() throws IOException;

  /** Starts a regular file of exactly {@code size} bytes. */
  void startFile(boolean executable, long size) throws IOException;

  /** A chunk of the current file's contents; the buffer is reused after the call returns. */
  void fileData(byte[] buf, int off, int len) throws IOException;

  void endFile() throws IOException;

  /** A symlink with that target (a byte string). */
  void symlink(String target) throws IOException;
}
