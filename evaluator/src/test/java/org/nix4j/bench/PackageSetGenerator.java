package org.nix4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a large Nix file shaped like a package collection (an {@code all-packages.nix}):
 * thousands of {@code callPackage}d derivations with strings, interpolation, indented strings,
 * lists, lambdas with formals, {@code inherit}, {@code with} and {@code rec}. Deterministic for a
 * given seed, so benchmark inputs are the same on every machine.
 *
 * <p>{@code java ... org.nix4j.bench.PackageSetGenerator OUT.nix [TARGET_LINES]} writes one.
 */
public final class PackageSetGenerator {
  private static final String[] DEPS = {
    "openssl", "zlib", "curl", "libxml2", "sqlite", "readline", "ncurses", "libffi", "pcre2",
    "bzip2", "xz", "expat", "gettext", "glib", "gtk3", "python3", "perl", "libpng", "libjpeg"
  };
  private static final String[] LICENSES = {"mit", "bsd3", "gpl3Plus", "asl20", "lgpl21Plus"};
  private static final String[] MAINTAINERS = {"alice", "bob", "carol", "dave", "erin"};

  private PackageSetGenerator() {}

  /** A package collection of about {@code targetLines} lines. */
  public static String generate(int targetLines, long seed) {
    Random rnd = new Random(seed);
    StringBuilder sb = new StringBuilder(targetLines * 52);
    sb.append("# A generated package collection for benchmarks; not a real one.\n");
    sb.append("{ lib, stdenv, fetchurl, fetchFromGitHub, callPackage, config ? { }, ... }:\n\n");
    sb.append("with lib;\n\nlet\n");
    sb.append("  mkVersion = major: minor: \"${toString major}.${toString minor}\";\n");
    sb.append("  inherit (lib) optional optionals licenses maintainers platforms;\n");
    sb.append("  /* shared flags */\n");
    sb.append("  commonFlags = [ \"--enable-shared\" \"--disable-static\" ];\n");
    sb.append("in\nrec {\n");
    int lines = 12;
    int i = 0;
    while (lines < targetLines - 2) {
      lines += appendPackage(sb, i++, rnd);
    }
    sb.append("}\n");
    return sb.toString();
  }

  private static int appendPackage(StringBuilder sb, int i, Random rnd) {
    String name = "pkg" + i;
    String dep1 = DEPS[rnd.nextInt(DEPS.length)];
    String dep2 = DEPS[rnd.nextInt(DEPS.length)];
    int start = sb.length();
    sb.append("  # ").append(name).append(": generated package number ").append(i)
        .append(", built with ").append(dep1).append(" and optionally ").append(dep2)
        .append(" (documentation is off by default; never built, only parsed)\n");
    sb.append("  ").append(name).append(" = callPackage ({ stdenv, fetchurl, lib, ")
        .append(dep1).append(", ").append(dep2.equals(dep1) ? "pkg-config" : dep2)
        .append(" ? null, withDocs ? false }:\n");
    sb.append("    stdenv.mkDerivation rec {\n");
    sb.append("      pname = \"").append(name).append("\";\n");
    sb.append("      version = \"").append(rnd.nextInt(10)).append('.').append(rnd.nextInt(30))
        .append('.').append(rnd.nextInt(100)).append("\";\n");
    if (rnd.nextBoolean()) {
      sb.append("      src = fetchurl {\n");
      sb.append("        url = \"https://example.org/releases/${pname}-${version}.tar.gz\";\n");
      sb.append("        sha256 = \"").append(hash(rnd)).append("\";\n");
      sb.append("      };\n");
    } else {
      sb.append("      src = fetchFromGitHub {\n");
      sb.append("        owner = \"example\";\n        repo = pname;\n");
      sb.append("        rev = \"v${version}\";\n");
      sb.append("        hash = \"sha256-").append(hash(rnd)).append("=\";\n");
      sb.append("      };\n");
    }
    sb.append("      buildInputs = [ ").append(dep1).append(" ] ++ optional withDocs ")
        .append(dep2).append(";\n");
    sb.append("      configureFlags = commonFlags ++ [ \"--with-").append(dep1)
        .append("=${lib.getDev ").append(dep1)
        .append("}\" \"--sysconfdir=/etc/${pname}\" \"--localstatedir=/var/lib/${pname}\" ];\n");
    if (rnd.nextInt(3) == 0) {
      sb.append("      postInstall = ''\n");
      sb.append("        mkdir -p $out/share/${pname}\n");
      sb.append("        cp -r docs/* $out/share/${pname}/ || true\n");
      sb.append("        echo ''${HOME} > $out/share/home\n");
      sb.append("      '';\n");
    }
    if (rnd.nextInt(4) == 0) {
      sb.append("      doCheck = stdenv.hostPlatform == stdenv.buildPlatform && !withDocs;\n");
      sb.append("      passthru.tests = { inherit pname version; run = x: x + 1; };\n");
    }
    sb.append("      meta = with lib; {\n");
    sb.append("        description = \"Generated package ").append(i)
        .append(" for benchmarks, a library and command-line tools using ").append(dep1)
        .append("\";\n");
    sb.append("        homepage = \"https://example.org/projects/").append(name)
        .append("/index.html\";\n");
    sb.append("        license = licenses.").append(LICENSES[rnd.nextInt(LICENSES.length)])
        .append(";\n");
    sb.append("        maintainers = with maintainers; [ ")
        .append(MAINTAINERS[rnd.nextInt(MAINTAINERS.length)]).append(" ];\n");
    sb.append("        platforms = platforms.").append(rnd.nextBoolean() ? "unix" : "linux")
        .append(";\n");
    sb.append("      };\n");
    sb.append("    }) { };\n\n");
    int n = 0;
    for (int k = start; k < sb.length(); k++) {
      if (sb.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  private static String hash(Random rnd) {
    String alphabet = "0123456789abcdfghijklmnpqrsvwxyz";
    StringBuilder h = new StringBuilder(52);
    for (int k = 0; k < 52; k++) {
      h.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return h.toString();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: PackageSetGenerator OUT.nix [TARGET_LINES]");
      System.exit(2);
    }
    int lines = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
    Files.writeString(Path.of(args[0]), generate(lines, 42), StandardCharsets.UTF_8);
  }
}
