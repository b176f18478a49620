package io.synod.conformance.lin;

import java.util.List;

/**
 * The verdict on a whole history.
 *
 * @param source the history's file name
 * @param model the model's name
 * @param consistency the level checked
 * @param verdict invalid if any partition is invalid, else unknown if any is unknown, else valid
 * @param operations operations checked (after dropping {@code :fail}ed ones)
 * @param partitions the partitions that decided the verdict, in partition order: all of them
 *     when valid or unknown, the first invalid one when invalid
 * @param partitionCount how many partitions the history was split into
 * @param configs configurations explored over all partitions
 * @param millis wall time of the search
 */
public record LinResult(
    String source,
    String model,
    Consistency consistency,
    Verdict verdict,
    int operations,
    List<PartitionResult> partitions,
    int partitionCount,
    long configs,
    long millis) {

  /** The first invalid partition, or null. */
  public PartitionResult invalid() {
    return partitions.stream().filter(p -> p.verdict() == Verdict.INVALID).findFirst().orElse(null);
  }
}
