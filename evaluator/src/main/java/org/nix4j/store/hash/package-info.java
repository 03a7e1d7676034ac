/**
 * Hashes as Nix prints and parses them: {@link org.nix4j.store.hash.Hash} (base 16, Nix base 32,
 * base 64, SRI; {@code parseAny} with Nix's rules and messages), {@link
 * org.nix4j.store.hash.Base32}, {@link org.nix4j.store.hash.HashAlgorithm} and a streaming
 * {@link org.nix4j.store.hash.HashSink}.
 */
package org.nix4j.store.hash;
