package io.synod.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The verdict of a trace validation.
 *
 * @param events events in the (merged) trace
 * @param partitions parts the trace was split into (1 without a partition field)
 * @param maxCandidates the largest set of candidate spec states seen after an event
 * @param nanos wall time of the check
 * @param rejection why the trace was rejected, or null
 * @param unknown why no verdict was reached (the candidate budget ran out), or null
 * @param note how the verdict was reached when it is not the usual way (for people), or null
 */
public record TraceResult(int events, int partitions, int maxCandidates, long nanos, Rejection rejection,
    String unknown, String note) {

  /** Without a note. */
  public TraceResult(int events, int partitions, int maxCandidates, long nanos, Rejection rejection, String unknown) {
    this(events, partitions, maxCandidates, nanos, rejection, unknown, null);
  }

  public boolean accepted() {
    return rejection == null && unknown == null;
  }

  public boolean rejected() {
    return rejection != null;
  }

  /** What did not match, for one candidate state. */
  public enum Kind {
    /** The mapped action is not enabled: {@code name} is the text of the conjunct that is false. */
    CONJUNCT,
    /** The action's successors disagree with a logged value: {@code name} is the variable. */
    VALUE,
    /** The received message is not in the spec's message variable: {@code name} is the variable. */
    MESSAGE,
    /** Evaluating the action failed: {@code name} is the error message. */
    ERROR
  }

  /**
   * One mismatch: its kind, what it names, and a sentence for people; for the JSON report also,
   * where known, the variable and the entry in it (an ITF array of keys, the acting node), the
   * logged and the spec's value there (ITF), and the location of a false conjunct.
   */
  public record Mismatch(Kind kind, String name, String text, String variable, JsonNode path, JsonNode logged,
      JsonNode spec, String conjunctAt) {

    public Mismatch(Kind kind, String name, String text) {
      this(kind, name, text, null, null, null, null, null);
    }
  }

  /**
   * The explanation for one of the nearest candidate states.
   *
   * @param state the state as text for people (large message variables summarised)
   * @param mismatches what did not match
   * @param itf the whole state, variable name to ITF value
   */
  public record Candidate(String state, List<Mismatch> mismatches, ObjectNode itf) {}

  /**
   * The first event no spec step explains.
   *
   * @param event the event (its {@code index} is 0-based, {@code where()} gives file:line)
   * @param partition the part of the trace it belongs to ("" without partitioning)
   * @param step how the event was mapped: the action and its arguments
   * @param candidates how many spec states were possible just before it
   * @param nearest the few of them that come closest to the event (fewest logged values
   *     contradicted, then a false conjunct, then a message not sent), with what did not match
   * @param prefixItf the matched prefix of the part up to the nearest candidate, as an ITF trace
   * @param prefixStates the number of states in {@code prefixItf}
   */
  public record Rejection(TraceEvent event, String partition, String step, int candidates,
      List<Candidate> nearest, String prefixItf, int prefixStates) {

    /** The mismatches of the nearest candidates, in order. */
    public List<Mismatch> mismatches() {
      return nearest.stream().flatMap(c -> c.mismatches().stream()).toList();
    }
  }
}
