package org.nix4j.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.MemoryFileTree;
import org.nix4j.io.fs.MemoryNode;
import org.nix4j.store.nar.MemoryTreeSink;
import org.nix4j.store.nar.TreeSink;

/**
 * A store that keeps everything in memory (the language server's default: nothing is written
 * anywhere). Contents are immutable {@link MemoryNode}s; {@link #files()} shows them at their
 * store paths, following symlinks within the store.
 */
public final class MemoryStore extends AbstractStore {
  private record Entry(PathInfo info, MemoryNode node) {}

  private final Map<StorePath, Entry> entries = new ConcurrentHashMap<>();
  private final MemoryFileTree files;

  /** An empty store for {@code /nix/store}. */
  public MemoryStore() {
    this(StoreDir.DEFAULT);
  }

  /** An empty store for that store directory. */
  public MemoryStore(StoreDir storeDir) {
    super(storeDir);
    files = new MemoryFileTree(storeDir.path(), new MemoryFileTree.Mount() {
      @Override
      public MemoryNode entry(String name) {
        Entry e;
        try {
          e = entries.get(StorePath.fromBaseName(name));
        } catch (BadStorePathException ex) {
          return null;
        }
        return e == null ? null : e.node();
      }

      @Override
      public List<String> names() {
        List<String> names = new ArrayList<>();
        for (StorePath p : entries.keySet()) {
          names.add(p.baseName());
        }
        return names;
      }
    });
  }

  @Override
  public Optional<PathInfo> pathInfo(StorePath path) {
    Entry e = entries.get(path);
    return e == null ? Optional.empty() : Optional.of(e.info());
  }

  @Override
  public FileTree files() {
    return files;
  }

  @Override
  protected Staging stage() {
    MemoryTreeSink sink = new MemoryTreeSink();
    return new Staging() {
      @Override
      public TreeSink sink() {
        return sink;
      }

      @Override
      public void commit(PathInfo info) {
        entries.putIfAbsent(info.path(), new Entry(info, sink.result()));
      }

      @Override
      public void discard() {}
    };
  }
}
