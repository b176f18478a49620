package io.synod.conformance.lin;

import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Queues: {@code :enqueue v} and {@code :dequeue} whose value is the element returned. A
 * dequeue of nil means the queue was empty; for the FIFO queue, whose head is known, a nil
 * dequeue of a non-empty queue is a dequeue of unknown value (unless {@code --strict-nil}).
 */
final class QueueModels {
  private QueueModels() {}

  private static String validate(String name, Operation op) {
    return op.f().equals("enqueue") || op.f().equals("dequeue")
        ? null
        : "the " + name + " model has no operation :" + op.f() + " (expected :enqueue, :dequeue)";
  }

  /** Elements come out in the order they went in. State: the elements, head first. */
  static final class Fifo implements Model<List<Object>> {
    private final List<Object> initial;
    private final boolean strictNil;

    Fifo(List<?> initial, boolean strictNil) {
      this.initial = List.copyOf(initial);
      this.strictNil = strictNil;
    }

    @Override
    public String name() {
      return "fifo-queue";
    }

    @Override
    public List<Object> initial() {
      return initial;
    }

    @Override
    public List<Object> step(List<Object> q, Operation op) {
      Object v = op.value();
      if (op.f().equals("enqueue")) {
        List<Object> next = new ArrayList<>(q.size() + 1);
        next.addAll(q);
        next.add(v);
        return List.copyOf(next);
      }
      if (q.isEmpty()) {
        return v == null ? q : null;
      }
      if (v == null ? !strictNil : Objects.equals(q.get(0), v)) {
        return List.copyOf(q.subList(1, q.size()));
      }
      return null;
    }

    @Override
    public String explain(List<Object> q, Operation op) {
      return "can't dequeue " + EdnValues.print(op.value()) + " from queue " + EdnValues.print(q);
    }

    @Override
    public String validate(Operation op) {
      if (op.f().equals("enqueue") && op.value() == null) {
        return ":enqueue takes a value, found nil";
      }
      return QueueModels.validate(name(), op);
    }
  }

  /** Any element may come out. State: element -> how many are queued. */
  static final class Unordered implements Model<Map<Object, Integer>> {
    private final Map<Object, Integer> initial;

    Unordered(List<?> initial) {
      Map<Object, Integer> m = new HashMap<>();
      initial.forEach(v -> m.merge(v, 1, Integer::sum));
      this.initial = Map.copyOf(m);
    }

    @Override
    public String name() {
      return "unordered-queue";
    }

    @Override
    public Map<Object, Integer> initial() {
      return initial;
    }

    @Override
    public Map<Object, Integer> step(Map<Object, Integer> q, Operation op) {
      Object v = op.value();
      if (op.f().equals("enqueue")) {
        Map<Object, Integer> next = new HashMap<>(q);
        next.merge(v, 1, Integer::sum);
        return Map.copyOf(next);
      }
      if (v == null) {
        return q.isEmpty() ? q : null;
      }
      Integer n = q.get(v);
      if (n == null) {
        return null;
      }
      Map<Object, Integer> next = new HashMap<>(q);
      if (n == 1) {
        next.remove(v);
      } else {
        next.put(v, n - 1);
      }
      return Map.copyOf(next);
    }

    @Override
    public String explain(Map<Object, Integer> q, Operation op) {
      return op.value() == null
          ? "can't dequeue nothing from a non-empty queue " + show(q)
          : "can't dequeue " + EdnValues.print(op.value()) + ": not in queue " + show(q);
    }

    @Override
    public String validate(Operation op) {
      if (op.f().equals("enqueue") && op.value() == null) {
        return ":enqueue takes a value, found nil";
      }
      return QueueModels.validate(name(), op);
    }

    @Override
    public String show(Map<Object, Integer> q) {
      List<String> items = new ArrayList<>();
      q.forEach((v, n) -> {
        for (int i = 0; i < n; i++) {
          items.add(EdnValues.print(v));
        }
      });
      items.sort(null);
      return "#multiset[" + String.join(" ", items) + "]";
    }
  }
}
