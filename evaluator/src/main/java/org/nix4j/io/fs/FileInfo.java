package org.nix4j.io.fs;

/**
 * What {@code lstat} tells about an entry: its type, its size (regular files; 0 otherwise) and
 * whether it is executable (regular files whose owner-execute bit is set; that single bit is all
 * of the permissions a NAR keeps).
 */
public record FileInfo(FileType type, long size, boolean executable) {
  public static final FileInfo DIRECTORY = new FileInfo(FileType.DIRECTORY, 0, false);
  public static final FileInfo SYMLINK = new FileInfo(FileType.SYMLINK, 0, false);
  public static final FileInfo UNKNOWN = new FileInfo(FileType.UNKNOWN, 0, false);

  /** A regular file. */
  public static FileInfo regular(long size, boolean executable) {
    return new FileInfo(FileType.REGULAR, size, executable);
  }
}
