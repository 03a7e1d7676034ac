package org.nix4j.store.nar;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import org.nix4j.io.fs.NioFileTree;

/**
 * Materialises tree events as real files below {@code target} (which must not exist yet): the
 * root node becomes {@code target} itself. Regular files get mode 0444 or 0555 (executable),
 * directories stay writable by the owner so that caches can be deleted. Names are byte strings
 * converted through UTF-8 (see {@link NioFileTree}).
 */
public final class DirectoryTreeSink implements TreeSink {
  private static final Set<PosixFilePermission> READ_ONLY = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
  private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(
      PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.OTHERS_EXECUTE);

  private final ArrayDeque<Path> stack = new ArrayDeque<>();
  private Path current;
  private OutputStream file;
  private boolean executable;

  public DirectoryTreeSink(Path target) {
    this.current = target;
  }

  @Override
  public void startDirectory() throws IOException {
    Files.createDirectory(current);
    stack.push(current);
  }

  @Override
  public void startEntry(String name) {
    current = stack.peek().resolve(NioFileTree.fromBytes(name));
  }

  @Override
  public void endEntry() {}

  @Override
  public void endDirectory() {
    current = stack.pop();
  }

  @Override
  public void startFile(boolean executable, long size) throws IOException {
    this.executable = executable;
    file = Files.newOutputStream(current);
  }

  @Override
  public void fileData(byte[] buf, int off, int len) throws IOException {
    file.write(buf, off, len);
  }

  @Override
  public void endFile() throws IOException {
    file.close();
    file = null;
    try {
      Files.setPosixFilePermissions(current, executable ? EXECUTABLE : READ_ONLY);
    } catch (UnsupportedOperationException e) {
      current.toFile().setExecutable(executable);
    }
  }

  @Override
  public void symlink(String target) throws IOException {
    Files.createSymbolicLink(current, Path.of(NioFileTree.fromBytes(target)));
  }
}
