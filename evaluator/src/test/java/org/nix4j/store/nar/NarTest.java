package org.nix4j.store.nar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.MemoryFileTree;
import org.nix4j.io.fs.MemoryNode;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StoreException;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.testing.Fixtures;
import org.nix4j.store.testing.TreeSpec;

/**
 * NAR serialisation of the trees in {@code fixtures/store/trees/}, built on disk and in memory,
 * against {@code nix-hash}/{@code nix-store --dump} and {@code builtins.path} (see
 * {@code fixtures/store/regen.sh}); and NAR parsing.
 */
class NarTest {
  @TempDir
  Path tmp;

  static Stream<String> trees() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.root().resolve("store/trees"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tree"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  private static Map<String, String> expected(String tree) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String l : Files.readAllLines(Fixtures.root().resolve("store/trees/" + tree + ".exp"))) {
      int c = l.indexOf(": ");
      m.put(l.substring(0, c), l.substring(c + 2));
    }
    return m;
  }

  private static byte[] dump(FileTree t, String root) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Nar.dump(t, root, null, out);
    return out.toByteArray();
  }

  private static void check(Map<String, String> exp, FileTree t, String root) throws IOException {
    NarHash h = Nar.hash(t, root, null);
    assertEquals(exp.get("narHash"), h.hash().toString(org.nix4j.store.hash.HashFormat.BASE32, true));
    assertEquals(Long.parseLong(exp.get("narSize")), h.size());
    byte[] nar = dump(t, root);
    assertEquals(exp.get("narSha256"), Hash.hash(HashAlgorithm.SHA256, nar).toBase16());
    assertEquals(exp.get("sourcePath"), StoreDir.DEFAULT.print(StoreDir.DEFAULT.makeFixedOutputPath(
        FileIngestionMethod.RECURSIVE, h.hash(), "t")));
  }

  @ParameterizedTest
  @MethodSource("trees")
  void onDisk(String tree) throws IOException {
    Path root = tmp.resolve(tree);
    TreeSpec.disk(Fixtures.root().resolve("store/trees/" + tree + ".tree"), root);
    check(expected(tree), NioFileTree.root(), NioFileTree.toBytes(root.toString()));
    // the same tree seen through a base directory
    check(expected(tree), new NioFileTree(tmp), "/" + tree);
  }

  @ParameterizedTest
  @MethodSource("trees")
  void inMemory(String tree) throws IOException {
    MemoryNode.Directory d = TreeSpec.memory(Fixtures.root().resolve("store/trees/" + tree + ".tree"));
    check(expected(tree), MemoryFileTree.single("t", d), "/t");
  }

  @ParameterizedTest
  @MethodSource("trees")
  void parseAndRewrite(String tree) throws IOException {
    MemoryNode.Directory d = TreeSpec.memory(Fixtures.root().resolve("store/trees/" + tree + ".tree"));
    byte[] nar = dump(MemoryFileTree.single("t", d), "/t");
    MemoryTreeSink sink = new MemoryTreeSink();
    NarReader.read(new ByteArrayInputStream(nar), sink);
    byte[] again = dump(MemoryFileTree.single("t", sink.result()), "/t");
    assertArrayEquals(nar, again);
    // and restored to disk
    Path out = tmp.resolve("restored-" + tree);
    NarReader.read(new ByteArrayInputStream(nar), new DirectoryTreeSink(out));
    assertArrayEquals(nar, dump(NioFileTree.root(), NioFileTree.toBytes(out.toString())));
  }

  @Test
  void badArchives() {
    assertThrows(StoreException.class, () -> NarReader.read(
        new ByteArrayInputStream(new byte[] {13, 0, 0, 0, 0, 0, 0, 0, 'n', 'o', 't', '-', 'a', 'n', '-', 'a', 'r', 'c', 'h', 'i', 'v', 0, 0, 0}),
        new MemoryTreeSink()));
    assertThrows(IOException.class, () -> NarReader.read(new ByteArrayInputStream(new byte[3]), new MemoryTreeSink()));
  }

  @Test
  void unknownEntriesAndMissingRoots() throws IOException {
    assertThrows(java.nio.file.NoSuchFileException.class,
        () -> Nar.hash(NioFileTree.root(), NioFileTree.toBytes(tmp.resolve("missing").toString()), null));
    Path fifoDir = tmp.resolve("with-fifo");
    Files.createDirectory(fifoDir);
    Process p = new ProcessBuilder("mkfifo", fifoDir.resolve("pipe").toString()).start();
    try {
      if (p.waitFor() != 0) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    String dir = NioFileTree.toBytes(fifoDir.toString());
    StoreException e = assertThrows(StoreException.class, () -> Nar.hash(NioFileTree.root(), dir, null));
    assertEquals("file '" + dir + "/pipe' has an unsupported type", e.getMessage());
    // a filter that drops it makes the tree hashable; it was asked with type "unknown"
    List<String> asked = new ArrayList<>();
    Nar.hash(NioFileTree.root(), dir, (path, type) -> {
      asked.add(type.nixName());
      return false;
    });
    assertEquals(List.of("unknown"), asked);
  }

  @Test
  void deepTreesDoNotRecurse() throws IOException {
    // 5000 nested directories: the walk, the writer and the reader use explicit stacks
    MemoryNode.Directory root = buildIteratively(5000);
    byte[] nar = dump(MemoryFileTree.single("t", root), "/t");
    MemoryTreeSink sink = new MemoryTreeSink();
    NarReader.read(new ByteArrayInputStream(nar), sink);
    assertEquals(MemoryNode.Directory.class, sink.result().getClass());
  }

  private static MemoryNode.Directory buildIteratively(int depth) {
    MemoryNode.Directory d = new MemoryNode.Directory(Map.of());
    for (int i = 0; i < depth; i++) {
      d = new MemoryNode.Directory(Map.of("d", d));
    }
    return d;
  }
}
