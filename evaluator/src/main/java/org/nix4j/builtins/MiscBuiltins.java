package org.nix4j.builtins;

import org.nix4j.value.NixInt;
import org.nix4j.value.NixString;

/** currentSystem, langVersion, nixVersion, placeholder. */
final class MiscBuiltins {
  private MiscBuiltins() {}

  /** What {@code builtins.nixVersion} says: nix4j evaluates as Nix 2.8 does. */
  static final String NIX_VERSION = "2.8.0";
  static final int LANG_VERSION = 6;

  static void register(Registry r) {
    r.constant("currentSystem", NixString.of(currentSystem()), false);
    r.constant("langVersion", NixInt.of(LANG_VERSION), false);
    r.constant("nixVersion", NixString.of(NIX_VERSION), false);
    r.add(new Primop("placeholder", 1, 1, (vm, a) ->
        NixString.of(placeholder(Expect.stringNoContext(a[0])))), true);
  }

  /** The placeholder of an output: "/" and the base-32 SHA-256 of "nix-output:NAME". */
  static String placeholder(String output) {
    return "/" + HashBuiltins.base32(HashBuiltins.digest("SHA-256", "nix-output:" + output));
  }

  /** Nix's name for the platform this runs on, such as "x86_64-linux". */
  static String currentSystem() {
    String arch = System.getProperty("os.arch", "");
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    String a = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      case "riscv64" -> "riscv64";
      case "ppc64le" -> "powerpc64le";
      default -> arch;
    };
    String o = os.contains("mac") || os.contains("darwin") ? "darwin"
        : os.contains("freebsd") ? "freebsd" : os.contains("linux") ? "linux" : os.replace(' ', '_');
    return a + "-" + o;
  }
}
