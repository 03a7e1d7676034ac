package org.nix4j.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files Nix builds in and {@code <nix/…>} finds when the search path has no {@code nix}
 * entry: {@code <nix/fetchurl.nix>}. As in Nix 2.8 they can be imported, but they are not
 * files: {@code pathExists} is false for them and {@code readFile} fails.
 */
final class CorePkgs {
  private CorePkgs() {}

  /** How Nix 2.8 names the built-in files in messages. */
  static final String SOURCE_NAME = "(string)";

  /** The source text of the built-in file at {@code path}, or null if it is not one. */
  static String source(String path) {
    if (!path.startsWith(EvaluatorBuiltins.CORE_PKGS)) {
      return null;
    }
    String name = path.substring(EvaluatorBuiltins.CORE_PKGS.length());
    if (!name.equals("fetchurl.nix")) {
      return null;
    }
    try (InputStream in = CorePkgs.class.getResourceAsStream("corepkgs/" + name)) {
      if (in == null) {
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
