package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.List;

/**
 * Why a partition is not linearizable: the first operation that cannot be linearized (the
 * completion at which every candidate order dies, as Knossos reports it), the last completed
 * operation before it, and the longest partial linearizations that reached it.
 *
 * @param op the operation that cannot be linearized
 * @param previousOk the last {@code :ok} operation completed before it, or null
 * @param paths the partial linearizations that got furthest (at most a few)
 */
public record Failure(Operation op, Operation previousOk, List<Path> paths) {

  /** One step of a partial linearization: an operation and the model state it led to. */
  public record Step(Operation op, String state) {}

  /**
   * A partial linearization that got as far as possible.
   *
   * @param length how many operations it linearized in all
   * @param tail its last steps (at most {@link LinearizationSearch#PATH_TAIL})
   * @param state the model state at its end
   * @param stuck the operation that cannot go next
   * @param reason why the model rejects it, e.g. "can't read 3 from register 4"
   */
  public record Path(int length, List<Step> tail, String state, Operation stuck, String reason) {}
}
