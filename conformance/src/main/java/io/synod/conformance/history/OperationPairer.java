package io.synod.conformance.history;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs each invocation with its completion, process by process, as Jepsen defines a history:
 * a process has at most one outstanding invocation, {@code :fail} means the operation did not
 * happen, {@code :info} means it may have happened and the process is gone, and an invocation
 * that never completes by the end of the history is treated like {@code :info}. Anything that
 * breaks these rules is an error, never silently repaired.
 */
public final class OperationPairer {

  public History pair(String source, List<Event> events) {
    Map<Long, Event> outstanding = new HashMap<>();
    Map<Long, Event> crashed = new HashMap<>();
    // Completed ops are placed by their invocation so the result is in invocation order.
    Map<Event, Event> completionOf = new HashMap<>();
    List<Event> invocations = new ArrayList<>();
    int failed = 0;
    for (Event e : events) {
      Long p = e.process();
      if (e.type() == EventType.INVOKE) {
        Event open = outstanding.get(p);
        if (open != null) {
          throw error(source, e, "process " + p + " invokes :" + e.f() + " while its :" + open.f()
              + " invoked at line " + open.line() + ":" + open.column() + " is still outstanding");
        }
        Event gone = crashed.get(p);
        if (gone != null) {
          throw error(source, e, "process " + p + " invokes :" + e.f() + " after its :info at line "
              + gone.line() + ":" + gone.column() + "; a crashed process issues nothing more");
        }
        outstanding.put(p, e);
        invocations.add(e);
        continue;
      }
      Event inv = outstanding.remove(p);
      if (inv == null) {
        throw error(source, e, article(e) + " :" + e.type().keyword() + " of :" + e.f() + " for process "
            + p + " with no outstanding :invoke");
      }
      if (!inv.f().equals(e.f())) {
        throw error(source, e, article(e) + " :" + e.type().keyword() + " of :" + e.f() + " for process "
            + p + " completes an :invoke of :" + inv.f() + " (line " + inv.line() + ":" + inv.column()
            + ")");
      }
      completionOf.put(inv, e);
      if (e.type() == EventType.INFO) {
        crashed.put(p, e);
      } else if (e.type() == EventType.FAIL) {
        failed++;
      }
    }
    List<Operation> ops = new ArrayList<>();
    for (Event inv : invocations) {
      Event done = completionOf.get(inv);
      if (done != null && done.type() == EventType.FAIL) {
        continue;
      }
      boolean ok = done != null && done.type() == EventType.OK;
      Object value = ok && done.value() != null ? done.value() : inv.value();
      ops.add(new Operation(ops.size(), inv.process(), inv.f(), value, ok, inv, done));
    }
    return new History(source, List.copyOf(events), List.copyOf(ops), failed);
  }

  private static String article(Event e) {
    return e.type() == EventType.FAIL ? "a" : "an";
  }

  private static HistoryFormatException error(String source, Event at, String msg) {
    return new HistoryFormatException(source, at.line(), at.column(), msg);
  }
}
