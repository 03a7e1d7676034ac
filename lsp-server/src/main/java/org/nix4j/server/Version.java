package org.nix4j.server;

/** The version of nix4j, from the jar's manifest (or the development version). */
public final class Version {
  public static final String VERSION = version();

  private Version() {}

  private static String version() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
