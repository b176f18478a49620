package io.synod.checker.engine.fp;

/** The fingerprint set reached its maximum load; the run needs a larger memory budget. */
public final class FingerprintSetFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FingerprintSetFullException(int slots) {
    super("The fingerprint set is full (" + slots + " slots); give it more memory.", null, false, false);
  }
}
