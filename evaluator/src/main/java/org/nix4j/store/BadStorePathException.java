package org.nix4j.store;

/**
 * An invalid store path or store path name; the message is Nix 2.8's, e.g. {@code store path
 * 'l4nk…-bad/name' contains illegal character '/'}.
 */
public final class BadStorePathException extends StoreException {
  private static final long serialVersionUID = 1L;

  public BadStorePathException(String message) {
    super(message);
  }
}
