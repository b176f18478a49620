package io.synod.conformance.lin;

import java.time.Duration;

/**
 * How to check.
 *
 * @param consistency linearizable or sequential
 * @param timeout wall-clock budget for the whole history, or null for none
 * @param maxConfigs most configurations one partition may remember, or 0 for a default
 *     derived from the heap size
 * @param threads partitions checked at once
 * @param independent split by key ({@code :value [k v]}): true, false, or null to detect it
 * @param finalStates also collect every state the object may end in (explores everything)
 * @param maxPaths how many partial linearizations to keep for an invalid partition
 */
public record LinOptions(
    Consistency consistency,
    Duration timeout,
    long maxConfigs,
    int threads,
    Boolean independent,
    boolean finalStates,
    int maxPaths) {

  public static LinOptions defaults() {
    return new LinOptions(Consistency.LINEARIZABLE, null, 0, Runtime.getRuntime().availableProcessors(), null, false, 4);
  }

  public LinOptions withConsistency(Consistency c) {
    return new LinOptions(c, timeout, maxConfigs, threads, independent, finalStates, maxPaths);
  }

  public LinOptions withTimeout(Duration t) {
    return new LinOptions(consistency, t, maxConfigs, threads, independent, finalStates, maxPaths);
  }

  public LinOptions withMaxConfigs(long m) {
    return new LinOptions(consistency, timeout, m, threads, independent, finalStates, maxPaths);
  }

  public LinOptions withThreads(int n) {
    return new LinOptions(consistency, timeout, maxConfigs, n, independent, finalStates, maxPaths);
  }

  public LinOptions withIndependent(Boolean b) {
    return new LinOptions(consistency, timeout, maxConfigs, threads, b, finalStates, maxPaths);
  }

  public LinOptions withFinalStates(boolean b) {
    return new LinOptions(consistency, timeout, maxConfigs, threads, independent, b, maxPaths);
  }
}
