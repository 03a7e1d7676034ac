package org.nix4j.store.hash;

import org.nix4j.store.StoreException;

/**
 * A hash string Nix would reject; the message is Nix 2.8's, e.g. {@code hash 'abc' has wrong
 * length for hash type 'sha256'} or {@code invalid base-32 hash '…'}.
 */
public class BadHashException extends StoreException {
  private static final long serialVersionUID = 1L;

  public BadHashException(String message) {
    super(message);
  }
}
