package io.synod.conformance.lin;

import io.synod.conformance.history.Event;
import io.synod.conformance.history.EventType;
import io.synod.conformance.history.History;
import io.synod.conformance.history.Operation;
import io.synod.conformance.history.OperationPairer;
import java.util.List;

/**
 * Plants a stale read: a read that returns the value of a write W1 although another write W2
 * began after W1 completed and completed before the read began. Written values are unique, so
 * no order can explain it.
 */
final class StaleRead {
  private StaleRead() {}

  /** Rewrites one read's completion in place; false if the history has no suitable triple. */
  static boolean plant(List<Event> events) {
    History h = new OperationPairer().pair("plant", events);
    List<Operation> ops = h.operations();
    for (Operation r : ops) {
      if (!r.ok() || !r.f().equals("read")) {
        continue;
      }
      for (Operation w2 : ops) {
        if (!w2.ok() || !w2.f().equals("write") || w2.completedAt() >= r.invokedAt()) {
          continue;
        }
        for (Operation w1 : ops) {
          if (w1.ok() && w1.f().equals("write") && w1.completedAt() < w2.invokedAt()) {
            Event c = r.completion();
            events.set(c.ordinal(), new Event(c.ordinal(), c.process(), EventType.OK, c.f(),
                w1.value(), c.time(), c.index(), c.error(), c.line(), c.column()));
            return true;
          }
        }
      }
    }
    return false;
  }
}
