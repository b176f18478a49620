package io.synod.checker.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * Checkpoints of one check ({@code -checkpoint}, {@code -recover}): where and how often the
 * search writes a consistent snapshot, and which snapshot it resumes from.
 *
 * @param dir where checkpoints are written ({@link CheckpointFile#NAME} in it); null for none
 * @param intervalMillis time between checkpoints; 0 for none on a timer
 * @param everyStates a checkpoint after every this many expanded states (for tests, where a
 *     timer would make the point of the checkpoint unpredictable); 0 for none
 * @param recoverFrom the directory of the checkpoint to resume from; null to start afresh
 * @param identity what the checkpoint must have been written for (the spec's and config's
 *     digests, the options that change the state space), compared key by key on recovery
 */
public record CheckpointSettings(
    Path dir, long intervalMillis, long everyStates, Path recoverFrom, Map<String, String> identity) {

  public CheckpointSettings {
    if (intervalMillis < 0 || everyStates < 0) {
      throw new IllegalArgumentException("checkpoint intervals must be >= 0");
    }
    identity = Map.copyOf(identity);
  }

  /** Whether checkpoints are written at all. */
  public boolean writes() {
    return dir != null && (intervalMillis > 0 || everyStates > 0);
  }
}
