package org.nix4j.store.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StoreException;
import org.nix4j.store.testing.Fixtures;
import org.nix4j.store.testing.TreeSpec;

/**
 * Hash printing and parsing against real Nix: {@code fixtures/store/hash-strings.exp} (every
 * format of every algorithm) and {@code fixtures/store/hash-parse.exp} (what Nix accepts as an
 * {@code outputHash} and its errors), plus the builtins.hashString fixtures.
 */
class HashTest {
  static Stream<List<String>> hashStrings() throws IOException {
    return lines("hash-strings.exp");
  }

  static Stream<List<String>> hashParses() throws IOException {
    return lines("hash-parse.exp");
  }

  private static Stream<List<String>> lines(String file) throws IOException {
    return Files.readAllLines(Fixtures.root().resolve("store/" + file), StandardCharsets.UTF_8)
        .stream().map(l -> List.of(l.split("\t", -1)));
  }

  @ParameterizedTest
  @MethodSource("hashStrings")
  void printsEveryFormat(List<String> r) {
    String[] row = r.toArray(new String[0]);
    byte[] input = TreeSpec.unescape(row[0]);
    HashAlgorithm algo = HashAlgorithm.parse(row[1]);
    Hash h = Hash.hash(algo, input);
    assertEquals(row[2], h.toBase16());
    assertEquals(row[3], h.toBase32());
    assertEquals(row[4], h.toBase64());
    assertEquals(row[5], h.toSri());
    assertEquals(row[1] + ":" + row[3], h.toString(HashFormat.BASE32, true));
    for (int i = 2; i <= 4; i++) {
      assertEquals(h, Hash.parseAny(row[i], algo));
      assertEquals(h, Hash.parseAny(row[1] + ":" + row[i], null));
    }
    assertEquals(h, Hash.parseSri(row[5]));
    assertEquals(h, Hash.parseAnyPrefixed(row[5]));
  }

  @ParameterizedTest
  @MethodSource("hashParses")
  void parsesLikeNix(List<String> r) {
    String[] row = r.toArray(new String[0]);
    HashAlgorithm ctx = row[1].equals("-") ? null : HashAlgorithm.lookup(row[1]).orElseThrow();
    String exp = row[2];
    if (exp.startsWith("ok ")) {
      Hash h = Hash.parseAny(row[0], ctx);
      assertEquals(exp.substring(3), StoreDir.DEFAULT.print(
          StoreDir.DEFAULT.makeFixedOutputPath(FileIngestionMethod.FLAT, h, "x")));
    } else {
      StoreException e = assertThrows(StoreException.class, () -> Hash.parseAny(row[0], ctx));
      assertEquals(exp, "error: " + e.getMessage());
    }
  }

  @Test
  void hashStringFixtures() {
    // fixtures/eval/ok/builtin-hashString-{md5,sha1,sha256,sha512}.nix
    assertEquals(Fixtures.okExp("builtin-hashString-md5"), hexes(HashAlgorithm.MD5, "", "abc", "hello world", "ü"));
    assertEquals(Fixtures.okExp("builtin-hashString-sha1"), hexes(HashAlgorithm.SHA1, "", "abc",
        "The quick brown fox jumps over the lazy dog"));
    assertEquals(Fixtures.okExp("builtin-hashString-sha256"), hexes(HashAlgorithm.SHA256, "", "abc", "a\nb\n"));
    assertEquals(Fixtures.okExp("builtin-hashString-sha512"), hexes(HashAlgorithm.SHA512, "", "abc"));
    // fixtures/eval/fail/builtin-hashString-bad-type.nix, -uppercase-type.nix
    assertEquals(Fixtures.failMessage("builtin-hashString-bad-type"),
        assertThrows(StoreException.class, () -> HashAlgorithm.parse("sha3")).getMessage());
    assertEquals(Fixtures.failMessage("builtin-hashString-uppercase-type"),
        assertThrows(StoreException.class, () -> HashAlgorithm.parse("SHA256")).getMessage());
  }

  private static List<String> hexes(HashAlgorithm a, String... inputs) {
    return Stream.of(inputs)
        .map(s -> Hash.hashBytes(a, org.nix4j.io.fs.NioFileTree.toBytes(s)).toBase16()).toList();
  }

  @Test
  void emptyHashIsZeroWithWarning() {
    List<String> w = new java.util.ArrayList<>();
    assertEquals(Hash.zero(HashAlgorithm.SHA256), Hash.parseAllowEmpty("", HashAlgorithm.SHA256, w::add));
    assertEquals(List.of("found empty hash, assuming 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='"), w);
    assertThrows(BadHashException.class, () -> Hash.parseAllowEmpty("", null, w::add));
  }

  @Test
  void otherParsers() {
    assertEquals("hash 'abc' is not SRI", assertThrows(BadHashException.class, () -> Hash.parseSri("abc")).getMessage());
    assertEquals("hash 'abc' does not include a type",
        assertThrows(BadHashException.class, () -> Hash.parseAnyPrefixed("abc")).getMessage());
  }

  @Test
  void compression() {
    // the store path of toFile "a" "b" is the base 32 of the folded fingerprint hash
    byte[] h = new byte[32];
    for (int i = 0; i < 32; i++) {
      h[i] = (byte) i;
    }
    byte[] c = Hash.of(HashAlgorithm.SHA256, h).compress(20);
    byte[] exp = new byte[20];
    for (int i = 0; i < 32; i++) {
      exp[i % 20] ^= (byte) i;
    }
    assertArrayEquals(exp, c);
  }

  @Property(tries = 300)
  void base32RoundTrips(@ForAll @Size(min = 1, max = 80) byte[] bytes) {
    String s = Base32.encode(bytes);
    assertEquals(Base32.encodedLength(bytes.length), s.length());
    assertArrayEquals(bytes, Base32.decode(s, bytes.length));
  }
}
