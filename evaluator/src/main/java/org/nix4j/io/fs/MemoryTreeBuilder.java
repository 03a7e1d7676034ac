package org.nix4j.io.fs;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link MemoryNode.Directory} from relative paths ({@code "sub/c.txt"}); missing parent
 * directories are created. Mostly for tests and for callers that assemble small trees.
 */
public final class MemoryTreeBuilder {
  private final Map<String, Object> root = new LinkedHashMap<>();

  /** Adds a regular file. */
  public MemoryTreeBuilder file(String relPath, byte[] contents, boolean executable) {
    put(relPath, new MemoryNode.RegularFile(contents.clone(), executable));
    return this;
  }

  /** Adds a non-executable regular file whose contents are the UTF-8 bytes of {@code text}. */
  public MemoryTreeBuilder file(String relPath, String text) {
    return file(relPath, text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Adds a symlink. */
  public MemoryTreeBuilder symlink(String relPath, String target) {
    put(relPath, new MemoryNode.Symlink(target));
    return this;
  }

  /** Adds an (empty) directory. */
  public MemoryTreeBuilder directory(String relPath) {
    dir(relPath.split("/"), relPath.split("/").length);
    return this;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> dir(String[] comps, int n) {
    Map<String, Object> d = root;
    for (int i = 0; i < n; i++) {
      Object o = d.computeIfAbsent(comps[i], k -> new LinkedHashMap<String, Object>());
      if (!(o instanceof Map)) {
        throw new IllegalArgumentException(comps[i] + " is not a directory");
      }
      d = (Map<String, Object>) o;
    }
    return d;
  }

  private void put(String relPath, MemoryNode node) {
    String[] comps = relPath.split("/");
    dir(comps, comps.length - 1).put(comps[comps.length - 1], node);
  }

  /** The tree built so far. */
  public MemoryNode.Directory build() {
    return toNode(root);
  }

  @SuppressWarnings("unchecked")
  private static MemoryNode.Directory toNode(Map<String, Object> m) {
    Map<String, MemoryNode> entries = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      entries.put(e.getKey(), v instanceof Map ? toNode((Map<String, Object>) v) : (MemoryNode) v);
    }
    return new MemoryNode.Directory(entries);
  }
}
