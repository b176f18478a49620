package io.synod.conformance.trace;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of an implementation trace.
 *
 * @param file the trace file it was read from
 * @param line its line number in that file (1-based)
 * @param index its position in the merged trace (0-based)
 * @param json the whole line
 * @param action the event's {@code action}
 * @param node the event's {@code node} ("" when absent)
 */
public record TraceEvent(String file, int line, int index, ObjectNode json, String action, String node) {

  /** {@code file:line}, for messages. */
  public String where() {
    return file + ":" + line;
  }

  TraceEvent at(int newIndex) {
    return new TraceEvent(file, line, newIndex, json, action, node);
  }
}
