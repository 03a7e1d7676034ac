package org.nix4j.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nix4j.io.RealIO;
import org.nix4j.io.SandboxIO;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.MemoryStore;
import org.nix4j.store.StoreDir;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;
import org.nix4j.value.NixString;
import org.nix4j.value.Printer;
import org.nix4j.value.Value;
import org.nix4j.vm.NixError;

/**
 * What the fixtures cannot show: nix4j's store across evaluators (memory and cache directory),
 * the sandbox and the network policy of the fetchers, downloads over HTTP (from a server on the
 * loopback interface), and the depth and width of trees walked with a Nix filter.
 */
class StoreBuiltinsTest {
  @TempDir
  Path tmp;

  private static EvalOptions options(Consumer<EvalOptions> setup) {
    EvalOptions o = new EvalOptions();
    o.io = new RealIO(Map.of("HOME", "/homeless-shelter"));
    o.warningSink = w -> { };
    o.traceSink = w -> { };
    setup.accept(o);
    return o;
  }

  /** Evaluates deeply and prints as nix-instantiate --eval --strict does. */
  private static String eval(Evaluator ev, String expr) {
    Instantiate.Request req = new Instantiate.Request();
    req.expr = NixString.bytesOf(expr);
    req.cwd = "/";
    req.strict = true;
    return new Instantiate(ev, Formats.DEFAULT).run(req).strip();
  }

  private static String error(Evaluator ev, String expr) {
    NixError e = assertThrows(NixError.class, () -> eval(ev, expr));
    return e.getMessage();
  }

  private static String bytes(Path p) {
    return RealIO.fromPath(p.toAbsolutePath());
  }

  @Test
  void readOnlyComputesPathsWithoutWriting() {
    Evaluator ev = new Evaluator(options(o -> { }));
    // Contents no real store on this machine can hold (a read-only evaluation reads /nix/store
    // when a path is there, e.g. after real Nix evaluated the same toFile).
    String text = "b " + java.util.UUID.randomUUID();
    String path = eval(ev, "builtins.toFile \"a\" \"" + text + "\"");
    String expected = StoreDir.DEFAULT.print(StoreDir.DEFAULT.computeTextPath("a", text, List.of()));
    assertEquals("\"" + expected + "\"", path);
    assertTrue(error(ev, "builtins.readFile (builtins.toFile \"a\" \"" + text + "\")").endsWith("is not valid"));
  }

  @Test
  void readWriteStoreIsSharedThroughACacheDirectory() throws IOException {
    Path cache = tmp.resolve("cache");
    Evaluator first = new Evaluator(options(o -> {
      o.readOnly = false;
      o.storeCacheDir = cache;
    }));
    String p = eval(first, "builtins.toFile \"shared\" \"kept across evaluators\"");
    // A second evaluator on the same cache, in read-only mode, reads what the first one wrote.
    Evaluator second = new Evaluator(options(o -> o.storeCacheDir = cache));
    assertEquals("\"kept across evaluators\"", eval(second, "builtins.readFile " + p));
    String base = p.substring("\"/nix/store/".length(), p.length() - 1);
    assertTrue(Files.isRegularFile(cache.resolve("store").resolve(base)));
  }

  @Test
  void evaluatorsCanShareOneMemoryStore() {
    MemoryStore store = new MemoryStore(StoreDir.DEFAULT);
    Evaluator writer = new Evaluator(options(o -> {
      o.store = store;
      o.readOnly = false;
    }));
    String drv = eval(writer, "(derivation { name = \"shared-drv\"; system = \"x86_64-linux\";"
        + " builder = \"/bin/sh\"; }).drvPath");
    Evaluator reader = new Evaluator(options(o -> o.store = store));
    assertTrue(eval(reader, "builtins.readFile " + drv).startsWith("\"Derive([(\\\"out\\\""));
  }

  @Test
  void importFromDerivationIsRefusedWithAClearError() {
    Evaluator ev = new Evaluator(options(o -> o.readOnly = false));
    String msg = error(ev, "import (derivation { name = \"ifd\"; system = \"x86_64-linux\";"
        + " builder = \"/bin/sh\"; })");
    assertTrue(msg.contains("nix4j never builds derivations"), msg);
  }

  @Test
  void sandboxForbidsNetworkAndFilesOutsideItsRoots() throws IOException {
    Path inside = Files.createDirectories(tmp.resolve("inside"));
    Files.writeString(inside.resolve("f.txt"), "in");
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("g.txt"), "out");
    Evaluator ev = new Evaluator(options(o -> o.io = new SandboxIO(List.of(bytes(inside)))));

