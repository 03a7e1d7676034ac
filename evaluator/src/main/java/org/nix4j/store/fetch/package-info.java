/**
 * The store side of the fetchers for local sources: archive unpacking
 * ({@link org.nix4j.store.fetch.ArchiveUnpacker}), {@code fetchurl} and {@code fetchTarball} of
 * {@code file://} URLs ({@link org.nix4j.store.fetch.Fetchers}) and {@code fetchGit} of local
 * repositories through the {@code git} command ({@link org.nix4j.store.fetch.GitFetcher}).
 * Argument parsing and the network policy stay with the builtins.
 */
package org.nix4j.store.fetch;
