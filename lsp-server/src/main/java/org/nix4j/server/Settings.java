package org.nix4j.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The server's settings: the {@code nix4j} tree the client sends as {@code initializationOptions}
 * and answers to {@code workspace/configuration} with (the VS Code extension's settings,
 * {@code vscode-client/src/settings.ts}). A value of the wrong type is ignored (the default is
 * kept) and reported in {@link #problems()}.
 *
 * <pre>
 * { "nixPath": ["nixpkgs=/path"], "eval": { "budget": { "timeMs": 2000, "steps": …, "memoryMb": … },
 *                                          "allowedRoots": ["/extra/root"] },
 *   "formatter": { "command": ["nixfmt"] }, "inlayHints": { "enable": false },
 *   "diagnostics": { "disabled": ["unused-binding"], "exclude": ["**&#47;generated/**"] } }
 * </pre>
 */
public final class Settings {
  /** Wall time of a background evaluation of a file, by default. */
  public static final long DEFAULT_TIME_MS = 3000;
  /** Frames a background evaluation may push, by default. */
  public static final long DEFAULT_STEPS = 20_000_000;
  /** Heap a background evaluation may use, by default (MiB). */
  public static final long DEFAULT_MEMORY_MB = 512;

  public final List<String> nixPath;
  public final long timeMs;
  public final long steps;
  public final long memoryMb;
  public final List<String> allowedRoots;
  public final List<String> formatterCommand;
  public final boolean inlayHints;
  public final Set<String> disabledCodes;
  public final List<String> exclude;
  private final List<PathMatcher> excludeMatchers;
  private final List<String> problems;

  private Settings(Builder b) {
    this.nixPath = List.copyOf(b.nixPath);
    this.timeMs = b.timeMs;
    this.steps = b.steps;
    this.memoryMb = b.memoryMb;
    this.allowedRoots = List.copyOf(b.allowedRoots);
    this.formatterCommand = List.copyOf(b.formatterCommand);
    this.inlayHints = b.inlayHints;
    this.disabledCodes = Set.copyOf(b.disabledCodes);
    this.exclude = List.copyOf(b.exclude);
    List<PathMatcher> m = new ArrayList<>();
    for (String glob : exclude) {
      try {
        m.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      } catch (IllegalArgumentException e) {
        b.problems.add("nix4j.diagnostics.exclude: bad glob '" + glob + "': " + e.getMessage());
      }
    }
    this.excludeMatchers = List.copyOf(m);
    this.problems = List.copyOf(b.problems);
  }

  public static Settings defaults() {
    return new Builder().build();
  }

  /** Reads the {@code nix4j} tree (or null, or anything else: the defaults). */
  public static Settings from(Object tree) {
    Builder b = new Builder();
    JsonElement root = tree instanceof JsonElement j ? j : null;
    if (root instanceof JsonObject o && o.has("nix4j") && o.get("nix4j").isJsonObject()
        && !o.has("nixPath") && !o.has("eval")) {
      root = o.get("nix4j"); // the whole { nix4j: … } tree
    }
    if (!(root instanceof JsonObject o)) {
      return b.build();
    }
    b.nixPath = strings(o, "nixPath", b.nixPath, b.problems);
    JsonObject eval = object(o, "eval");
    JsonObject budget = object(eval, "budget");
    b.timeMs = positive(budget, "timeMs", b.timeMs, "eval.budget.timeMs", b.problems);
    b.steps = positive(budget, "steps", b.steps, "eval.budget.steps", b.problems);
    b.memoryMb = positive(budget, "memoryMb", b.memoryMb, "eval.budget.memoryMb", b.problems);
    b.allowedRoots = strings(eval, "allowedRoots", b.allowedRoots, b.problems);
    b.formatterCommand = strings(object(o, "formatter"), "command", b.formatterCommand, b.problems);
    JsonObject hints = object(o, "inlayHints");
    if (hints != null && hints.has("enable")) {
      JsonElement e = hints.get("enable");
      if (e instanceof JsonPrimitive p && p.isBoolean()) {
        b.inlayHints = p.getAsBoolean();
      } else {
        b.problems.add("nix4j.inlayHints.enable must be true or false");
      }
    }
    JsonObject diags = object(o, "diagnostics");
    b.disabledCodes = new LinkedHashSet<>(strings(diags, "disabled", List.of(), b.problems));
    b.exclude = strings(diags, "exclude", b.exclude, b.problems);
    return b.build();
  }

  /** Values that were ignored, one line each. */
  public List<String> problems() {
    return problems;
  }

  /** Whether diagnostics of {@code code} are switched off. */
  public boolean disabled(String code) {
    return disabledCodes.contains(code);
  }

  /** Whether the file at {@code path} gets no diagnostics. */
  public boolean excluded(Path path) {
    if (path == null) {
      return false;
    }
    for (PathMatcher m : excludeMatchers) {
      if (m.matches(path)) {
        return true;
      }
    }
    return false;
  }

  private static JsonObject object(JsonObject o, String key) {
    if (o == null) {
      return null;
    }
    JsonElement e = o.get(key);
    return e instanceof JsonObject j ? j : null;
  }

  private static List<String> strings(JsonObject o, String key, List<String> dflt, List<String> problems) {
    if (o == null || !o.has(key) || o.get(key).isJsonNull()) {
      return dflt;
    }
    JsonElement e = o.get(key);
    if (!(e instanceof JsonArray a)) {
      problems.add("nix4j." + key + " must be a list of strings");
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (JsonElement x : a) {
      if (x instanceof JsonPrimitive p && p.isString()) {
        out.add(p.getAsString());
      } else {
        problems.add("nix4j." + key + " must be a list of strings");
        return dflt;
      }
    }
    return out;
  }

  private static long positive(JsonObject o, String key, long dflt, String name, List<String> problems) {
    if (o == null || !o.has(key) || o.get(key).isJsonNull()) {
      return dflt;
    }
    JsonElement e = o.get(key);
    if (e instanceof JsonPrimitive p && p.isNumber()) {
      double d = p.getAsDouble();
      if (d >= 1 && d == Math.rint(d) && d < 1e15) {
        return (long) d;
      }
    }
    problems.add("nix4j." + name + " must be a positive integer");
    return dflt;
  }

  private static final class Builder {
    List<String> nixPath = List.of();
    long timeMs = DEFAULT_TIME_MS;
    long steps = DEFAULT_STEPS;
    long memoryMb = DEFAULT_MEMORY_MB;
    List<String> allowedRoots = List.of();
    List<String> formatterCommand = List.of();
    boolean inlayHints = false;
    Set<String> disabledCodes = Set.of();
    List<String> exclude = List.of();
    final List<String> problems = new ArrayList<>();

    Settings build() {
      return new Settings(this);
    }
  }
}
