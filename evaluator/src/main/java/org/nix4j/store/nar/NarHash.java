package org.nix4j.store.nar;

import org.nix4j.store.hash.Hash;

/** The sha256 hash of a NAR and its size in bytes (Nix's {@code narHash} and {@code narSize}). */
public record NarHash(Hash hash, long size) {}
