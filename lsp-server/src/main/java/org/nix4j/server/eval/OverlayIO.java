package org.nix4j.server.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.nix4j.io.EvalIO;
import org.nix4j.io.RealIO;
import org.nix4j.io.SandboxIO;

/**
 * The evaluator's view of files for the editor: the sandbox ({@link SandboxIO}: reads only
 * under the allowed roots, no environment, no network), with the text of documents open in the
 * editor in place of what is on disk, so that an import sees unsaved edits. Remembers every
 * file it read, so that a change to one of them can invalidate the values computed from it.
 */
public final class OverlayIO implements EvalIO {
  private final SandboxIO sandbox;
  private final Function<Path, String> openText;
  private final Set<Path> read = ConcurrentHashMap.newKeySet();

  /**
   * @param roots absolute byte-string paths under which reading is allowed
   * @param openText the text (a byte string) of the open document at a path, or null
   */
  public OverlayIO(List<String> roots, Function<Path, String> openText) {
    this.sandbox = new SandboxIO(roots);
    this.openText = openText;
  }

  /** Whether the evaluator has read {@code path} (a change to it makes its values stale). */
  public boolean hasRead(Path path) {
    return read.contains(path);
  }

  @Override
  public String readFile(String path) {
    Path p = RealIO.toPath(path).toAbsolutePath().normalize();
    if (sandbox.mayRead(path)) {
      String open = openText.apply(p);
      if (open != null) {
        read.add(p);
        return open;
      }
    }
    String text = sandbox.readFile(path);
    read.add(p);
    return text;
  }

  @Override
  public List<DirEntry> readDir(String path) {
    return sandbox.readDir(path);
  }

  @Override
  public Optional<FileType> fileType(String path) {
    return sandbox.fileType(path);
  }

  @Override
  public boolean pathExists(String path) {
    return sandbox.pathExists(path);
  }

  @Override
  public String readLink(String path) {
    return sandbox.readLink(path);
  }

  @Override
  public boolean isExecutable(String path) {
    return sandbox.isExecutable(path);
  }

  @Override
  public String canonicalPath(String path) {
    return sandbox.canonicalPath(path);
  }

  @Override
  public Optional<String> getEnv(String name) {
    return Optional.empty();
  }

  @Override
  public long currentTime() {
    return sandbox.currentTime();
  }

  @Override
  public boolean networkAllowed() {
    return false;
  }

  @Override
  public boolean mayRead(String path) {
    return sandbox.mayRead(path);
  }
}
