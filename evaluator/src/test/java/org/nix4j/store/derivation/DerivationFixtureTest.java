package org.nix4j.store.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.StoreDir;
import org.nix4j.store.StoreException;
import org.nix4j.store.StorePath;
import org.nix4j.store.nar.Nar;
import org.nix4j.store.testing.Fixtures;

/**
 * Builds the derivations of {@code fixtures/eval/{ok,fail}/derivation-*.nix} through the store
 * API and compares drv paths, output paths and {@code .drv} texts with what real Nix printed in
 * the fixtures' {@code .exp}/{@code .err} files. Each test names its fixture.
 */
class DerivationFixtureTest {
  private final StoreDir store = StoreDir.DEFAULT;
  private final DerivationHasher hasher = new DerivationHasher(store, p -> {
    throw new StoreException("not remembered: " + p);
  });

  private DerivationResult drv(String name, Consumer<DerivationBuilder> f) {
    DerivationBuilder b = new DerivationBuilder(store, hasher, name)
        .platform("x86_64-linux").builder("/bin/sh");
    b.env("name", name).env("system", "x86_64-linux").env("builder", "/bin/sh");
    f.accept(b);
    return b.build(w -> {});
  }

  private String out(DerivationResult r, String output) {
    return store.print(r.derivation().outputs().get(output).path());
  }

  private String drvPath(DerivationResult r) {
    return store.print(r.drvPath());
  }

