package io.synod.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The effects of one {@link Node#step}: messages to send, the durable state to write before
 * anything is sent, answers to clients and trace events. The caller clears and reuses it.
 *
 * @param <M> the protocol's message type
 */
public final class Ready<M> {
  /** A message to send. */
  public record Send<M>(int to, M msg) {}

  private final boolean tracing;
  private final List<Send<M>> sends = new ArrayList<>();
  private final List<Result> replies = new ArrayList<>();
  private final List<Integer> replyClients = new ArrayList<>();
  private final List<TraceEvent<M>> events = new ArrayList<>();
  private final List<DiskRecord> records = new ArrayList<>();

  public Ready(boolean tracing) {
    this.tracing = tracing;
  }

  /** Whether trace events are wanted; nodes skip building them otherwise. */
  public boolean tracing() {
    return tracing;
  }

  /** Queues {@code msg} for node {@code to}; attached to the latest trace event, if any. */
  public void send(int to, M msg) {
    Send<M> s = new Send<>(to, msg);
    sends.add(s);
    if (tracing && !events.isEmpty()) {
      events.get(events.size() - 1).sent().add(s);
    }
  }

  /**
   * Queues a retransmission of {@code msg} to {@code to}: a message the spec already has in
   * its message set, so it is attached to no trace event.
   */
  public void resend(int to, M msg) {
    sends.add(new Send<>(to, msg));
  }

  /**
   * Appends {@code record} to the node's disk journal. The journal is written before any
   * message of the step leaves, and is all a node gets back after a crash.
   */
  public void persist(DiskRecord record) {
    records.add(record);
  }

  /** Answers client {@code client}. */
  public void reply(int client, Result result) {
    replyClients.add(client);
    replies.add(result);
  }

  /**
   * Opens a trace event named after the spec action; the caller fills in the variables it
   * changed. Only call when {@link #tracing()}.
   */
  public TraceEvent<M> event(String action) {
    TraceEvent<M> e = new TraceEvent<>(action);
    events.add(e);
    return e;
  }

  public List<Send<M>> sends() {
    return sends;
  }

  public List<Result> replies() {
    return replies;
  }

  public List<Integer> replyClients() {
    return replyClients;
  }

  public List<TraceEvent<M>> events() {
    return events;
  }

  public boolean hasPersist() {
    return !records.isEmpty();
  }

  /** Records persisted by this step, in order. */
  public List<DiskRecord> persisted() {
    return records;
  }

  /** Forgets everything so the object can serve the next step. */
  public void clear() {
    sends.clear();
    replies.clear();
    replyClients.clear();
    events.clear();
    records.clear();
  }
}
