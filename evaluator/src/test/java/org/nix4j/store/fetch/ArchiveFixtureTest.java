package org.nix4j.store.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nix4j.store.MemoryStore;
import org.nix4j.store.PathInfo;
import org.nix4j.store.Store;
import org.nix4j.store.StoreException;
import org.nix4j.store.testing.Fixtures;
import org.nix4j.store.testing.NixValues;

/**
 * fetchTarball of the archives in {@code fixtures/store/archives/} (tar, bzip2, zip with modes
 * and symlinks, hard links, "./" prefixes, a single file, and the error cases) against
 * {@code fetchTarball.exp}, recorded with real Nix by {@code fixtures/store/regen.sh}.
 */
class ArchiveFixtureTest {
  @TempDir
  Path tmp;

  static Stream<List<String>> cases() throws IOException {
    return Files.readAllLines(Fixtures.root().resolve("store/archives/fetchTarball.exp")).stream()
        .map(l -> List.of(l.split("\t")));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fetchTarball(List<String> c) throws IOException {
    Path dir = Fixtures.root().resolve("store/archives");
    Path archive = dir.resolve(c.get(0));
    String url = "file://DIR/" + c.get(0);
    Store store = new MemoryStore();
    if (c.get(1).startsWith("error: ")) {
      StoreException e = assertThrows(StoreException.class,
          () -> Fetchers.fetchTarball(store, url, archive, "source", null, tmp));
      assertEquals(c.get(1), "error: " + e.getMessage());
    } else {
      PathInfo info = Fetchers.fetchTarball(store, url, archive, "source", null, tmp);
      assertEquals(NixValues.parse(c.get(1)),
          List.of(store.storeDir().print(info.path()), info.narHashSri()));
    }
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(0, s.count(), "temporary files are removed");
    }
  }
}
