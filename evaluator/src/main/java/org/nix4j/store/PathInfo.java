package org.nix4j.store;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import org.nix4j.store.hash.Hash;

/**
 * What a store knows about a valid path: its NAR hash (sha256) and size, its references and,
 * when it is content-addressed, its content address in Nix's text form ({@code text:sha256:…}
 * or {@code fixed:[r:]ALGO:…} with a base-32 hash), else null.
 */
public record PathInfo(StorePath path, Hash narHash, long narSize, SortedSet<StorePath> references, String ca) {
  public PathInfo {
    references = Collections.unmodifiableSortedSet(new TreeSet<>(references));
  }

  /** {@code narHash} as Nix shows it in fetcher results: SRI. */
  public String narHashSri() {
    return narHash.toSri();
  }
}
