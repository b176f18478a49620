package io.synod.checker.engine;

/**
 * A checkpoint could not be written or read back: the message says which file and why, in
 * words for the user (never a stack trace).
 */
public final class CheckpointException extends RuntimeException {
  private final boolean mismatch;

  public CheckpointException(String message) {
    this(message, false);
  }

  /**
   * @param mismatch the checkpoint is whole but was written for something else (another format
   *     of Synod's), which is the user's choice to correct rather than a damaged file
   */
  public CheckpointException(String message, boolean mismatch) {
    super(message);
    this.mismatch = mismatch;
  }

  /** Whether the checkpoint is whole but does not fit this check (see the constructor). */
  public boolean mismatch() {
    return mismatch;
  }
}
