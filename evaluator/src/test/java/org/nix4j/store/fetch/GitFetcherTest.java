package org.nix4j.store.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nix4j.store.MemoryStore;
import org.nix4j.store.Store;
import org.nix4j.store.StoreException;
import org.nix4j.store.testing.Fixtures;

/** fetchGit of local repositories against {@code fixtures/eval/*}{@code /builtin-fetchGit-*}. */
class GitFetcherTest {
  @TempDir
  Path tmp;

  private final Store store = new MemoryStore();

  private static boolean hasCommit(Path repo, String rev) throws Exception {
    Process p = new ProcessBuilder("git", "-C", repo.toString(), "cat-file", "-e", rev + "^{commit}")
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  @Test
  void pinnedRevOfThisRepository() throws Exception {
    // fixtures/eval/ok/builtin-fetchGit-pinned-rev.nix: the first commit of this repository
    Path repo = Fixtures.root().getParent();
    String rev = "a16e234063f07e3d77cdad18d02aa5178ac89c68";
    assumeTrue(hasCommit(repo, rev), "the checkout lacks the history (shallow clone)");
    GitFetcher.Result r = GitFetcher.fetch(store, repo, null, rev, "source", tmp, w -> {});
    Map<String, Object> got = new TreeMap<>();
    got.put("lastModified", r.lastModified());
    got.put("lastModifiedDate", r.lastModifiedDate());
    got.put("narHash", r.narHash());
    got.put("outPath", store.storeDir().print(r.info().path()));
    got.put("rev", r.rev());
    got.put("revCount", r.revCount());
    got.put("shortRev", r.shortRev());
    got.put("submodules", r.submodules());
    assertEquals(Fixtures.okExp("builtin-fetchGit-pinned-rev"), got);
  }

  private static Path makeRepo(Path dir, boolean dirty) throws Exception {
    Path script = Fixtures.root().resolve("store/git/make-repo.sh");
    ProcessBuilder pb = dirty
        ? new ProcessBuilder("bash", script.toString(), dir.toString(), "dirty")
        : new ProcessBuilder("bash", script.toString(), dir.toString());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), out);
    return dir;
  }

  private Map<String, Object> asNix(GitFetcher.Result r) {
    Map<String, Object> got = new TreeMap<>();
    got.put("lastModified", r.lastModified());
    got.put("lastModifiedDate", r.lastModifiedDate());
    got.put("narHash", r.narHash());
    got.put("outPath", store.storeDir().print(r.info().path()));
    got.put("rev", r.rev());
    got.put("revCount", r.revCount());
    got.put("shortRev", r.shortRev());
    got.put("submodules", r.submodules());
    return got;
  }

  @Test
  void repositoryMadeByScript() throws Exception {
    // fixtures/store/git/fetchGit.exp, recorded by fixtures/store/regen.sh with real Nix
    Path clean = makeRepo(tmp.resolve("clean"), false);
    Path dirty = makeRepo(tmp.resolve("dirty"), true);
    Map<String, Object> exp = new TreeMap<>();
    for (String line : java.nio.file.Files.readAllLines(Fixtures.root().resolve("store/git/fetchGit.exp"))) {
      String[] f = line.split("\t");
      exp.put(f[0], org.nix4j.store.testing.NixValues.parse(f[2]));
    }
    java.util.List<String> warnings = new java.util.ArrayList<>();
    assertEquals(exp.get("clean"), asNix(GitFetcher.fetch(store, clean, null, null, "source", tmp, warnings::add)));
    assertEquals(java.util.List.of(), warnings);
    assertEquals(exp.get("rev"), asNix(GitFetcher.fetch(store, clean, null,
        "fb5b08d73f55ddd4f04511dbd3338bc8957c6f55", "source", tmp, warnings::add)));
    assertEquals(exp.get("ref"), asNix(GitFetcher.fetch(store, clean, "main", null, "source", tmp, warnings::add)));
    assertEquals(exp.get("name"), asNix(GitFetcher.fetch(store, clean, null, null, "renamed", tmp, warnings::add)));
    assertEquals(exp.get("dirty"), asNix(GitFetcher.fetch(store, dirty, null, null, "source", tmp, warnings::add)));
    assertEquals(java.util.List.of("Git tree '" + dirty + "' is dirty"), warnings);
  }

  @Test
  void badRev() {
    // fixtures/eval/fail/builtin-fetchGit-bad-rev.nix
    StoreException e = assertThrows(StoreException.class,
        () -> GitFetcher.fetch(store, tmp, null, "abc", "source", tmp, w -> {}));
    assertEquals(Fixtures.failMessage("builtin-fetchGit-bad-rev"), e.getMessage());
  }
}
