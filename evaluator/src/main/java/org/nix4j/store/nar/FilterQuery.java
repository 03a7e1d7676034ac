package org.nix4j.store.nar;

import org.nix4j.io.fs.FileType;

/**
 * A question a filtered {@link TreeWalk} asks: should the entry at {@code path} (the full path
 * in the walked tree, e.g. {@code /home/u/src/sub/c.txt}) of that {@code type} be included?
 * For {@code builtins.path} and {@code filterSource} the answer is the filter function applied
 * to the path string and {@link FileType#nixName()}.
 */
public record FilterQuery(String path, FileType type) {}
