package io.synod.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of the implementation trace: a spec action taken by a node, the spec variables it
 * changed (the node's own entry of per-node functions) with their new values, context fields
 * (slot, transaction) and the messages it consumed and sent. Values use the
 * {@link io.synod.sim.record.Itf} encoding.
 *
 * @param <M> the protocol's message type
 */
public final class TraceEvent<M> {
  private final String action;
  private final Map<String, Object> fields = new LinkedHashMap<>();
  private final Map<String, Object> vars = new LinkedHashMap<>();
  private final List<Ready.Send<M>> sent = new ArrayList<>();
  private int from = -1;
  private M received;

  public TraceEvent(String action) {
    this.action = action;
  }

  /** Sets spec variable {@code name} to {@code value} (after the event). */
  public TraceEvent<M> var(String name, Object value) {
    vars.put(name, value);
    return this;
  }

  /** Adds a context field such as the Paxos slot or the 2PC transaction id. */
  public TraceEvent<M> field(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  /** Records the message this event consumed. */
  public TraceEvent<M> received(int from, M msg) {
    this.from = from;
    this.received = msg;
    return this;
  }

  public String action() {
    return action;
  }

  public Map<String, Object> fields() {
    return fields;
  }

  public Map<String, Object> vars() {
    return vars;
  }

  public List<Ready.Send<M>> sent() {
    return sent;
  }

  public int from() {
    return from;
  }

  public M receivedMsg() {
    return received;
  }
}
