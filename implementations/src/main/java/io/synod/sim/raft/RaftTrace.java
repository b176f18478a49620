package io.synod.sim.raft;

import io.synod.sim.KvStore;
import io.synod.sim.Protocol;
import io.synod.sim.Ready;
import io.synod.sim.TraceEvent;
import io.synod.sim.record.Itf;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Raft node writes to the implementation trace: one event per action of the usual TLA+
 * formulation of Raft, with the spec variables the step changed, in the spec's names and
 * encodings (see TRACE-FORMAT.md). In a run without a trace every event is a no-op, so the node
 * records its steps the same way either way.
 */
final class RaftTrace {
  /** The event of a run without a trace: records nothing. */
  private final Event none = new Event(null);

  /** Opens the event of spec action {@code action} in {@code out}, before the step's sends. */
  Event event(Ready<RaftMsg> out, String action) {
    return out.tracing() ? new Event(out.event(action)) : none;
  }

  /** One trace event; each method sets a spec variable to its value after the step. */
  final class Event {
    private final TraceEvent<RaftMsg> e;

    private Event(TraceEvent<RaftMsg> e) {
      this.e = e;
    }

    private Event var(String name, Object value) {
      e.var(name, value);
      return this;
    }

    Event currentTerm(long term) {
      return e == null ? this : var("currentTerm", term);
    }

    Event state(RaftNode.Role role) {
      return e == null ? this : var("state", role.spec);
    }

    Event votedFor(int node) {
      return e == null ? this : var("votedFor", name(node));
    }

    Event log(List<Entry> log) {
      return e == null ? this : var("log", logItf(log));
    }

    Event commitIndex(long index) {
      return e == null ? this : var("commitIndex", index);
    }

    /** {@code votesGranted} from the mask of the nodes that granted their vote. */
    Event votesGranted(long mask) {
      return e == null ? this : var("votesGranted", Itf.nodeSet(mask, Protocol::peerName));
    }

    Event nextIndex(long[] index) {
      return e == null ? this : var("nextIndex", indexItf(index));
    }

    Event matchIndex(long[] index) {
      return e == null ? this : var("matchIndex", indexItf(index));
    }

    /** The message the step consumed. */
    Event received(int from, RaftMsg m) {
      if (e != null) {
        e.received(from, m);
      }
      return this;
    }
  }

  private static String name(int node) {
    return node < 0 ? "Nil" : Protocol.peerName(node);
  }

  private static Itf.Tup logItf(List<Entry> log) {
    List<Object> l = new ArrayList<>(log.size());
    for (Entry e : log) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("term", e.term());
      m.put("value", KvStore.itf(e.op()));
      l.add(m);
    }
    return Itf.tup(l);
  }

  /** A per-node index as a function from node names, as of now (the array changes later). */
  private static Itf.Fn indexItf(long[] idx) {
    List<Map.Entry<?, ?>> pairs = new ArrayList<>(idx.length);
    for (int j = 0; j < idx.length; j++) {
      pairs.add(Map.entry(Protocol.peerName(j), idx[j]));
    }
    return new Itf.Fn(pairs);
  }
}
