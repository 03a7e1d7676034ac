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

  @Test
  void badRev() {
    // fixtures/eval/fail/builtin-fetchGit-bad-rev.nix
    StoreException e = assertThrows(StoreException.class,
        () -> GitFetcher.fetch(store, tmp, null, "abc", "source", tmp, w -> {}));
    assertEquals(Fixtures.failMessage("builtin-fetchGit-bad-rev"), e.getMessage());
  }
}
