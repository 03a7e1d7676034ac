package org.nix4j.store.nar;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.List;
import org.nix4j.io.fs.FileInfo;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.FileType;
import org.nix4j.io.fs.Paths;
import org.nix4j.store.StoreException;

/**
 * Walks a file tree in NAR order and sends it to a {@link TreeSink}, optionally asking a filter
 * about each entry. The walk is <em>pull-style</em>: {@link #next()} runs until the walk needs a
 * filter decision, returns that {@link FilterQuery}, and waits for {@link #answer(boolean)}; so
 * a caller that answers by evaluating Nix code (which must not happen deep inside a Java
 * recursion) can suspend between questions. Without a filter {@link #next()} runs to the end.
 * The walk itself uses an explicit stack, so deep trees do not grow the JVM stack.
 *
 * <p>Nix's rules (2.8 {@code dumpPath} with a filter): the root is never asked about; the
 * entries of a directory are visited in increasing order of their name bytes, depth first, and
 * each entry is asked about just before it would be written, so an excluded directory's contents
 * are never visited or asked about; the type passed to the filter comes from {@code lstat}
 * (symlinks are not followed). An entry of type {@code unknown} (socket, fifo, device) that the
 * filter keeps fails with {@code file 'PATH' has an unsupported type}.
 *
 * <pre>{@code
 * TreeWalk walk = TreeWalk.start(tree, "/src", sink, true);
 * for (FilterQuery q; (q = walk.next()) != null; ) {
 *   walk.answer(askNixFunction(q.path(), q.type().nixName()));
 * }
 * }</pre>
 */
public final class TreeWalk {
  private static final int CHUNK = 64 * 1024;

  private final FileTree tree;
  private final String root;
  private final TreeSink sink;
  private final boolean filtered;
  private final ArrayDeque<Frame> stack = new ArrayDeque<>();
  private byte[] buffer;
  private boolean started;
  private boolean done;
  private FilterQuery pending;
  private FileInfo pendingInfo;
  private String pendingName;

  private static final class Frame {
    final String dir;
    final String[] names;
    int next;

    Frame(String dir, String[] names) {
      this.dir = dir;
      this.names = names;
    }
  }

  private TreeWalk(FileTree tree, String root, TreeSink sink, boolean filtered) {
    this.tree = tree;
    this.root = root;
    this.sink = sink;
    this.filtered = filtered;
  }

  /**
   * Prepares a walk of the tree at {@code root} (a canonical absolute path of {@code tree});
   * nothing is read before the first {@link #next()}. With {@code filtered} false every entry is
   * included and {@link #next()} never returns a query.
   */
  public static TreeWalk start(FileTree tree, String root, TreeSink sink, boolean filtered) {
    return new TreeWalk(tree, root, sink, filtered);
  }

  /** Walks the whole tree, asking {@code filter} (null: include everything) synchronously. */
  public static void run(FileTree tree, String root, TreeSink sink, PathFilter filter)
      throws IOException {
    TreeWalk walk = start(tree, root, sink, filter != null);
    for (FilterQuery q; (q = walk.next()) != null; ) {
      walk.answer(filter.include(q.path(), q.type()));
    }
  }

  /**
   * Continues the walk: returns the next question for the filter, or null once the whole tree
   * has been sent to the sink.
   *
   * @throws IllegalStateException if the previous question has not been answered
   * @throws NoSuchFileException if the root does not exist
   */
  public FilterQuery next() throws IOException {
    if (pending != null) {
      throw new IllegalStateException("answer the pending filter query first");
    }
    if (done) {
      return null;
    }
    if (!started) {
      started = true;
      FileInfo info = tree.lstat(root);
      if (info == null) {
        throw new NoSuchFileException(root);
      }
      emitNode(root, info);
    }
    while (!stack.isEmpty()) {
      Frame top = stack.peek();
      if (top.next == top.names.length) {
        stack.pop();
        sink.endDirectory();
        if (!stack.isEmpty()) {
          sink.endEntry();
        }
        continue;
      }
      String name = top.names[top.next++];
      String path = Paths.child(top.dir, name);
      FileInfo info = tree.lstat(path);
      if (info == null) {
        throw new NoSuchFileException(path);
      }
      if (filtered) {
        pending = new FilterQuery(path, info.type());
        pendingInfo = info;
        pendingName = name;
        return pending;
      }
      emitEntry(name, path, info);
    }
    done = true;
    return null;
  }

  /** Answers the pending question: whether its entry is part of the result. */
  public void answer(boolean include) throws IOException {
    if (pending == null) {
      throw new IllegalStateException("no filter query is pending");
    }
    FilterQuery q = pending;
    pending = null;
    if (include) {
      emitEntry(pendingName, q.path(), pendingInfo);
    }
  }

  /** Whether the walk has finished. */
  public boolean isDone() {
    return done;
  }

  private void emitEntry(String name, String path, FileInfo info) throws IOException {
    sink.startEntry(name);
    if (emitNode(path, info)) {
      sink.endEntry();
    }
  }

  /** Sends a node; returns false when it is a directory whose frame was pushed (not finished). */
  private boolean emitNode(String path, FileInfo info) throws IOException {
    switch (info.type()) {
      case REGULAR:
        emitFile(path, info);
        return true;
      case SYMLINK:
        sink.symlink(tree.readLink(path));
        return true;
      case DIRECTORY:
        List<String> names = tree.readDirectory(path);
        String[] sorted = names.toArray(new String[0]);
        java.util.Arrays.sort(sorted);
        sink.startDirectory();
        stack.push(new Frame(path, sorted));
        return false;
      default:
        throw new StoreException("file '" + path + "' has an unsupported type");
    }
  }

  private void emitFile(String path, FileInfo info) throws IOException {
    if (buffer == null) {
      buffer = new byte[CHUNK];
    }
    long size = info.size();
    sink.startFile(info.executable(), size);
    try (InputStream in = tree.openFile(path)) {
      long left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException("file '" + path + "' was truncated while reading it");
        }
        sink.fileData(buffer, 0, n);
        left -= n;
      }
    }
    sink.endFile();
  }
}
