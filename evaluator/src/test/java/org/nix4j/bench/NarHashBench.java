package org.nix4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.nix4j.io.fs.MemoryFileTree;
import org.nix4j.io.fs.MemoryNode;
import org.nix4j.io.fs.MemoryTreeBuilder;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.store.nar.Nar;
import org.nix4j.store.nar.NarHash;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * NAR hashing (sha256) of a generated source tree of 64 MiB in 4,200 files (200 directories of
 * 20 small files of 0–8 KiB, plus 40 files of 1 MiB and one of 16 MiB), on disk through
 * {@link NioFileTree} and in memory through {@link MemoryFileTree}; {@code rawSha256} hashes
 * the same file bytes without any NAR framing or I/O, the floor the others are measured against.
 *
 * <p>{@code bench/run.sh jmh NarHashBench}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NarHashBench {
  private Path dir;
  private String diskRoot;
  private MemoryFileTree memory;
  private byte[][] contents;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("nix4j-narbench");
    Random rnd = new Random(42);
    MemoryTreeBuilder b = new MemoryTreeBuilder();
    java.util.List<byte[]> all = new java.util.ArrayList<>();
    for (int d = 0; d < 200; d++) {
      String dname = "dir" + d;
      Files.createDirectories(dir.resolve("src").resolve(dname));
      for (int f = 0; f < 20; f++) {
        byte[] data = new byte[rnd.nextInt(8192)];
        rnd.nextBytes(data);
        add(b, all, dname + "/file" + f + ".c", data, f == 0);
      }
    }
    for (int i = 0; i < 40; i++) {
      byte[] data = new byte[1 << 20];
      rnd.nextBytes(data);
      add(b, all, "blob" + i + ".bin", data, false);
    }
    byte[] big = new byte[16 << 20];
    rnd.nextBytes(big);
    add(b, all, "big.tar", big, false);
    contents = all.toArray(new byte[0][]);
    memory = MemoryFileTree.single("src", b.build());
    diskRoot = NioFileTree.toBytes(dir.resolve("src").toString());
  }

  private void add(MemoryTreeBuilder b, java.util.List<byte[]> all, String rel, byte[] data, boolean exec)
      throws IOException {
    Path p = dir.resolve("src").resolve(rel);
    Files.write(p, data);
    p.toFile().setExecutable(exec);
    b.file(rel, data, exec);
    all.add(data);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  public NarHash narHashDisk() throws IOException {
    return Nar.hash(NioFileTree.root(), diskRoot, null);
  }

  @Benchmark
  public NarHash narHashMemory() throws IOException {
    return Nar.hash(memory, "/src", null);
  }

  @Benchmark
  public byte[] rawSha256() {
    MessageDigest md = HashAlgorithm.SHA256.newDigest();
    for (byte[] c : contents) {
      md.update(c);
    }
    return md.digest();
  }
}
