package org.nix4j.io.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Path resolution in in-memory trees follows the same rules as the kernel's for the cases here. */
class MemoryFileTreeTest {
  private final MemoryFileTree tree = MemoryFileTree.of(new MemoryTreeBuilder()
      .file("top/a.txt", "alpha\n")
      .file("top/sub/c.txt", "c\n")
      .symlink("top/link", "a.txt")
      .symlink("top/sublink", "sub")
      .symlink("top/abs", "/top/sub/c.txt")
      .symlink("top/up", "../top/sub")
      .symlink("top/loop", "loop")
      .symlink("top/dangling", "nowhere")
      .directory("top/empty")
      .build());

  private String read(String p) throws IOException {
    try (InputStream in = tree.openFile(p)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void followsSymlinks() throws IOException {
    assertEquals("alpha\n", read("/top/link"));
    assertEquals("c\n", read("/top/sublink/c.txt"));
    assertEquals("c\n", read("/top/abs"));
    assertEquals("c\n", read("/top/up/c.txt"));
    assertEquals(FileType.SYMLINK, tree.lstat("/top/sublink").type());
    assertEquals(FileType.DIRECTORY, tree.stat("/top/sublink").type());
    assertEquals(new TreeSet<>(List.of("c.txt")), new TreeSet<>(tree.readDirectory("/top/sublink")));
    assertEquals("a.txt", tree.readLink("/top/link"));
  }

  @Test
  void missingAndBroken() throws IOException {
    assertNull(tree.lstat("/top/nope"));
    assertNull(tree.lstat("/top/a.txt/x"));
    assertEquals(FileType.SYMLINK, tree.lstat("/top/dangling").type());
    assertNull(tree.stat("/top/dangling"));
    assertThrows(IOException.class, () -> tree.stat("/top/loop"));
    assertThrows(java.nio.file.NoSuchFileException.class, () -> tree.openFile("/top/nope"));
    assertThrows(java.nio.file.NotDirectoryException.class, () -> tree.readDirectory("/top/a.txt"));
    assertEquals(List.of(), tree.readDirectory("/top/empty"));
  }

  @Test
  void rootAndCanonicalPaths() throws IOException {
    assertEquals(FileType.DIRECTORY, tree.lstat("/").type());
    assertEquals(List.of("top"), tree.readDirectory("/"));
    assertEquals("alpha\n", read("/top/./sub/../a.txt"));
    assertEquals("/a/b", Paths.canonical("//a/./b/"));
    assertEquals("/b", Paths.canonical("/a/../b"));
    assertEquals("/", Paths.canonical("/.."));
  }
}
