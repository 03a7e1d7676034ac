package org.nix4j.store;

/**
 * An error of the store layer whose message is exactly the text Nix 2.8 prints after
 * {@code error: } for the same situation (for example {@code store path '…' contains illegal
 * character ' '}). The evaluator turns it into an evaluation error with a source span.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
