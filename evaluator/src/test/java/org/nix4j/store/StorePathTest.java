package org.nix4j.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nix4j.store.testing.Fixtures;

/** Store path parsing and validation, with the messages real Nix printed (cited fixtures). */
class StorePathTest {
  private final StoreDir store = StoreDir.DEFAULT;

  private static String message(Runnable r) {
    return assertThrows(BadStorePathException.class, r::run).getMessage();
  }

  @Test
  void parsesHashPartAndName() {
    StorePath p = store.parse("/nix/store/29gpdk328drgjq47ldhfx9y3m6wfcck4-builtin-hello.txt");
    assertEquals("29gpdk328drgjq47ldhfx9y3m6wfcck4", p.hashPart());
    assertEquals("builtin-hello.txt", p.name());
    assertFalse(p.isDerivation());
    assertTrue(store.parse("/nix/store/fk30qk8qzjr95n0nfcyl2kqvvv4vrwjn-drv-basic.drv").isDerivation());
    // canonicalised first, like Nix's parseStorePath
    assertEquals(p, store.parse("/nix/store/./29gpdk328drgjq47ldhfx9y3m6wfcck4-builtin-hello.txt/"));
    assertEquals(p, store.containing("/nix/store/29gpdk328drgjq47ldhfx9y3m6wfcck4-builtin-hello.txt/a/b"));
  }

  @Test
  void rejectsLikeNix() {
    // fixtures/eval/fail/builtin-storePath-not-in-store.nix, builtin-storePath-store-dir.nix
    assertEquals("path '/x/y.nix' is not in the Nix store", message(() -> store.parse("/x/y.nix")));
    assertEquals(Fixtures.failMessage("builtin-storePath-store-dir"), message(() -> store.parse("/nix/store")));
    // the next three as printed by `nix-store --store /tmp/nixoracle -q --references PATH`
    assertEquals("'abc' is too short to be a valid store path", message(() -> store.parse("/nix/store/abc")));
    assertEquals("store path 'eaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x' contains illegal base-32 character 'e'",
        message(() -> store.parse("/nix/store/eaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-x")));
    assertEquals("store path 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-' has an empty name",
        message(() -> store.parse("/nix/store/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-")));
    // `nix-instantiate --eval -E 'builtins.toFile "é" "x"'` printed the first UTF-8 byte
    assertEquals("store path 'fcwpaxmwcvmm1sss1scshna3sn7asxa4-\u00c3\u00a9' contains illegal character '\u00c3'",
        message(() -> store.computeTextPath("\u00c3\u00a9", "x", List.of())));
    // `nix-instantiate --eval -E 'builtins.toFile "" "x"'`
    assertEquals("store path '9r1mh2rc3s3i33vpdw86kqqyvy9i1y4w-' has an empty name",
        message(() -> store.computeTextPath("", "x", List.of())));
  }

  @Test
  void acceptsWhatNix28Accepts() {
    // `nix-instantiate --eval -E 'builtins.toFile NAME "x"'` for "..", "-" and ".-a"
    assertEquals("/nix/store/hv29bhyiqgqrrvfwnrc9gg9g9cw83k4b-..", store.print(store.computeTextPath("..", "x", List.of())));
    assertEquals("/nix/store/2bzr59abk88imj3hm6y1abywv62x2lq6--", store.print(store.computeTextPath("-", "x", List.of())));
    assertEquals("/nix/store/g7wasvn73490h0wf91fi01lavjcr2ira-.-a", store.print(store.computeTextPath(".-a", "x", List.of())));
  }

  @Test
  void otherStoreDirectories() {
    StoreDir other = new StoreDir("/tmp/store/");
    assertEquals("/tmp/store", other.path());
    StorePath a = other.computeTextPath("a", "b", List.of());
    StorePath b = store.computeTextPath("a", "b", List.of());
    assertFalse(a.equals(b));
    assertTrue(other.isInStore(other.print(a) + "/x"));
    assertFalse(other.isInStore("/tmp/storex/y"));
  }
}
