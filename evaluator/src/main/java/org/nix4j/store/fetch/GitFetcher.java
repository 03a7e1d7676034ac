package org.nix4j.store.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.nix4j.io.fs.FileType;
import org.nix4j.io.fs.NioFileTree;
import org.nix4j.store.FileIngestionMethod;
import org.nix4j.store.PathInfo;
import org.nix4j.store.Store;
import org.nix4j.store.StoreException;
import org.nix4j.store.hash.Hash;
import org.nix4j.store.hash.HashAlgorithm;

/**
 * {@code builtins.fetchGit} of a local repository (Nix 2.8), through the {@code git} command.
 *
 * <ul>
 *   <li>Without {@code rev} and {@code ref}, a repository whose tracked files differ from
 *       {@code HEAD} ({@code git diff-index --quiet HEAD --}) or that has no commits is
 *       <em>dirty</em>: its tracked files ({@code git ls-files}) are copied from the working tree
 *       (directories only when they contain a tracked file), with the warning {@code Git tree
 *       'DIR' is dirty}; the result has rev {@code 0000…} (40 zeros), shortRev {@code 0000000},
 *       revCount 0 and the commit time of {@code HEAD} (0 without commits) as lastModified.
 *   <li>Otherwise the revision ({@code rev}, else {@code git rev-parse REF}, else {@code HEAD})
 *       is exported with {@code git archive} (so {@code export-ignore} attributes apply),
 *       unpacked, and added; lastModified is its committer time and revCount
 *       {@code git rev-list --count}.
 *   <li>The result is a recursive sha256 {@code source} path named {@code name} (default
 *       {@code source}); narHash is printed as SRI and lastModifiedDate as
 *       {@code %Y%m%d%H%M%S} in UTC.
 *   <li>A {@code rev} must be a sha1 in some encoding: {@code hash 'abc' has wrong length for hash
 *       type 'sha1'}.
 * </ul>
 *
 * Submodules, shallow clones and remote URLs are not handled here.
 */
public final class GitFetcher {
  /** Forty zeros: the rev of a dirty tree. */
  public static final String NULL_REV = "0000000000000000000000000000000000000000";

  private GitFetcher() {}

  /** What {@code fetchGit} returns besides {@code outPath}. */
  public record Result(PathInfo info, String rev, String shortRev, long revCount, long lastModified,
      String lastModifiedDate, boolean submodules) {
    /** {@code narHash} as printed: SRI. */
    public String narHash() {
      return info.narHashSri();
    }
  }

  /**
   * Fetches from the local repository {@code repo}.
   *
   * @param ref a branch or other ref, or null
   * @param rev a commit hash, or null
   * @param tmpDir where to unpack temporarily
   * @param warn receives warnings (dirty tree)
   */
  public static Result fetch(Store store, Path repo, String ref, String rev, String name, Path tmpDir,
      Consumer<String> warn) throws IOException {
    String repoStr = NioFileTree.toBytes(repo.toAbsolutePath().normalize().toString());
    if (rev != null) {
      rev = Hash.parseAny(rev, HashAlgorithm.SHA1).toBase16();
    }
    if (rev == null && ref == null) {
      boolean haveCommits = git(repo, true, "rev-parse", "--verify", "--quiet", "HEAD") != null;
      boolean clean = haveCommits && git(repo, true, "diff-index", "--quiet", "HEAD", "--") != null;
      if (!clean) {
        warn.accept("Git tree '" + repoStr + "' is dirty");
        Set<String> files = new HashSet<>();
        for (String f : git(repo, false, "ls-files", "-z").split("\0")) {
          if (!f.isEmpty()) {
            files.add(NioFileTree.toBytes(f));
          }
        }
        TreeSet<String> sorted = new TreeSet<>(files);
        int prefixLen = repoStr.length() + 1;
        PathInfo info = store.addPath(NioFileTree.root(), repoStr, name, FileIngestionMethod.RECURSIVE,
            HashAlgorithm.SHA256, (p, t) -> {
              String file = p.substring(prefixLen);
              if (t == FileType.DIRECTORY) {
                String prefix = file + "/";
                String next = sorted.ceiling(prefix);
                return next != null && next.startsWith(prefix);
              }
              return files.contains(file);
            });
        long lastModified = haveCommits
            ? Long.parseLong(git(repo, false, "log", "-1", "--format=%ct", "--no-show-signature", "HEAD").strip())
            : 0;
        return new Result(info, NULL_REV, NULL_REV.substring(0, 7), 0, lastModified,
            date(lastModified), false);
      }
    }
    if (rev == null) {
      String out = git(repo, true, "rev-parse", "--verify", "--quiet", (ref == null ? "HEAD" : ref) + "^{commit}");
      if (out == null) {
        throw new StoreException("cannot find Git revision of ref '" + ref + "' in repository '" + repoStr + "'");
      }
      rev = out.strip();
    }
    if (git(repo, true, "cat-file", "-e", rev + "^{commit}") == null) {
      throw new StoreException("Cannot find Git revision '" + rev + "' in ref '"
          + (ref == null ? "HEAD" : ref) + "' of repository '" + repoStr + "'!");
    }
    Path dir = Files.createTempDirectory(tmpDir, "git-");
    try {
      Process p = new ProcessBuilder("git", "-C", repo.toString(), "archive", "--format=tar", rev)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      try (InputStream in = p.getInputStream()) {
        ArchiveUnpacker.unpackTar(in, dir);
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      waitFor(p, "archive");
      PathInfo info = store.addPath(NioFileTree.root(), NioFileTree.toBytes(dir.toString()), name,
          FileIngestionMethod.RECURSIVE, HashAlgorithm.SHA256, null);
      long lastModified = Long.parseLong(
          git(repo, false, "log", "-1", "--format=%ct", "--no-show-signature", rev).strip());
      long revCount = Long.parseLong(git(repo, false, "rev-list", "--count", rev).strip());
      return new Result(info, rev, rev.substring(0, 7), revCount, lastModified, date(lastModified), false);
    } finally {
      Fetchers.deleteTree(dir);
    }
  }

  /** {@code %Y%m%d%H%M%S} in UTC. */
  public static String date(long epochSeconds) {
    return DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC)
        .format(Instant.ofEpochSecond(epochSeconds));
  }

  /** Runs git in {@code repo}; returns stdout, or null on a non-zero exit when {@code mayFail}. */
  private static String git(Path repo, boolean mayFail, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    int code = waitFor(p, args[0], mayFail);
    if (code != 0) {
      return null;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void waitFor(Process p, String what) throws IOException {
    waitFor(p, what, false);
  }

  private static int waitFor(Process p, String what, boolean mayFail) throws IOException {
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("git " + what + " timed out");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running git " + what, e);
    }
    int code = p.exitValue();
    if (code != 0 && !mayFail) {
      throw new StoreException("program 'git' failed with exit code " + code + " (git " + what + ")");
    }
    return code;
  }
}
