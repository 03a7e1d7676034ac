package org.nix4j.io;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file system seen through a sandbox: reads only under the allowed roots (after resolving
 * symlinks, so a link cannot lead out), an empty environment, no network, a fixed clock. What
 * the language server evaluates with: a file opened in an editor can never make it read
 * anything else.
 */
public final class SandboxIO extends RealIO {
  private final List<String> roots;

  /** @param roots absolute byte-string paths under which reading is allowed */
  public SandboxIO(List<String> roots) {
    super(Map.of());
    this.roots = roots.stream().map(r -> r.endsWith("/") ? r.substring(0, r.length() - 1) : r).toList();
  }

  @Override
  public boolean mayRead(String path) {
    String real = canonicalPath(path);
    for (String root : roots) {
      if (under(path, root) && under(real, root)) {
        return true;
      }
    }
    return false;
  }

  private static boolean under(String path, String root) {
    return path.equals(root) || path.startsWith(root + "/") || root.isEmpty();
  }

  @Override
  protected void checkRead(String path) {
    if (!mayRead(path)) {
      throw new EvalIOException("access to path '" + path + "' is forbidden in the sandbox of nix4j");
    }
  }

  @Override
  public Optional<String> getEnv(String name) {
    return Optional.empty();
  }

  @Override
  public long currentTime() {
    return 0;
  }

  @Override
  public boolean networkAllowed() {
    return false;
  }
}
