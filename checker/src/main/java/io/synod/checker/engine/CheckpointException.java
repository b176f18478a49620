package io.synod.checker.engine;

/**
 * A checkpoint could not be written or read back: the message says which file and why, in
 * words for the user (never a stack trace).
 */
public final class CheckpointException extends RuntimeException {
  public CheckpointException(String message) {
    super(message);
  }
}
