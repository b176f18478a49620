package io.synod.checker.engine.spill;

/** The spill directory or one of its files could not be created, written or read. */
public final class SpillException extends RuntimeException {
  public SpillException(String message) {
    super(message);
  }
}
