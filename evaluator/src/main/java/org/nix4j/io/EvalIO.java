package org.nix4j.io;

import java.util.List;
import java.util.Optional;

/**
 * Every effect of an evaluation goes through this interface: reading files and directories,
 * the environment, the clock, and whether the network may be used. Paths are byte strings (see
 * {@link org.nix4j.value.NixString}), absolute.
 *
 * <p>{@link RealIO} is the machine as it is (the command line); {@link SandboxIO} reads only
 * under allowed roots, has an empty environment and no network (the language server).
 * Failures are {@link EvalIOException}s with a message Nix-like enough to show to users.
 */
public interface EvalIO {
  /** The type of a file, as {@code builtins.readDir} names them. */
  enum FileType {
    REGULAR("regular"),
    DIRECTORY("directory"),
    SYMLINK("symlink"),
    UNKNOWN("unknown");

    public final String nixName;

    FileType(String nixName) {
      this.nixName = nixName;
    }
  }

  /** An entry of a directory. */
  record DirEntry(String name, FileType type) {}

  /** The bytes of a file (following symlinks), as a byte string. */
  String readFile(String path);

  /** The entries of a directory, sorted by name. */
  List<DirEntry> readDir(String path);

  /** The type of {@code path} without following a final symlink, or empty if it does not exist. */
  Optional<FileType> fileType(String path);

  /** Whether {@code path} exists (following symlinks). */
  boolean pathExists(String path);

  /** The target of a symlink. */
  String readLink(String path);

  /** Whether a regular file is executable. */
  boolean isExecutable(String path);

  /** The canonical path with symlinks resolved, for import caching; the path itself if it cannot be resolved. */
  String canonicalPath(String path);

  /** An environment variable, as {@code builtins.getEnv} sees it. */
  Optional<String> getEnv(String name);

  /** Seconds since the epoch, for {@code builtins.currentTime}. */
  long currentTime();

  /** Whether fetchers may reach the network. */
  boolean networkAllowed();

  /** Whether {@code path} may be read at all (sandbox check without reading). */
  default boolean mayRead(String path) {
    return true;
  }
}
