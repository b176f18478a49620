package io.synod.sim;

/**
 * One entry of a client history in Jepsen's sense.
 *
 * @param process Jepsen process (a client gets a fresh process after an {@code :info})
 * @param type invoke, ok, fail or info
 * @param op the operation
 * @param value the value read by an OK read, otherwise null
 * @param time virtual time in nanoseconds
 */
public record HistoryEvent(int process, Type type, Op op, Long value, long time) {
  /** Jepsen's {@code :type}. */
  public enum Type {
    INVOKE,
    OK,
    FAIL,
    INFO;

    public String edn() {
      return ":" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