    String net = error(ev, "builtins.fetchurl \"https://example.org/x.tar.gz\"");
    assertTrue(net.contains("network access is disabled"), net);
    String tar = error(ev, "fetchTarball \"http://example.org/x.tar.gz\"");
    assertTrue(tar.contains("network access is disabled"), tar);
    String git = error(ev, "builtins.fetchGit \"https://example.org/repo.git\"");
    assertTrue(git.contains("network access is disabled"), git);

    String file = error(ev, "builtins.fetchurl \"file://" + bytes(outside) + "/g.txt\"");
    assertTrue(file.contains("forbidden"), file);
    String copy = error(ev, "builtins.path { path = " + bytes(outside) + "/g.txt; }");
    assertTrue(copy.contains("forbidden"), copy);
    assertEquals("false", eval(ev, "builtins.pathExists " + bytes(outside) + "/g.txt"));

    // Inside the roots everything works, and store paths nix4j holds can be read back.
    assertEquals("\"in\"", eval(ev, "builtins.readFile (builtins.fetchurl \"file://" + bytes(inside)
        + "/f.txt\")"));
  }

  @Test
  void downloadsOverHttpWhenTheNetworkIsAllowed() throws IOException {
    byte[] body = "downloaded over http\n".getBytes(StandardCharsets.UTF_8);
    byte[] tarball = Files.readAllBytes(Path.of("../fixtures/eval/data/builtin-pkg.tar.gz"));
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", x -> {
      requests.incrementAndGet();
      byte[] out = x.getRequestURI().getPath().endsWith(".tar.gz") ? tarball
          : x.getRequestURI().getPath().equals("/missing") ? null : body;
      if (out == null) {
        x.sendResponseHeaders(404, -1);
      } else {
        x.sendResponseHeaders(200, out.length);
        try (OutputStream os = x.getResponseBody()) {
          os.write(out);
        }
      }
      x.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      Evaluator ev = new Evaluator(options(o -> { }));
      String expected = StoreDir.DEFAULT.print(StoreDir.DEFAULT.makeFixedOutputPath(
          FileIngestionMethod.FLAT, Hash.hash(HashAlgorithm.SHA256, body), "file.txt"));
      assertEquals("\"" + expected + "\"", eval(ev, "builtins.fetchurl \"" + base + "/dl/file.txt\""));
      assertEquals("\"downloaded over http\\n\"",
          eval(ev, "builtins.readFile (builtins.fetchurl \"" + base + "/dl/file.txt\")"));
      // The same tarball as the fixture builtin-fetchTarball-single-dir, so the same store path.
      assertEquals("\"/nix/store/by4bc247zwpd272myw6bk0bdc6m76pnc-source\"",
          eval(ev, "fetchTarball \"" + base + "/pkg.tar.gz\""));
      String missing = error(ev, "builtins.fetchurl \"" + base + "/missing\"");
      assertTrue(missing.contains("HTTP error 404"), missing);
      assertTrue(requests.get() >= 4);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void filterWalksDeepTreesWithoutJvmRecursion() throws Exception {
    Path root = tmp.resolve("deep");
    Path p = root;
    for (int i = 0; i < 200; i++) {
      p = p.resolve("d");
    }
    Files.createDirectories(p);
    Files.writeString(p.resolve("leaf.txt"), "leaf");
    String[] out = new String[2];
    Throwable[] failed = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        Evaluator ev = new Evaluator(options(o -> { }));
        out[0] = eval(ev, "builtins.filterSource (p: t: true) " + bytes(root));
        out[1] = eval(ev, "builtins.path { path = " + bytes(root) + "; }");
      } catch (Throwable e) {
        failed[0] = e;
      }
    }, "small-stack", 512 * 1024);
    t.start();
    t.join();
    if (failed[0] != null) {
      throw new AssertionError(failed[0]);
    }
    // A filter that keeps everything gives the same path as no filter.
    assertEquals(out[1], out[0]);
  }

  @Test
  void filterIsAskedAboutEveryEntryOfAWideTree() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("wide"));
    for (int i = 0; i < 1000; i++) {
      if (i % 2 == 0) {
        Files.writeString(root.resolve("f" + i), "x" + i);
      } else {
        Files.createDirectories(root.resolve("d" + i).resolve("sub"));
      }
    }
    Evaluator ev = new Evaluator(options(o -> o.readOnly = false));
    Value v = ev.vm().forceValue(ev.evalString("builtins.readDir (builtins.filterSource"
        + " (p: t: t == \"regular\") " + bytes(root) + ")", "/"));
    org.nix4j.value.NixAttrs files = (org.nix4j.value.NixAttrs) v;
    assertEquals(500, files.size());
    assertFalse(Printer.print(v).contains("directory"));
  }

  @Test
  void anotherStoreDirectoryThatTheMachineLacks() {
    String dir = "/nix4j-test-no-such-dir/store";
    Evaluator ev = new Evaluator(options(o -> {
      o.storeDir = dir;
      o.readOnly = false;
    }));
    String p = eval(ev, "builtins.toFile \"f\" \"x\"");
    String expected = new StoreDir(dir).print(new StoreDir(dir).computeTextPath("f", "x", List.of()));
    assertEquals("\"" + expected + "\"", p);
    assertEquals("\"" + dir + "\"", eval(ev, "builtins.storeDir"));
    // The store directory and its parent exist for the evaluation, with nix4j's paths in it.
    assertEquals("[ true true true ]", eval(ev, "[ (builtins.pathExists \"" + dir + "\")"
        + " (builtins.pathExists /nix4j-test-no-such-dir) (builtins.pathExists " + p + ") ]"));
    assertEquals("{ store = \"directory\"; }", eval(ev, "builtins.readDir /nix4j-test-no-such-dir"));
    String name = expected.substring(dir.length() + 1);
    assertEquals("{ " + name + " = \"regular\"; }", eval(ev, "builtins.readDir \"" + dir + "\""));
    assertEquals(p, eval(ev, "builtins.storePath " + p));
    String out = eval(ev, "(derivation { name = \"d\"; system = \"s\"; builder = \"/b\"; }).outPath");
    assertTrue(out.startsWith("\"" + dir + "/"), out);
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(Map.of("GIT_AUTHOR_NAME", "a", "GIT_AUTHOR_EMAIL", "a@b",
        "GIT_COMMITTER_NAME", "a", "GIT_COMMITTER_EMAIL", "a@b",
        "GIT_AUTHOR_DATE", "1700000000 +0000", "GIT_COMMITTER_DATE", "1700000000 +0000"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("git " + List.of(args) + ": " + out);
    }
  }

  @Test
  void fetchGitOfWorkingTreesAndBareRepositories() throws Exception {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    git(repo, "init", "-q", "-b", "main");
    Files.writeString(repo.resolve("a.txt"), "a\n");
    git(repo, "add", "a.txt");
    git(repo, "commit", "-q", "-m", "one");
    Path bare = tmp.resolve("bare.git");
    git(tmp, "clone", "-q", "--bare", repo.toString(), bare.toString());
    Evaluator ev = new Evaluator(options(o -> o.experimentalFeatures = java.util.Set.of("flakes")));
    String clean = eval(ev, "let r = builtins.fetchGit " + bytes(repo) + "; in [ r.revCount r.lastModified"
        + " (r.rev == r.shortRev) r.submodules (builtins.readFile \"${r}/a.txt\") ]");
    assertEquals("[ 1 1700000000 false false \"a\\n\" ]", clean);
    // The bare repository is cloned and gives the same tree and revision.
    assertEquals("true", eval(ev, "let a = builtins.fetchGit " + bytes(repo) + "; b = builtins.fetchGit"
        + " \"file://" + bytes(bare) + "\"; in a.outPath == b.outPath && a.rev == b.rev"));
    // A dirty working tree: fetchGit says rev 000…, fetchTree leaves rev out.
    Files.writeString(repo.resolve("a.txt"), "changed\n");
    assertEquals("[ \"0000000000000000000000000000000000000000\" 0 \"changed\\n\" ]",
        eval(ev, "let r = builtins.fetchGit " + bytes(repo) + "; in [ r.rev r.revCount"
        + " (builtins.readFile \"${r}/a.txt\") ]"));
    assertEquals("[ false true ]", eval(ev, "let r = builtins.fetchTree { type = \"git\"; url = \""
        + bytes(repo) + "\"; }; in [ (r ? rev) (r ? narHash) ]"));
    String notRepo = error(ev, "builtins.fetchGit " + bytes(Files.createDirectories(tmp.resolve("plain"))));
    assertTrue(notRepo.contains("cannot fetch Git repository"), notRepo);
  }

  @Test
  void copiesStopWhenTheEvaluationIsCancelled() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("big"));
    for (int i = 0; i < 10; i++) {
      Files.writeString(dir.resolve("f" + i), "x");
    }
    org.nix4j.vm.Budget budget = new org.nix4j.vm.Budget(Long.MAX_VALUE, Long.MAX_VALUE, 0);
    Evaluator ev = new Evaluator(options(o -> { }), budget);
    budget.cancel();
    for (String expr : List.of("\"${" + bytes(dir) + "}\"", "builtins.path { path = " + bytes(dir) + "; }")) {
      NixError e = assertThrows(NixError.class, () -> ev.evalString(expr, "/"));
      assertEquals(NixError.Kind.INTERRUPTED, e.kind(), e.getMessage());
    }
  }
}
