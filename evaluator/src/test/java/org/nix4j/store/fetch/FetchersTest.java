package org.nix4j.store.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nix4j.io.fs.FileTree;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.MemoryStore;
import org.nix4j.store.PathInfo;
import org.nix4j.store.Store;
import org.nix4j.store.StoreException;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.testing.Fixtures;

/** fetchurl and fetchTarball of local files against {@code fixtures/eval/*}{@code /builtin-fetch*}. */
class FetchersTest {
  @TempDir
  Path tmp;

  private final Store store = new MemoryStore();

  private static String url(String dataRel) {
    return "file://" + Fixtures.dataPath(dataRel);
  }

  private static Path file(String dataRel) {
    return Fixtures.data().resolve(dataRel);
  }

  private String print(PathInfo info) {
    return store.storeDir().print(info.path());
  }

  private PathInfo tarball(String dataRel, String name, Hash expected) throws IOException {
    return Fetchers.fetchTarball(store, url(dataRel), file(dataRel), name, expected, tmp);
  }

  private String read(String path) throws IOException {
    try (InputStream in = store.files().openFile(path)) {
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  private Map<String, String> readDir(String path) throws IOException {
    FileTree f = store.files();
    Map<String, String> m = new TreeMap<>();
    for (String n : f.readDirectory(path)) {
      m.put(n, f.lstat(path + "/" + n).type().nixName());
    }
    return m;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(String fixture) {
    return (List<Object>) Fixtures.okExp(fixture);
  }

  @Test
  void tarballGz() throws IOException {
    // fixtures/eval/ok/builtin-fetchTarball-single-dir.nix
    String p = print(tarball("builtin-pkg.tar.gz", "source", null));
    assertEquals(list("builtin-fetchTarball-single-dir"),
        List.of(p, readDir(p), read(p + "/file.txt"), readDir(p + "/bin")));
    assertTrue(store.files().lstat(p + "/bin/run").executable());
    // fixtures/eval/ok/builtin-fetchTarball-name-sha256.nix
    Hash h = Hash.parseAny("1cahmlh3zrhgw2yabnw091sqw4is3qzbz8lgx8ysx1n7w81w3q1y", HashAlgorithm.SHA256);
    assertEquals(Fixtures.okExp("builtin-fetchTarball-name-sha256"),
        print(tarball("builtin-pkg.tar.gz", "builtin-pkg", h)));
    assertEquals(Fixtures.okExp("builtin-fetchTarball-name-sha256"), store.storeDir().print(
        Fetchers.expectedPath(store, h, "builtin-pkg", true).orElseThrow()));
    // fixtures/eval/ok/builtin-fetchTree-tarball.nix: the narHash
    PathInfo info = tarball("builtin-pkg.tar.gz", "source", null);
    assertEquals(list("builtin-fetchTree-tarball").subList(1, 3), List.of(print(info), info.narHashSri()));
  }

  @Test
  void tarballXzWithSymlinkAndZip() throws IOException {
    // fixtures/eval/ok/builtin-fetchTarball-xz-symlink.nix
    String p = print(tarball("builtin-proj.tar.xz", "source", null));
    assertEquals(list("builtin-fetchTarball-xz-symlink"), List.of(p, readDir(p), read(p + "/ln")));
    // fixtures/eval/ok/builtin-fetchTarball-zip.nix
    String z = print(tarball("builtin-proj.zip", "source", null));
    assertEquals(list("builtin-fetchTarball-zip"), List.of(z, readDir(z), read(z + "/d/z.txt")));
  }

  @Test
  void tarballErrors() {
    // fixtures/eval/fail/builtin-fetchTarball-flat.nix (the fixture spells the URL differently)
    StoreException e = assertThrows(StoreException.class, () -> tarball("builtin-flat.tar.gz", "source", null));
    assertEquals(Fixtures.failMessage("builtin-fetchTarball-flat").replace(
        "file://@DIR@/../data/builtin-flat.tar.gz", url("builtin-flat.tar.gz")), e.getMessage());
    // fixtures/eval/fail/builtin-fetchTarball-not-tarball.nix
    e = assertThrows(StoreException.class, () -> Fetchers.fetchTarball(store, "file:///x",
        Fixtures.root().resolve("eval/fail/builtin-fetchTarball-not-tarball.nix"), "source", null, tmp));
    assertEquals(Fixtures.failMessage("builtin-fetchTarball-not-tarball"), e.getMessage());
    // fixtures/eval/fail/builtin-fetchTarball-sha256-mismatch.nix (first line; the rest was
    // printed by `nix-instantiate --store /tmp/nixoracle --eval -E 'fetchTarball { url = …;
    // sha256 = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="; }'`)
    e = assertThrows(StoreException.class, () -> tarball("builtin-pkg.tar.gz", "source",
        Hash.parseAny("0000000000000000000000000000000000000000000000000000", HashAlgorithm.SHA256)));
    assertEquals("hash mismatch in file downloaded from '" + url("builtin-pkg.tar.gz") + "':\n"
        + "  specified: sha256:0000000000000000000000000000000000000000000000000000\n"
        + "  got:       sha256:1cahmlh3zrhgw2yabnw091sqw4is3qzbz8lgx8ysx1n7w81w3q1y", e.getMessage());
  }

  @Test
  void fetchurl() throws IOException {
    // fixtures/eval/ok/builtin-fetchurl-file-url.nix, builtin-fetchurl-name.nix
    String u = url("builtin-hello.txt");
    PathInfo p = Fetchers.fetchurl(store, u, file("builtin-hello.txt"), Fetchers.defaultName(u), null);
    assertEquals(list("builtin-fetchurl-file-url"), List.of(print(p), true, read(print(p))));
    assertEquals(Fixtures.okExp("builtin-fetchurl-name"),
        print(Fetchers.fetchurl(store, u, file("builtin-hello.txt"), "builtin-fetched", null)));
    // fixtures/eval/ok/builtin-fetchurl-sha256.nix
    String n = url("builtin-nonl.txt");
    Hash h = org.nix4j.store.nar.Nar.hashFile(NioFileTree.root(), Fixtures.dataPath("builtin-nonl.txt"),
        HashAlgorithm.SHA256);
    assertEquals(Fixtures.okExp("builtin-fetchurl-sha256"),
        print(Fetchers.fetchurl(store, n, file("builtin-nonl.txt"), Fetchers.defaultName(n), h)));
    // fixtures/eval/ok/builtin-fetchurl-tarball-unpacked-false.nix
    String t = url("builtin-pkg.tar.gz");
    assertEquals(list("builtin-fetchurl-tarball-unpacked-false").get(0),
        print(Fetchers.fetchurl(store, t, file("builtin-pkg.tar.gz"), Fetchers.defaultName(t), null)));
    // fixtures/eval/fail/builtin-fetchurl-missing-file.nix
    StoreException e = assertThrows(StoreException.class, () -> Fetchers.fetchurl(store,
        "file://@DIR@/builtin-no-such-file", Path.of("/nonexistent/builtin-no-such-file"), "x", null));
    assertEquals(Fixtures.failMessage("builtin-fetchurl-missing-file"), e.getMessage());
    // the message printed by `nix-instantiate --store /tmp/nixoracle --eval -E 'builtins.fetchurl
    // { url = "file:///work/main/README.md"; sha256 = "0000…"; }'` had this shape
    e = assertThrows(StoreException.class, () -> Fetchers.fetchurl(store, u, file("builtin-hello.txt"),
        "x", Hash.parseAny("0000000000000000000000000000000000000000000000000000", HashAlgorithm.SHA256)));
    assertTrue(e.getMessage().startsWith("hash mismatch in file downloaded from '" + u + "':\n  specified: sha256:0000"));
  }

  @Test
  void fetchTreePath() throws IOException {
    // fixtures/eval/ok/builtin-fetchTree-path.nix: a local path is a "source" copy
    PathInfo p = store.addPath(NioFileTree.root(), Fixtures.dataPath("builtin-tree"), "source",
        FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null);
    assertEquals(list("builtin-fetchTree-path").subList(1, 3), List.of(print(p), p.narHashSri()));
  }

  @Test
  void urls() {
    assertEquals("builtin-hello.txt", Fetchers.defaultName("file:///a/b/builtin-hello.txt"));
    assertEquals("b", Fetchers.defaultName("https://x/a/b/"));
    assertEquals(Path.of("/a b/c"), Fetchers.localFile("file:///a%20b/c").orElseThrow());
    assertTrue(Fetchers.localFile("https://example.org/x").isEmpty());
  }
}
