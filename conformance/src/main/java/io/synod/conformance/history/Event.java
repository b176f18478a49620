package io.synod.conformance.history;

/**
 * One line of a client history as recorded: an invocation or a completion.
 *
 * @param ordinal position among the client events of the history (0-based); this, not
 *     {@code :time}, orders events, as in Jepsen
 * @param process the client process (nemesis and other non-integer processes are dropped by
 *     the readers)
 * @param f the operation name without the colon ({@code read}, {@code cas}, ...)
 * @param value the {@code :value}: null for nil, Long, String, {@code us.bpsm.edn.Keyword},
 *     List, Map, Set, Boolean, BigInteger or Double
 * @param time the {@code :time} field or null
 * @param index the {@code :index} field or null
 * @param error the {@code :error} field or null
 * @param line 1-based line where the event starts
 * @param column 1-based column where the event starts
 */
public record Event(
    int ordinal,
    long process,
    EventType type,
    String f,
    Object value,
    Long time,
    Long index,
    Object error,
    int line,
    int column) {

  /** The event as Jepsen would print it, e.g. {@code {:process 1, :type :ok, :f :read, :value 3}}. */
  public String toEdn() {
    StringBuilder sb = new StringBuilder("{:process ").append(process);
    sb.append(", :type :").append(type.keyword());
    sb.append(", :f :").append(f);
    sb.append(", :value ").append(EdnValues.print(value));
    if (index != null) {
      sb.append(", :index ").append(index);
    }
    if (error != null) {
      sb.append(", :error ").append(EdnValues.print(error));
    }
    return sb.append('}').toString();
  }
}
