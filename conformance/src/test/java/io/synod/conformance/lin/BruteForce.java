package io.synod.conformance.lin;

import io.synod.conformance.history.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A deliberately naive checker to compare the search against: every subset of the
 * indeterminate operations, every permutation, keep those consistent with the order
 * constraints, run a cas-register (its own few lines, not the model classes) over them.
 * Exponential; only for histories of a handful of operations.
 */
final class BruteForce {
  private BruteForce() {}

  static boolean check(List<Operation> ops, Consistency level, Object init) {
    List<Operation> oks = new ArrayList<>();
    List<Operation> infos = new ArrayList<>();
    for (Operation o : ops) {
      (o.ok() ? oks : infos).add(o);
    }
    for (int mask = 0; mask < (1 << infos.size()); mask++) {
      List<Operation> chosen = new ArrayList<>(oks);
      for (int i = 0; i < infos.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          chosen.add(infos.get(i));
        }
      }
      if (anyPermutation(chosen, new ArrayList<>(), new boolean[chosen.size()], level, init)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anyPermutation(List<Operation> ops, List<Operation> order, boolean[] used,
      Consistency level, Object init) {
    if (order.size() == ops.size()) {
      return respectsOrder(order, level) && accepts(order, init);
    }
    for (int i = 0; i < ops.size(); i++) {
      if (!used[i]) {
        used[i] = true;
        order.add(ops.get(i));
        boolean found = anyPermutation(ops, order, used, level, init);
        order.remove(order.size() - 1);
        used[i] = false;
        if (found) {
          return true;
        }
      }
    }
    return false;
  }

  /** No operation comes before one that had to precede it. */
  static boolean respectsOrder(List<Operation> order, Consistency level) {
    for (int i = 0; i < order.size(); i++) {
      for (int j = i + 1; j < order.size(); j++) {
        Operation early = order.get(i);
        Operation late = order.get(j);
        boolean mustBeFirst = level == Consistency.LINEARIZABLE
            ? late.completedAt() < early.invokedAt()
            : late.process() == early.process() && late.invokedAt() < early.invokedAt();
        if (mustBeFirst) {
          return false;
        }
      }
    }
    return true;
  }

  /** A cas-register with reads of nil meaning "unknown value". */
  static boolean accepts(List<Operation> order, Object init) {
    Object reg = init;
    for (Operation op : order) {
      switch (op.f()) {
        case "read" -> {
          if (op.value() != null && !Objects.equals(op.value(), reg)) {
            return false;
          }
        }
        case "write" -> reg = op.value();
        case "cas" -> {
          List<?> ab = (List<?>) op.value();
          if (!Objects.equals(ab.get(0), reg)) {
            return false;
          }
          reg = ab.get(1);
        }
        default -> throw new IllegalArgumentException(op.f());
      }
    }
    return true;
  }
}
