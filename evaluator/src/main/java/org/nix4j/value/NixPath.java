package org.nix4j.value;

/** An absolute, normalised path (a byte string), as path literals and path arithmetic give. */
public final class NixPath extends Value {
  public final String path;

  private NixPath(String path) {
    this.path = path;
  }

  /** A path from an absolute byte string that is already normalised. */
  public static NixPath of(String normalisedAbsolute) {
    return new NixPath(normalisedAbsolute);
  }

  /**
   * Normalises an absolute path as Nix's canonPath does, without touching the file system:
   * removes {@code .} and empty components, resolves {@code ..} lexically (never above the root)
   * and drops a trailing slash.
   */
  public static String canonicalise(String path) {
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    int n = path.length();
    while (true) {
      while (i < n && path.charAt(i) == '/') {
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      while (i < n && path.charAt(i) != '/') {
        i++;
      }
      int len = i - start;
      if (len == 1 && path.charAt(start) == '.') {
        continue;
      }
      if (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.') {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
        continue;
      }
      out.append('/').append(path, start, i);
    }
    return out.length() == 0 ? "/" : out.toString();
  }

  @Override
  public String typeOf() {
    return "path";
  }

  @Override
  public String describe() {
    return "a path";
  }

  @Override
  public String toString() {
    return path;
  }
}
