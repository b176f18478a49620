package io.synod.conformance.history;

import java.math.BigInteger;
import java.util.Map;

/**
 * Turns the fields of one op map (EDN or JSON, keys already stripped of their colon) into an
 * {@link Event}, with located messages for whatever is missing or of the wrong kind.
 */
final class EventDecoder {
  private final String source;

  EventDecoder(String source) {
    this.source = source;
  }

  /**
   * @return the event, or null if it belongs to the {@code :nemesis}, Jepsen's one non-client
   *     process; any other process that is not an integer is an error, as dropping its operations
   *     would judge a history that was never read in full
   */
  Event decode(Map<String, Object> fields, int ordinal, int line, int col) {
    if (!fields.containsKey("process")) {
      throw error(line, col, "operation has no :process");
    }
    Object p = fields.get("process");
    if (!(p instanceof Long) && !(p instanceof BigInteger)) {
      if (p instanceof us.bpsm.edn.Keyword || p instanceof String) {
        if ("nemesis".equals(EdnValues.name(p))) {
          return null;
        }
      }
      throw error(line, col, ":process is " + EdnValues.print(p)
          + "; expected an integer (a client) or :nemesis");
    }
    if (p instanceof BigInteger) {
      throw error(line, col, ":process " + p + " does not fit in 64 bits");
    }
    Object t = fields.get("type");
    String tname = EdnValues.name(t);
    EventType type = tname == null ? null : EventType.parse(tname);
    if (type == null) {
      throw error(
          line,
          col,
          (t == null && !fields.containsKey("type")
                  ? "operation has no :type"
                  : ":type is " + EdnValues.print(t))
              + "; expected one of :invoke, :ok, :fail, :info");
    }
    Object f = fields.get("f");
    String fname = EdnValues.name(f);
    if (fname == null || fname.isEmpty()) {
      throw error(
          line,
          col,
          (fields.containsKey("f") ? ":f is " + EdnValues.print(f) : "operation has no :f")
              + "; expected a keyword such as :read");
    }
    return new Event(
        ordinal,
        (Long) p,
        type,
        fname,
        EdnValues.normalize(fields.get("value")),
        integer(fields, "time", line, col),
        integer(fields, "index", line, col),
        EdnValues.normalize(fields.get("error")),
        line,
        col);
  }

  private Long integer(Map<String, Object> fields, String key, int line, int col) {
    Object v = EdnValues.normalize(fields.get(key));
    if (v == null || v instanceof Long) {
      return (Long) v;
    }
    throw error(line, col, ":" + key + " is " + EdnValues.print(v) + "; expected an integer");
  }

  HistoryFormatException error(int line, int col, String msg) {
    return new HistoryFormatException(source, line, col, msg);
  }
}
