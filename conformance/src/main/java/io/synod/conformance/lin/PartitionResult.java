package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.List;

/**
 * The verdict on one partition (one key of an independent history, or the whole history).
 *
 * @param key the key, or null if the history was not split
 * @param operations how many operations the partition has
 * @param verdict the answer
 * @param configs configurations explored
 * @param witness for a valid partition, a linearization (completed operations and the
 *     indeterminate ones that took effect), else empty
 * @param failure for an invalid partition, the explanation, else null
 * @param unknownReason for an unknown partition, why the search gave up, else null
 * @param finalStates when asked for: every model state the object may be in after the
 *     history, in EDN, sorted
 */
public record PartitionResult(
    Object key,
    int operations,
    Verdict verdict,
    long configs,
    List<Operation> witness,
    Failure failure,
    String unknownReason,
    List<String> finalStates) {}
