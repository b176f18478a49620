package io.synod.checker.liveness;

/**
 * A temporal formula the liveness checker cannot handle, with TLC's reason; TLC stops such a
 * check before the search with exit code 255.
 */
public final class LivenessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LivenessException(String message) {
    super(message);
  }
}
