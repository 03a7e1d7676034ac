package org.nix4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nix4j.io.fs.FileInfo;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.FileType;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.io.fs.Paths;
import org.nix4j.store.derivation.DerivationBuilder;
import org.nix4j.store.derivation.DerivationResult;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.nar.FilterQuery;
import org.nix4j.store.nar.PathFilter;
import org.nix4j.store.testing.Fixtures;

/**
 * Both store implementations against the toFile, path, filterSource and store-path fixtures
 * ({@code fixtures/eval/{ok,fail}/builtin-toFile-*}, {@code builtin-path-*},
 * {@code builtin-filterSource-*}, {@code store-path-*}), plus reading back and concurrency.
 */
class StoreTest {
  @TempDir
  static Path cache;

  static Stream<Store> stores() throws IOException {
    return Stream.of(new MemoryStore(),
        new DirectoryStore(cache.resolve("c" + System.nanoTime()), StoreDir.DEFAULT));
  }

  private static final NioFileTree FS = NioFileTree.root();

  private static String text(Store s, String path) throws IOException {
    try (InputStream in = s.files().openFile(path)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private static String addSource(Store s, String dataRel) throws IOException {
    String p = Fixtures.dataPath(dataRel);
    return path(s, s.addPath(FS, p, Paths.baseName(p), FileIngestionMethod.RECURSIVE,
        HashAlgorithm.SHA256, null));
  }

  private static String path(Store s, PathInfo info) {
    return s.storeDir().print(info.path());
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(String fixture) {
    return (List<Object>) Fixtures.okExp(fixture);
  }

  @ParameterizedTest
  @MethodSource("stores")
  void toFile(Store s) throws IOException {
    // fixtures/eval/ok/builtin-toFile-empty.nix, builtin-toFile-readwrite.nix
    assertEquals(Fixtures.okExp("builtin-toFile-empty"),
        s.storeDir().print(s.addText("builtin-tofile-empty", "", List.of())));
    String contents = NioFileTree.toBytes("contents ü\n");
    StorePath p = s.addText("builtin-tofile-rw", contents, List.of());
    String printed = s.storeDir().print(p);
    assertEquals(list("builtin-toFile-readwrite"), List.of(printed, text(s, printed), true));
    assertEquals(FileInfo.regular(contents.length(), false), s.files().lstat(printed));
    // fixtures/eval/ok/store-path-same-content-different-name.nix
    assertEquals(list("store-path-same-content-different-name"), List.of(
        s.storeDir().print(s.addText("builtin-same-a", "same", List.of())),
        s.storeDir().print(s.addText("builtin-same-b", "same", List.of()))));
    // fixtures/eval/ok/store-path-toFile-hidden-name.nix, -name-chars.nix, -name-dot.nix
    assertEquals(Fixtures.okExp("store-path-toFile-hidden-name"),
        s.storeDir().print(s.addText(".hidden-file", "x", List.of())));
    assertEquals(Fixtures.okExp("store-path-toFile-name-chars"),
        s.storeDir().print(s.addText("a+b-c.d_e?f=g", "x", List.of())));
    assertEquals(Fixtures.okExp("store-path-toFile-name-dot"),
        s.storeDir().print(s.addText(".", "x", List.of())));
    // fixtures/eval/fail/builtin-toFile-bad-name.nix
    StoreException e = assertThrows(StoreException.class, () -> s.addText("bad/name", "x", List.of()));
    assertEquals(Fixtures.failMessage("builtin-toFile-bad-name"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("stores")
  void toFileWithReferences(Store s) throws IOException {
    // fixtures/eval/ok/builtin-toFile-reference.nix
    StorePath a = s.addText("builtin-tofile-a", "a", List.of());
    String hello = addSource(s, "builtin-hello.txt");
    StorePath b = s.addText("builtin-tofile-b",
        "see " + s.storeDir().print(a) + " and " + hello, List.of(a, s.storeDir().parse(hello)));
    assertEquals(list("builtin-toFile-reference").get(0), s.storeDir().print(b));
    assertEquals(Set.of(b, a, s.storeDir().parse(hello)), s.closure(b));
    // the read-only variants compute the same paths without writing
    // (fixtures/eval/ok/builtin-toFile-readonly.nix)
    assertEquals(list("builtin-toFile-readonly").get(0), s.storeDir().print(
        s.storeDir().computeTextPath("builtin-tofile-ro", "hello\n", List.of())));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void sources(Store s) throws IOException {
    // fixtures/eval/ok/store-path-interpolation.nix
    assertEquals(Fixtures.okExp("store-path-interpolation"), List.of(
        addSource(s, "builtin-hello.txt"), addSource(s, "builtin-tree"),
        addSource(s, "builtin-tree/sub"), addSource(s, "builtin-empty.txt")));
    // fixtures/eval/ok/store-path-executable.nix, store-path-hidden-file.nix, store-path-symlink.nix
    assertEquals(Fixtures.okExp("store-path-executable"), addSource(s, "builtin-tree/run.sh"));
    assertEquals(Fixtures.okExp("store-path-hidden-file"), addSource(s, "builtin-tree/.hidden"));
    assertEquals(Fixtures.okExp("store-path-symlink"),
        List.of(addSource(s, "builtin-tree/link"), addSource(s, "builtin-tree/a.txt")));
    // fixtures/eval/ok/store-path-symlink-dir.nix: a symlink is copied as a symlink
    List<Object> exp = list("store-path-symlink-dir");
    assertEquals(exp.get(0), addSource(s, "builtin-tree-link"));
    assertEquals(exp.get(2), addSource(s, "builtin-broken-link"));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void readBackCopiedSource(Store s) throws IOException {
    // fixtures/eval/ok/store-path-readwrite-copy.nix
    String p = addSource(s, "builtin-tree");
    FileTree f = s.files();
    Map<String, String> sub = new TreeMap<>();
    for (String n : f.readDirectory(p + "/sub")) {
      sub.put(n, f.lstat(p + "/sub/" + n).type().nixName());
    }
    assertEquals(list("store-path-readwrite-copy"),
        List.of(p, text(s, p + "/a.txt"), sub, text(s, p + "/link")));
    assertEquals(FileType.SYMLINK, f.lstat(p + "/link").type());
    assertEquals(FileType.REGULAR, f.stat(p + "/link").type());
    assertTrue(f.lstat(p + "/run.sh").executable());
    assertFalse(f.lstat(p + "/a.txt").executable());
    // fixtures/eval/ok/builtin-pathExists-store.nix
    assertEquals(list("builtin-pathExists-store"),
        List.of(f.lstat(p + "/sub/c.txt") != null, f.lstat(p + "/missing") != null));
    // paths that were never added are not there
    assertNull(f.lstat(s.storeDir().path() + "/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x"));
    assertTrue(f.readDirectory(s.storeDir().path()).contains(s.storeDir().parse(p).baseName()));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void builtinsPath(Store s) throws IOException {
    String tree = Fixtures.dataPath("builtin-tree");
    String hello = Fixtures.dataPath("builtin-hello.txt");
    // fixtures/eval/ok/builtin-path-name.nix
    assertEquals(Fixtures.okExp("builtin-path-name"), List.of(
        path(s, s.addPath(FS, tree, "renamed", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null)),
        path(s, s.addPath(FS, hello, "greeting", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null))));
    // fixtures/eval/ok/builtin-path-recursive-false.nix and builtin-path-sha256.nix
    PathInfo flat = s.addPath(FS, hello, "builtin-hello.txt", FileIngestionMethod.FLAT, HashAlgorithm.SHA256, null);
    assertEquals(list("builtin-path-recursive-false").get(0), path(s, flat));
    assertEquals(Fixtures.okExp("builtin-path-sha256"), path(s, flat));
    assertEquals("Hello, world!\n", text(s, path(s, flat)));
    // fixtures/eval/ok/builtin-fetchurl-file-url.nix: fetchurl of a file is the same flat path
    assertEquals(list("builtin-fetchurl-file-url").get(0), path(s, flat));
    // fixtures/eval/ok/builtin-path-filter.nix
    assertEquals(Fixtures.okExp("builtin-path-filter"), path(s, s.addPath(FS, tree, "txt-only",
        FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256,
        (p, t) -> t == FileType.DIRECTORY || p.endsWith(".txt"))));
    // fixtures/eval/ok/builtin-path-filter-types.nix
    assertEquals(Fixtures.okExp("builtin-path-filter-types"), List.of(
        path(s, s.addPath(FS, tree, "all", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, PathFilter.ALL)),
        path(s, s.addPath(FS, tree, "all", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256,
            (p, t) -> t != FileType.SYMLINK && !Paths.baseName(p).equals(".hidden")))));
    // fixtures/eval/ok/builtin-path-filter-exclude-dir.nix
    assertEquals(Fixtures.okExp("builtin-path-filter-exclude-dir"), path(s, s.addPath(FS, tree, "no-sub",
        FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, (p, t) -> t != FileType.DIRECTORY)));
    // fixtures/eval/fail/builtin-path-bad-name.nix
    StoreException e = assertThrows(StoreException.class, () ->
        s.addPath(FS, hello, "a b", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null));
    assertEquals(Fixtures.failMessage("builtin-path-bad-name"), e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("stores")
  void filterSource(Store s) throws IOException {
    String tree = Fixtures.dataPath("builtin-tree");
    // fixtures/eval/ok/builtin-filterSource-basic.nix
    assertEquals(Fixtures.okExp("builtin-filterSource-basic"), List.of(
        path(s, s.addPath(FS, tree, "builtin-tree", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, PathFilter.ALL)),
        path(s, s.addPath(FS, tree, "builtin-tree", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256,
            (p, t) -> t == FileType.REGULAR))));
    // fixtures/eval/ok/store-path-filterSource-empty.nix and builtin-filterSource-file.nix
    assertEquals(Fixtures.okExp("store-path-filterSource-empty"), path(s, s.addPath(FS, tree,
        "builtin-tree", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, (p, t) -> false)));
    assertEquals(Fixtures.okExp("builtin-filterSource-file"), path(s, s.addPath(FS,
        Fixtures.dataPath("builtin-hello.txt"), "builtin-hello.txt", FileIngestionMethod.RECURSIVE,
        HashAlgorithm.SHA256, (p, t) -> false)));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void filterDrivenStepByStep(Store s) throws IOException {
    // fixtures/eval/ok/builtin-filterSource-filter-args.nix, answered one query at a time the
    // way the evaluator will; the queries come depth first in name order, never for the root
    // nor for the contents of an excluded directory.
    String tree = Fixtures.dataPath("builtin-tree");
    List<String> asked = new ArrayList<>();
    PathInfo info;
    try (PathImport imp = s.beginImport(FS, tree, "builtin-tree", FileIngestionMethod.RECURSIVE,
        HashAlgorithm.SHA256, true, true)) {
      for (FilterQuery q; (q = imp.next()) != null; ) {
        asked.add(q.path().substring(tree.length()) + ":" + q.type().nixName());
        String base = Paths.baseName(q.path());
        imp.answer(base.equals("sub") || base.equals("c.txt"));
      }
      info = imp.finish();
    }
    assertEquals(list("builtin-filterSource-filter-args").get(0), path(s, info));
    assertEquals(List.of("/.hidden:regular", "/a.txt:regular", "/b.nix:regular", "/link:symlink",
        "/run.sh:regular", "/sub:directory", "/sub/c.txt:regular"), asked);
    assertTrue(s.isValid(info.path()));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void dryRunWritesNothing(Store s) throws IOException {
    String tree = Fixtures.dataPath("builtin-tree");
    PathInfo info;
    try (PathImport imp = s.beginImport(FS, tree, "dry", FileIngestionMethod.RECURSIVE,
        HashAlgorithm.SHA256, false, false)) {
      assertNull(imp.next());
      info = imp.finish();
    }
    assertFalse(s.isValid(info.path()));
    assertNull(s.files().lstat(path(s, info)));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void derivationsAreWrittenAndRead(Store s) throws IOException {
    // fixtures/eval/ok/derivation-drv-text-input-drv.nix, written to and read back from the store
    DerivationResult dep = new DerivationBuilder(s.storeDir(), s.derivationHasher(), "drv-dep")
        .platform("x86_64-linux").builder("/bin/sh").outputs(List.of("out", "lib"))
        .env("name", "drv-dep").env("system", "x86_64-linux").env("builder", "/bin/sh")
        .env("outputs", "out lib").build(w -> {});
    assertEquals(dep.drvPath(), s.writeDerivation(dep.derivation()));
    assertEquals(dep.derivation(), s.readDerivation(dep.drvPath()));
    assertEquals(dep.aterm(), text(s, s.storeDir().print(dep.drvPath())));
    // a fresh hasher must load the input derivation from the store
    Store fresh = s;
    String depOut = s.storeDir().print(dep.derivation().outputs().get("out").path());
    String depLib = s.storeDir().print(dep.derivation().outputs().get("lib").path());
    org.nix4j.store.derivation.DerivationHasher h2 = new org.nix4j.store.derivation.DerivationHasher(
        s.storeDir(), p -> {
          try {
            return fresh.readDerivation(p);
          } catch (IOException e) {
            throw new StoreException(e.getMessage());
          }
        });
    DerivationResult user = new DerivationBuilder(s.storeDir(), h2, "drv-user")
        .platform("x86_64-linux").builder("/bin/sh")
        .env("name", "drv-user").env("system", "x86_64-linux").env("builder", "/bin/sh")
        .env("buildInputs", depLib).env("script", depOut + "/bin/x")
        .inputDrv(dep.drvPath(), "lib").inputDrv(dep.drvPath(), "out").build(w -> {});
    assertEquals(Fixtures.okExp("derivation-drv-text-input-drv"), user.aterm());
    StorePath userDrv = s.writeDerivation(user.derivation());
    assertEquals(Set.of(userDrv, dep.drvPath()), s.closure(userDrv));
    // fixtures/eval/fail/derivation-readonly-readFile-drv.nix: never written means not valid
    StorePath never = s.storeDir().parse(
        "/nix/store/bsmn6crqbrz73h64s7npc6m82c6w3r7v-derivation-ro-only-never-written.drv");
    StoreException e = assertThrows(StoreException.class, () -> s.readDerivation(never));
    assertEquals(Fixtures.failMessage("derivation-readonly-readFile-drv"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void directoryStoresShareACache() throws IOException {
    // two stores (think: two processes) on one cache directory; the second copy of the same
    // tree loses the race to rename into place and must keep the first one
    Path dir = cache.resolve("shared" + System.nanoTime());
    DirectoryStore a = new DirectoryStore(dir, StoreDir.DEFAULT);
    DirectoryStore b = new DirectoryStore(dir, StoreDir.DEFAULT);
    String tree = Fixtures.dataPath("builtin-tree");
    try (PathImport ia = a.beginImport(FS, tree, "builtin-tree", FileIngestionMethod.RECURSIVE,
            HashAlgorithm.SHA256, false, true);
        PathImport ib = b.beginImport(FS, tree, "builtin-tree", FileIngestionMethod.RECURSIVE,
            HashAlgorithm.SHA256, false, true)) {
      assertNull(ia.next());
      assertNull(ib.next());
      PathInfo first = ia.finish();
      PathInfo second = ib.finish();
      assertEquals(first, second);
    }
    StorePath p = StoreDir.DEFAULT.parse((String) Fixtures.okExp("store-path-executable")
        .toString().replace("hgl6cwhlhzpznapan2nfnls2nyyv4lqb-run.sh", "n0kc6alav3vv131w3iafm867plhddw8r-builtin-tree"));
    assertTrue(a.isValid(p));
    assertTrue(b.isValid(p));
    assertEquals("alpha\n", text(b, StoreDir.DEFAULT.print(p) + "/a.txt"));
    // a third store opened later sees what the others added
    assertTrue(new DirectoryStore(dir, StoreDir.DEFAULT).isValid(p));
    try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir.resolve("tmp"))) {
      assertEquals(0, s.count());
    }
    // the race itself: another process renamed its copy into place but has not yet written the
    // info file when this one renames (rename(2) fails with ENOTEMPTY); theirs is kept
    Path dir2 = cache.resolve("race" + System.nanoTime());
    DirectoryStore c = new DirectoryStore(dir2, StoreDir.DEFAULT);
    Path theirs = dir2.resolve("store").resolve(p.baseName());
    java.nio.file.Files.createDirectories(theirs);
    java.nio.file.Files.writeString(theirs.resolve("marker"), "theirs");
    PathInfo info = c.addPath(FS, tree, "builtin-tree", FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null);
    assertEquals(p, info.path());
    assertTrue(c.isValid(p));
    assertEquals("theirs", text(c, StoreDir.DEFAULT.print(p) + "/marker"));
  }

  @ParameterizedTest
  @MethodSource("stores")
  void concurrentAdds(Store s) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<StorePath>> fs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int k = i % 8;
        fs.add(pool.submit(() -> k % 2 == 0
            ? s.addText("t" + k, "contents " + k, List.of())
            : s.addPath(FS, Fixtures.dataPath("builtin-tree"), "tree" + k,
                FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null).path()));
      }
      Set<StorePath> paths = new java.util.HashSet<>();
      for (Future<StorePath> f : fs) {
        paths.add(f.get());
      }
      assertEquals(8, paths.size());
      for (StorePath p : paths) {
        assertTrue(s.isValid(p));
      }
      assertEquals(Hash.hashBytes(HashAlgorithm.SHA256, "contents 0"),
          Hash.hashBytes(HashAlgorithm.SHA256, text(s, s.storeDir().print(
              s.storeDir().computeTextPath("t0", "contents 0", List.of())))));
    } finally {
      pool.shutdownNow();
    }
  }
}
