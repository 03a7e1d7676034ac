package org.nix4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end with the real Neovim (headless): {@code nvim/e2e.lua} starts {@code nix4j lsp}
 * through {@code vim.lsp}, opens {@code fixtures/lsp/neovim/default.nix}, waits for the
 * diagnostics, asks for a hover and writes what it got to a file, which this test checks.
 * Skipped, saying so, where {@code nvim} is not installed ({@code apt-get install neovim};
 * {@code .ci/run} installs it).
 */
class NeovimEndToEndTest {
  @TempDir
  Path dir;

  static String nvim() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path f = Path.of(p, "nvim");
      if (Files.isExecutable(f)) {
        return f.toString();
      }
    }
    return null;
  }

  @Test
  void diagnosticsAndHoverInNeovim() throws Exception {
    String nvim = nvim();
    Assumptions.assumeTrue(nvim != null,
        "nvim is not installed: the Neovim end-to-end test is skipped (apt-get install neovim)");
    Path file = dir.resolve("default.nix");
    Files.copy(ScenarioTest.fixtures().resolve("neovim/default.nix"), file);
    Path script = dir.resolve("e2e.lua");
    try (InputStream in = NeovimEndToEndTest.class.getResourceAsStream("/nvim/e2e.lua")) {
      Files.write(script, in.readAllBytes());
    }
    Path out = dir.resolve("result.json");
    // The server from this build's classes, as `nix4j lsp` runs it.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    JsonArray cmd = new JsonArray();
    for (String a : List.of(java, "-cp", System.getProperty("java.class.path"), "org.nix4j.cli.Main", "lsp")) {
      cmd.add(a);
    }
    ProcessBuilder pb = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
        "-c", "luafile " + script);
    pb.directory(dir.toFile());
    pb.environment().put("NIX4J_CMD", cmd.toString());
    pb.environment().put("NIX4J_FILE", file.toString());
    pb.environment().put("NIX4J_OUT", out.toString());
    // `total` on line 11: `  inherit total;`, the cursor on its `t`.
    pb.environment().put("NIX4J_HOVER_LINE", "11");
    pb.environment().put("NIX4J_HOVER_COL", "10");
    pb.environment().put("HOME", dir.toString());
    pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("nvim.log").toFile());
    Process p = pb.start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("nvim did not finish within 180 s; log:\n" + log());
    }
    assertTrue(Files.exists(out), "nvim wrote no result; log:\n" + log());
    JsonObject r = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals(0, r.getAsJsonArray("errors").size(), r.toString());
    JsonArray diags = r.getAsJsonArray("diagnostics");
    boolean found = false;
    for (JsonElement e : diags) {
      JsonObject d = e.getAsJsonObject();
      if (d.get("lnum").getAsInt() == 9 && d.get("col").getAsInt() == 12
          && d.get("message").getAsString().contains("undefined variable 'greting'")) {
        found = true;
        assertEquals(1, d.get("severity").getAsInt(), "an error");
      }
    }
    assertTrue(found, "no diagnostic of the undefined variable at 10:13: " + diags);
    String hover = r.get("hover").isJsonNull() ? "" : r.get("hover").getAsString();
    assertTrue(hover.contains("total = 6"), "hover: " + hover);
  }

  private String log() throws IOException {
    Path l = dir.resolve("nvim.log");
    return Files.exists(l) ? Files.readString(l) : "";
  }
}
