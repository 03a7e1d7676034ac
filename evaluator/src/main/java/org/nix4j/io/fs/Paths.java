package org.nix4j.io.fs;

import java.util.ArrayList;
import java.util.List;

/** Helpers for the canonical absolute byte-string paths of {@link FileTree}. */
public final class Paths {
  /** How many symlinks a resolution follows before giving up (Linux's limit). */
  public static final int MAX_SYMLINK_HOPS = 40;

  private Paths() {}

  /**
   * Canonicalises an absolute path lexically: removes empty and {@code .} components and
   * resolves {@code ..} against the previous component (Nix's {@code canonPath} without
   * following symlinks).
   */
  public static String canonical(String path) {
    if (path.isEmpty() || path.charAt(0) != '/') {
      throw new IllegalArgumentException("not an absolute path: " + path);
    }
    if (isCanonical(path)) {
      return path;
    }
    List<String> parts = new ArrayList<>();
    for (String c : path.split("/", -1)) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(c);
    }
    return parts.isEmpty() ? "/" : "/" + String.join("/", parts);
  }

  /** Whether an absolute path has no empty, {@code .} or {@code ..} components. */
  private static boolean isCanonical(String path) {
    int n = path.length();
    if (n == 1) {
      return true;
    }
    if (path.charAt(n - 1) == '/') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (path.charAt(i) == '/') {
        int j = i + 1;
        if (j == n || path.charAt(j) == '/') {
          return false;
        }
        if (path.charAt(j) == '.') {
          int k = j + 1;
          if (k == n || path.charAt(k) == '/') {
            return false;
          }
          if (path.charAt(k) == '.' && (k + 1 == n || path.charAt(k + 1) == '/')) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** {@code dir + "/" + name}, minding the root. */
  public static String child(String dir, String name) {
    return dir.equals("/") ? "/" + name : dir + "/" + name;
  }

  /** The directory part of a canonical path ({@code /} for {@code /} and {@code /a}). */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  /** The last component of a canonical path (empty for {@code /}). */
  public static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Where a symlink at {@code linkPath} with that target points, canonicalised lexically. */
  public static String resolveLink(String linkPath, String target) {
    return canonical(target.startsWith("/") ? target : child(parent(linkPath), target));
  }

  /** Whether {@code path} is {@code dir} or below it. */
  public static boolean isWithin(String path, String dir) {
    return path.equals(dir)
        || dir.equals("/")
        || (path.startsWith(dir) && path.length() > dir.length() && path.charAt(dir.length()) == '/');
  }
}
