package org.nix4j.io.fs;

/**
 * The kind of a file system entry, as Nix names it for {@code builtins.readDir} and for the type
 * argument of {@code builtins.path}/{@code filterSource} filters.
 */
public enum FileType {
  REGULAR("regular"),
  DIRECTORY("directory"),
  SYMLINK("symlink"),
  /** Anything else (sockets, devices, fifos): Nix cannot put it in a NAR. */
  UNKNOWN("unknown");

  private final String nixName;

  FileType(String nixName) {
    this.nixName = nixName;
  }

  /** {@code "regular"}, {@code "directory"}, {@code "symlink"} or {@code "unknown"}. */
  public String nixName() {
    return nixName;
  }
}
