package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Event;
import io.synod.conformance.history.HistoryFormatException;
import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a history of independent keys ({@code :value [key value]}, as Jepsen's independent
 * checker writes it) into one history per key. Linearizability is compositional (P-
 * compositional for such objects), so the history is linearizable iff every key's is.
 */
final class Partitioner {
  private Partitioner() {}

  /**
   * True if every value of every event looks like {@code [key value]} with a scalar key, and
   * the values so unwrapped suit the model (a history of nothing but {@code :cas [old new]}
   * looks keyed, but its unwrapped values are no cas arguments).
   */
  static boolean looksIndependent(String source, List<Operation> ops, Model<?> model) {
    if (ops.isEmpty()) {
      return false;
    }
    for (Operation op : ops) {
      if (!isPair(op.invoke().value()) || (op.completion() != null && !isPair(op.completion().value()))) {
        return false;
      }
    }
    for (List<Operation> part : split(source, ops).values()) {
      for (Operation op : part) {
        if (model.validate(op) != null) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isPair(Object v) {
    return v instanceof List<?> l && l.size() == 2 && !(l.get(0) instanceof List<?>)
        && !(l.get(0) instanceof Map<?, ?>);
  }

  /** Per key in order of first appearance: the key's operations with the key stripped. */
  static Map<Object, List<Operation>> split(String source, List<Operation> ops) {
    Map<Object, List<Operation>> parts = new LinkedHashMap<>();
    for (Operation op : ops) {
      if (!(op.value() instanceof List<?> l) || l.size() != 2) {
        Event at = op.completion() != null && op.ok() ? op.completion() : op.invoke();
        throw new HistoryFormatException(source, at.line(), at.column(),
            "with independent keys every :value is [key value], found " + EdnValues.print(op.value()));
      }
      List<Operation> part = parts.computeIfAbsent(l.get(0), k -> new ArrayList<>());
      part.add(op.with(part.size(), l.get(1)));
    }
    return parts;
  }
}
