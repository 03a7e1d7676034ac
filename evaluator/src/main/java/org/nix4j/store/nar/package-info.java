/**
 * NAR (Nix ARchive) serialisation: trees are walked ({@link org.nix4j.store.nar.TreeWalk}, pull
 * style, with filter queries) into {@link org.nix4j.store.nar.TreeSink} events, which are written
 * ({@link org.nix4j.store.nar.NarWriter}), hashed ({@link org.nix4j.store.nar.Nar}), or
 * materialised in memory or on disk; {@link org.nix4j.store.nar.NarReader} parses NARs into the
 * same events. Everything streams file contents in chunks and uses explicit stacks.
 */
package org.nix4j.store.nar;