  private StorePath source(String dataRel) throws IOException {
    String path = Fixtures.dataPath(dataRel);
    return store.makeFixedOutputPath(FileIngestionMethod.RECURSIVE,
        Nar.hash(NioFileTree.root(), path, null).hash(), org.nix4j.io.fs.Paths.baseName(path));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(String fixture) {
    return (List<Object>) Fixtures.okExp(fixture);
  }

  @Test
  void drvText() {
    // fixtures/eval/ok/derivation-drv-text.nix
    DerivationResult r = drv("drv-text", b -> b
        .arg("-c").arg("echo \"quoted\" \\ back\nnewline")
        .env("foo", "bar").env("num", "42").env("flag", "1").env("off", "").env("nul", "")
        .env("list", "a 1 1"));
    assertEquals(Fixtures.okExp("derivation-drv-text"), r.aterm());
  }

  @Test
  void basicAttrs() {
    // fixtures/eval/ok/derivation-basic-attrs.nix
    DerivationResult r = drv("drv-basic", b -> b.arg("-c").arg("echo hi > $out"));
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> exp =
        (java.util.Map<String, Object>) Fixtures.okExp("derivation-basic-attrs");
    assertEquals(exp.get("drvPath"), drvPath(r));
    assertEquals(exp.get("outPath"), out(r, "out"));
  }

  @Test
  void multipleOutputsText() {
    // fixtures/eval/ok/derivation-drv-text-multi.nix
    DerivationResult r = drv("drv-text-multi", b -> b
        .outputs(List.of("out", "dev", "bin")).env("outputs", "out dev bin"));
    assertEquals(Fixtures.okExp("derivation-drv-text-multi"), r.aterm());
  }

  @Test
  void multipleOutputsPaths() {
    // fixtures/eval/ok/derivation-multiple-outputs.nix
    DerivationResult r = drv("drv-multi", b -> b
        .outputs(List.of("out", "dev", "doc")).env("outputs", "out dev doc"));
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> exp =
        (java.util.Map<String, Object>) Fixtures.okExp("derivation-multiple-outputs");
    assertEquals(exp.get("outPaths"), List.of(out(r, "out"), out(r, "dev"), out(r, "doc")));
  }

  @Test
  void firstOutputDefault() {
    // fixtures/eval/ok/derivation-first-output-default.nix
    DerivationResult r = drv("drv-first", b -> b
        .outputs(List.of("bin", "out")).env("outputs", "bin out"));
    assertEquals(list("derivation-first-output-default"),
        List.of("bin", out(r, "bin"), out(r, "bin"), out(r, "out")));
  }

  @Test
  void strictResult() {
    // fixtures/eval/ok/derivation-strict-result.nix
    DerivationResult a = drv("drv-strict", b -> {});
    DerivationResult b2 = drv("drv-strict", b -> b.outputs(List.of("a", "b")).env("outputs", "a b"));
    assertEquals(list("derivation-strict-result"), List.of(
        java.util.Map.of("drvPath", drvPath(a), "out", out(a, "out")),
        java.util.Map.of("a", out(b2, "a"), "b", out(b2, "b"), "drvPath", drvPath(b2))));
  }

  @Test
  void inputDrv() {
    // fixtures/eval/ok/derivation-drv-text-input-drv.nix
    DerivationResult dep = drv("drv-dep", b -> b.outputs(List.of("out", "lib")).env("outputs", "out lib"));
    DerivationResult r = drv("drv-user", b -> b
        .env("buildInputs", out(dep, "lib")).inputDrv(dep.drvPath(), "lib")
        .env("script", out(dep, "out") + "/bin/x").inputDrv(dep.drvPath(), "out"));
    assertEquals(Fixtures.okExp("derivation-drv-text-input-drv"), r.aterm());
  }

  @Test
  void builderFromDerivation() {
    // fixtures/eval/ok/derivation-drv-text-builder-drv.nix
    DerivationResult tool = drv("drv-tool", b -> {});
    String builder = out(tool, "out") + "/bin/build";
    DerivationResult r = drv("drv-built-by-tool", b -> b
        .builder(builder).env("builder", builder).inputDrv(tool.drvPath(), "out"));
    assertEquals(Fixtures.okExp("derivation-drv-text-builder-drv"), r.aterm());
  }

  @Test
  void allOutputsContext() {
    // fixtures/eval/ok/derivation-drv-text-allOutputs.nix: the drvPath's context adds the .drv
    // as an input source and all its outputs as inputs (the closure of the .drv, which is just
    // itself here).
    DerivationResult dep = drv("drv-all-dep", b -> b.outputs(List.of("out", "doc")).env("outputs", "out doc"));
    DerivationResult r = drv("drv-all-user", b -> b
        .env("depDrv", drvPath(dep)).inputSrc(dep.drvPath())
        .inputDrv(dep.drvPath(), "out").inputDrv(dep.drvPath(), "doc"));
    assertEquals(Fixtures.okExp("derivation-drv-text-allOutputs"), r.aterm());
  }

  @Test
  void discardOutputDependency() {
    // fixtures/eval/ok/derivation-drv-text-discard-output-dep.nix
    DerivationResult dep = drv("drv-udod-dep", b -> {});
    DerivationResult r = drv("drv-udod-user", b -> b
        .env("depDrv", drvPath(dep)).inputSrc(dep.drvPath()));
    assertEquals(Fixtures.okExp("derivation-drv-text-discard-output-dep"), r.aterm());
  }

  @Test
  void appendedContext() {
    // fixtures/eval/ok/derivation-appended-context.nix
    DerivationResult dep = drv("drv-append-dep", b -> b.outputs(List.of("out", "bin")).env("outputs", "out bin"));
    DerivationResult r = drv("drv-append-user", b -> b
        .env("x", "no path here").inputDrv(dep.drvPath(), "bin"));
    assertEquals(Fixtures.okExp("derivation-appended-context"), r.aterm());
  }

  @Test
  void discardedContext() {
    // fixtures/eval/ok/derivation-discarded-context.nix
    DerivationResult dep = drv("drv-discard-dep", b -> {});
    DerivationResult r = drv("drv-discard-user", b -> b.env("p", out(dep, "out")));
    assertEquals(Fixtures.okExp("derivation-discarded-context"), r.aterm());
  }

  @Test
  void escapes() {
    // fixtures/eval/ok/derivation-drv-text-escapes.nix (the value as UTF-8 bytes)
    String v = org.nix4j.io.fs.NioFileTree.toBytes("q\" b\\ n\n t\t r\r ü ✓");
    DerivationResult r = drv("drv-escapes", b -> b.env("v", v));
    assertEquals(Fixtures.okExp("derivation-drv-text-escapes"), r.aterm());
  }

  @Test
  void floatAndSetAttrs() {
    // fixtures/eval/ok/derivation-float-attr.nix and derivation-set-with-outPath-attr.nix
    assertEquals(Fixtures.okExp("derivation-float-attr"),
        drv("drv-float", b -> b.env("x", "1.500000").env("y", "0.100000")).aterm());
    assertEquals(Fixtures.okExp("derivation-set-with-outPath-attr"),
        drv("drv-setattrs", b -> b.env("a", "/x").env("b", "ts")).aterm());
  }

  @Test
  void passAsFile() {
    // fixtures/eval/ok/derivation-drv-text-passAsFile.nix
    assertEquals(Fixtures.okExp("derivation-drv-text-passAsFile"),
        drv("drv-passasfile", b -> b.env("passAsFile", "big").env("big", "lots of text")).aterm());
  }

  @Test
  void placeholder() {
    // fixtures/eval/ok/derivation-placeholder-drv.nix
    assertEquals(Fixtures.okExp("derivation-placeholder-drv"),
        drv("drv-placeholder", b -> b.outputs(List.of("out", "dev")).env("outputs", "out dev")
            .env("p", "/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz")).aterm());
  }

  @Test
  void placeholders() {
    // fixtures/eval/ok/builtin-placeholder-basic.nix
    assertEquals(List.of(DerivationBuilder.placeholder("out"), DerivationBuilder.placeholder("dev"),
        DerivationBuilder.placeholder(""), false), list("builtin-placeholder-basic"));
  }

  @Test
  void allOutputsThroughTheStore() throws IOException {
    // fixtures/eval/ok/derivation-drv-text-allOutputs.nix, with the closure read from a store
    org.nix4j.store.MemoryStore s = new org.nix4j.store.MemoryStore();
    DerivationResult dep = new DerivationBuilder(store, s.derivationHasher(), "drv-all-dep")
        .platform("x86_64-linux").builder("/bin/sh").outputs(List.of("out", "doc"))
        .env("name", "drv-all-dep").env("system", "x86_64-linux").env("builder", "/bin/sh")
        .env("outputs", "out doc").build(w -> {});
    s.writeDerivation(dep.derivation());
    DerivationResult r = new DerivationBuilder(store, s.derivationHasher(), "drv-all-user")
        .platform("x86_64-linux").builder("/bin/sh")
        .env("name", "drv-all-user").env("system", "x86_64-linux").env("builder", "/bin/sh")
        .env("depDrv", drvPath(dep)).inputDrvAllOutputs(s, dep.drvPath()).build(w -> {});
    assertEquals(Fixtures.okExp("derivation-drv-text-allOutputs"), r.aterm());
  }

  @Test
  void ignoreNulls() {
    // fixtures/eval/ok/derivation-ignore-nulls.nix: x = null is "" without __ignoreNulls and
    // absent with it.
    List<Object> exp = list("derivation-ignore-nulls");
    DerivationResult a = drv("drv-nulls", b -> b.env("x", ""));
    DerivationResult c = drv("drv-nulls", b -> {});
    assertEquals(exp.get(0), drvPath(a));
    assertEquals(exp.get(1), drvPath(c));
    assertEquals(exp.get(4), c.aterm());
    // fixtures/eval/ok/derivation-ignore-nulls-args.nix
    DerivationResult n = drv("drv-null-outputs", b -> {});
    assertEquals(list("derivation-ignore-nulls-args"), List.of(drvPath(n), out(n, "out")));
  }

  @Test
  void otherSystem() {
    // fixtures/eval/ok/derivation-system-any-string.nix and derivation-system-int.nix
    DerivationResult r = drv("drv-other-system", b -> b.platform("aarch64-darwin").env("system", "aarch64-darwin"));
    assertEquals(Fixtures.okExp("derivation-system-any-string"), drvPath(r));
    DerivationResult i = drv("drv-sys-int", b -> b.platform("1").env("system", "1"));
    assertEquals(Fixtures.okExp("derivation-system-int"), drvPath(i));
  }

  @Test
  void structuredAttrs() {
    // fixtures/eval/ok/derivation-structured-attrs.nix: the evaluator passes the JSON as __json
    // and nothing else of the attributes goes to the env.
    DerivationBuilder b = new DerivationBuilder(store, hasher, "drv-structured")
        .platform("x86_64-linux").builder("/bin/sh")
        .env("__json", "{\"builder\":\"/bin/sh\",\"flag\":true,\"list\":[1,\"two\",{\"three\":3.5}],"
            + "\"n\":null,\"name\":\"drv-structured\",\"system\":\"x86_64-linux\"}");
    DerivationResult r = b.build(w -> {});
    assertEquals(list("derivation-structured-attrs"), List.of(drvPath(r), out(r, "out"), r.aterm()));
  }

  @Test
  void structuredAttrsWithDependency() {
    // fixtures/eval/ok/derivation-drv-text-structured-nested.nix
    DerivationResult dep = drv("drv-sa-dep", b -> {});
    String depOut = out(dep, "out");
    DerivationResult r = new DerivationBuilder(store, hasher, "drv-sa-user")
        .platform("x86_64-linux").builder("/bin/sh").outputs(List.of("out", "dev"))
        .inputDrv(dep.drvPath(), "out")
        .env("__json", "{\"builder\":\"/bin/sh\",\"cfg\":{\"n\":1.5,\"path\":\"" + depOut
            + "/etc\"},\"deps\":[\"" + depOut + "\"],\"name\":\"drv-sa-user\",\"outputs\":[\"out\",\"dev\"],"
            + "\"system\":\"x86_64-linux\"}")
        .build(w -> {});
    assertEquals(Fixtures.okExp("derivation-drv-text-structured-nested"), r.aterm());
  }

  @Test
  void toFileInput() {
    // fixtures/eval/ok/derivation-drv-text-toFile-input.nix
    StorePath f = store.computeTextPath("drv-script", "echo hello", List.of());
    DerivationResult r = drv("drv-with-script", b -> b.arg(store.print(f)).inputSrc(f));
    assertEquals(Fixtures.okExp("derivation-drv-text-toFile-input"), r.aterm());
  }

  @Test
  void sourceInputs() throws IOException {
    // fixtures/eval/ok/derivation-drv-text-input-src.nix and derivation-path-attr-in-list.nix
    StorePath hello = source("builtin-hello.txt");
    StorePath tree = source("builtin-tree");
    DerivationResult r = drv("drv-src", b -> b.env("src", store.print(hello)).env("srcs", store.print(tree))
        .inputSrc(hello).inputSrc(tree));
    assertEquals(list("derivation-drv-text-input-src").get(1), r.aterm());
    StorePath nonl = source("builtin-nonl.txt");
    DerivationResult l = drv("drv-path-list", b -> b
        .env("srcs", store.print(hello) + " " + store.print(nonl) + " x").inputSrc(hello).inputSrc(nonl));
    assertEquals(Fixtures.okExp("derivation-path-attr-in-list"), l.aterm());
  }

  @Test
  void builderPathAndArgs() throws IOException {
    // fixtures/eval/ok/derivation-builder-path.nix and derivation-args-types.nix
    StorePath run = source("builtin-tree/run.sh");
    DerivationResult r = new DerivationBuilder(store, hasher, "drv-builder-path")
        .platform("x86_64-linux").builder(store.print(run)).inputSrc(run)
        .env("name", "drv-builder-path").env("system", "x86_64-linux").env("builder", store.print(run))
        .build(w -> {});
    assertEquals(list("derivation-builder-path").get(1), r.aterm());
    StorePath hello = source("builtin-hello.txt");
    DerivationResult a = drv("drv-args", b -> b.arg("a").arg("1").arg(store.print(hello)).inputSrc(hello));
    assertEquals(Fixtures.okExp("derivation-args-types"), a.aterm());
  }

  // --- fixed-output derivations ---------------------------------------------------------------

  @Test
  void fixedFlat() {
    // fixtures/eval/ok/derivation-fixed-output-flat.nix
    List<Object> exp = list("derivation-fixed-output-flat");
    DerivationResult sh = drv("drv-fixed", b -> b.outputHashAlgo("sha256").outputHashMode("flat")
        .outputHash("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73")
        .env("outputHashAlgo", "sha256").env("outputHashMode", "flat")
        .env("outputHash", "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"));
    DerivationResult bash = drv("drv-fixed", b -> b.builder("/bin/bash").env("builder", "/bin/bash")
        .outputHashAlgo("sha256").outputHashMode("flat")
        .outputHash("0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73")
        .env("outputHashAlgo", "sha256").env("outputHashMode", "flat")
        .env("outputHash", "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73"));
    assertEquals(exp.get(0), out(sh, "out"));
    assertEquals(out(sh, "out"), out(bash, "out"));
    assertNotEquals(sh.drvPath(), bash.drvPath());
    assertEquals(sh.hashModulo(), bash.hashModulo());
    assertEquals(exp.get(3), sh.aterm());
  }

  private DerivationResult fixed(String name, String algo, String mode, String hash) {
    return drv(name, b -> {
      if (algo != null) {
        b.outputHashAlgo(algo).env("outputHashAlgo", algo);
      }
      if (mode != null) {
        b.outputHashMode(mode).env("outputHashMode", mode);
      }
      b.outputHash(hash).env("outputHash", hash);
    });
  }

  @Test
  void fixedOtherAlgorithmsAndModes() {
    // fixtures/eval/ok/derivation-fixed-output-recursive.nix
    DerivationResult rec = fixed("drv-fixed-rec", "sha256", "recursive",
        "a2b5b1e0e4cd4c2bd6cd8b1fa3d94e6c2d1c04d4f6bbdc8e6e0ff1ea9f76a14f");
    assertEquals(list("derivation-fixed-output-recursive"), List.of(out(rec, "out"), rec.aterm()));
    // fixtures/eval/ok/derivation-fixed-output-sha1.nix
    DerivationResult sha1 = fixed("drv-fixed-sha1", "sha1", null, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    assertEquals(list("derivation-fixed-output-sha1"), List.of(out(sha1, "out"), sha1.aterm()));
    // fixtures/eval/ok/derivation-fixed-output-md5.nix
    DerivationResult md5 = fixed("drv-fixed-md5", "md5", null, "d41d8cd98f00b204e9800998ecf8427e");
    assertEquals(list("derivation-fixed-output-md5"), List.of(out(md5, "out"), drvPath(md5)));
    // fixtures/eval/ok/derivation-fixed-output-sri.nix
    DerivationResult sri = fixed("drv-fixed-sri", null, null, "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertEquals(list("derivation-fixed-output-sri"), List.of(out(sri, "out"), sri.aterm()));
    // fixtures/eval/ok/derivation-drv-text-fixed-sha512.nix
    DerivationResult s512 = fixed("drv-fixed-512", null, "recursive",
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==");
    assertEquals(list("derivation-drv-text-fixed-sha512"), List.of(out(s512, "out"), s512.aterm()));
  }

  @Test
  void fixedHashFormats() {
    // fixtures/eval/ok/derivation-fixed-output-hash-formats.nix
    List<Object> got = new ArrayList<>();
    for (String h : List.of("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73",
        "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
        "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")) {
      got.add(out(fixed("drv-hash-fmt", "sha256", null, h), "out"));
    }
    assertEquals(list("derivation-fixed-output-hash-formats"), got);
  }

  @Test
  void fixedEmptyHashWarns() {
    // fixtures/eval/ok/derivation-fixed-output-empty-hash.nix; the warning text is what Nix
    // printed on stderr for it.
    List<String> warnings = new ArrayList<>();
    DerivationBuilder b = new DerivationBuilder(store, hasher, "drv-fixed-empty")
        .platform("x86_64-linux").builder("/bin/sh")
        .env("name", "drv-fixed-empty").env("system", "x86_64-linux").env("builder", "/bin/sh")
        .outputHashAlgo("sha256").env("outputHashAlgo", "sha256").outputHash("").env("outputHash", "");
    DerivationResult r = b.build(warnings::add);
    assertEquals(list("derivation-fixed-output-empty-hash"), List.of(out(r, "out"), drvPath(r)));
    assertEquals(List.of("found empty hash, assuming 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='"), warnings);
  }

  @Test
  void fixedOutputDependencyIsHashedModulo() {
    // Changing a fixed-output input's builder changes its drv path but not its dependants'
    // output paths (fixtures/eval/ok/derivation-fixed-output-name-only.nix shows the first half).
    DerivationResult f1 = fixed("drv-fod-same", null, null, "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    DerivationResult f2 = drv("drv-fod-same", b -> b.env("url", "x")
        .outputHash("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
        .env("outputHash", "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
    assertEquals(list("derivation-fixed-output-name-only"),
        List.of(out(f1, "out").equals(out(f2, "out")), f1.drvPath().equals(f2.drvPath())));
    DerivationResult u1 = drv("user", b -> b.env("src", out(f1, "out")).inputDrv(f1.drvPath(), "out"));
    DerivationResult u2 = drv("user", b -> b.env("src", out(f2, "out")).inputDrv(f2.drvPath(), "out"));
    assertEquals(out(u1, "out"), out(u2, "out"));
    assertNotEquals(u1.drvPath(), u2.drvPath());
  }

  // --- errors ---------------------------------------------------------------------------------

  private void fails(String fixture, Runnable r) {
    StoreException e = assertThrows(StoreException.class, r::run);
    assertEquals(Fixtures.failMessage(fixture), e.getMessage());
  }

  @Test
  void nameErrors() {
    fails("derivation-invalid-name", () -> drv("bad name!", b -> {}));
    fails("derivation-name-empty", () -> drv("", b -> {}));
    fails("derivation-name-too-long", () -> drv("a".repeat(212), b -> {}));
    fails("derivation-name-ends-drv", () -> drv("foo.drv", b -> {}));
    // fixtures/eval/ok/derivation-name-max-length.nix: 207 + ".drv" is the longest
    assertEquals(Fixtures.okExp("derivation-name-max-length"),
        (long) drv("a".repeat(207), b -> {}).drvPath().baseName().length());
    // 208 characters: the output path is fine, the .drv path is too long
    StoreException e = assertThrows(StoreException.class, () -> drv("a".repeat(208), b -> {}));
    assertTrue(e.getMessage().endsWith("' has a name longer than 211 characters"), e.getMessage());
  }

  @Test
  void missingAttributes() {
    fails("derivation-missing-builder", () -> drv("drv-no-builder", b -> b.builder("")));
    fails("derivation-missing-system", () -> drv("drv-no-system", b -> b.platform("")));
  }

  @Test
  void outputErrors() {
    fails("derivation-duplicate-output", () -> DerivationBuilder.checkOutputs(List.of("out", "out")));
    fails("derivation-output-drv", () -> DerivationBuilder.checkOutputs(List.of("out", "drv")));
    fails("derivation-bad-hash-mode", () -> DerivationBuilder.parseHashMode("weird"));
    fails("derivation-hash-mode-text", () -> DerivationBuilder.parseHashMode("text"));
    fails("derivation-fixed-output-multi", () -> drv("drv-fixed-multi", b -> b
        .outputs(List.of("out", "dev")).outputHash("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")));
  }

  @Test
  void hashErrors() {
    fails("derivation-bad-hash-algo", () -> fixed("drv-bad-algo", "sha3", null, "abc"));
    fails("derivation-fixed-output-bad-hash", () -> fixed("drv-bad-hash", "sha256", null, "nothex"));
    fails("derivation-fixed-output-sri-algo-mismatch", () -> fixed("drv-sri-mismatch", "sha1", null,
        "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
    fails("derivation-fixed-output-untyped-hash", () -> fixed("drv-untyped", null, null,
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  @Test
  void parsesEveryDrvTextNixWrote() throws IOException {
    // every .drv text in fixtures/eval/ok/*.exp parses and prints back byte for byte
    int n = 0;
    try (java.util.stream.Stream<java.nio.file.Path> files =
        java.nio.file.Files.list(Fixtures.root().resolve("eval/ok"))) {
      for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files.sorted()::iterator) {
        String f = p.getFileName().toString();
        if (!f.endsWith(".exp") || !Fixtures.read(p).contains("Derive(")) {
          continue;
        }
        java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();
        todo.add(Fixtures.okExp(f.substring(0, f.length() - 4)));
        while (!todo.isEmpty()) {
          Object v = todo.poll();
          if (v instanceof List) {
            todo.addAll((List<?>) v);
          } else if (v instanceof String && ((String) v).startsWith("Derive(")) {
            String text = (String) v;
            assertEquals(text, ATerm.parse(text, "x", store).toATerm(store), f);
            n++;
          }
        }
      }
    }
    assertTrue(n >= 20, "found " + n + " .drv texts");
  }

  @Test
  void atermRoundTrip() {
    DerivationResult dep = drv("drv-dep", b -> b.outputs(List.of("out", "lib")).env("outputs", "out lib"));
    DerivationResult r = drv("drv-user", b -> b.env("v", "a\"b\\c\nd\re\tf")
        .inputDrv(dep.drvPath(), "lib").arg("x"));
    DerivationResult f = fixed("drv-fixed-512", null, "recursive",
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg==");
    for (DerivationResult x : List.of(dep, r, f)) {
      Derivation parsed = ATerm.parse(x.aterm(), x.derivation().name(), store);
      assertEquals(x.derivation(), parsed);
      assertEquals(x.aterm(), parsed.toATerm(store));
      assertEquals(x.drvPath(), parsed.drvPath(store));
    }
  }
}
