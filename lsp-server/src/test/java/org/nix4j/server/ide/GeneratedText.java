package org.nix4j.server.ide;

/** Texts the tests generate: a package collection's shape, at any size. */
public final class GeneratedText {
  private GeneratedText() {}

  /** A {@code rec} set of {@code n} packages made with {@code callPackage}, under {@code with lib;}. */
  public static String packageSet(int n) {
    StringBuilder sb = new StringBuilder("{ lib, stdenv, fetchurl, callPackage, ... }:\nwith lib;\nlet\n"
        + "  mkVersion = major: minor: \"${toString major}.${toString minor}\";\nin\nrec {\n");
    for (int i = 0; i < n; i++) {
      sb.append("  pkg").append(i).append(" = callPackage ({ stdenv, fetchurl, lib }:\n")
          .append("    stdenv.mkDerivation rec {\n")
          .append("      pname = \"pkg").append(i).append("\";\n")
          .append("      version = \"").append(i % 7).append('.').append(i % 13).append("\";\n")
          .append("      src = fetchurl { url = \"https://example.org/${pname}-${version}.tar.gz\"; };\n")
          .append("      meta = { description = \"package ").append(i).append("\"; license = licenses.mit; };\n")
          .append("    }) { };\n");
    }
    return sb.append("}\n").toString();
  }
}
