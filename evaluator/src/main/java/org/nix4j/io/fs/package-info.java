/**
 * Read-only file trees addressed by absolute byte-string paths ({@link org.nix4j.io.fs.FileTree}):
 * the real file system ({@link org.nix4j.io.fs.NioFileTree}) and immutable in-memory trees
 * ({@link org.nix4j.io.fs.MemoryFileTree}, {@link org.nix4j.io.fs.MemoryNode}). Store imports
 * and NAR serialisation read through this interface, so the evaluator's I/O layer (sandbox,
 * editor overlays) can supply its own implementation.
 */
package org.nix4j.io.fs;
