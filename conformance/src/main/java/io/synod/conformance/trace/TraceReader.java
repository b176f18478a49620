package io.synod.conformance.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads NDJSON implementation traces ({@code implementations/TRACE-FORMAT.md}). One file is taken
 * in its own order (the order of execution). Several files (one per node, say) are merged into
 * one order consistent with their clocks: each file's own order is kept, and an event is taken
 * only when no other file's next event has a smaller clock. A Lamport clock ({@code "clock": 7})
 * is compared as a number; a vector clock ({@code "clock": {"n1": 3, "n2": 1}}) by the sum of its
 * entries, which is smaller for an event that happened before another. At equal clocks, node
 * events go before {@code net}/{@code nemesis} events (a message loss carries the clock of its
 * send), then earlier files first.
 */
public final class TraceReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TraceReader() {}

  /** Reads and merges the files. */
  public static List<TraceEvent> read(List<Path> files) throws TraceInputException {
    if (files.isEmpty()) {
      throw new TraceInputException("no trace file given");
    }
    List<List<TraceEvent>> perFile = new ArrayList<>();
    for (Path f : files) {
      perFile.add(readFile(f));
    }
    List<TraceEvent> merged = new ArrayList<>();
    if (perFile.size() == 1) {
      merged.addAll(perFile.get(0));
    } else {
      int[] next = new int[perFile.size()];
      while (true) {
        int best = -1;
        double bestClock = 0;
        boolean bestNet = false;
        for (int i = 0; i < perFile.size(); i++) {
          if (next[i] >= perFile.get(i).size()) {
            continue;
          }
          TraceEvent e = perFile.get(i).get(next[i]);
          double c = clock(e);
          boolean net = e.node().equals("net") || e.node().equals("nemesis");
          if (best < 0 || c < bestClock || c == bestClock && bestNet && !net) {
            best = i;
            bestClock = c;
            bestNet = net;
          }
        }
        if (best < 0) {
          break;
        }
        merged.add(perFile.get(best).get(next[best]++));
      }
    }
    List<TraceEvent> out = new ArrayList<>(merged.size());
    for (int i = 0; i < merged.size(); i++) {
      out.add(merged.get(i).at(i));
    }
    return out;
  }

  private static double clock(TraceEvent e) {
    JsonNode c = e.json().get("clock");
    if (c == null) {
      return 0;
    }
    if (c.isNumber()) {
      return c.asDouble();
    }
    double sum = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext();) {
      sum += it.next().getValue().asDouble();
    }
    return sum;
  }

  /** The events of one file, checked line by line. */
  public static List<TraceEvent> readFile(Path file) throws TraceInputException {
    String name = file.toString();
    List<TraceEvent> events = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        events.add(parseLine(name, no, line, events.size()));
      }
    } catch (IOException e) {
      throw new TraceInputException(name + ": cannot read the trace: " + e.getMessage());
    }
    return events;
  }

  static TraceEvent parseLine(String file, int no, String line, int index) throws TraceInputException {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw TraceInputException.at(file, no, "not JSON (column " + col + "): "
          + msg.lines().findFirst().orElse(msg));
    }
    if (!(n instanceof ObjectNode o)) {
      throw TraceInputException.at(file, no, "expected a JSON object, found " + n.getNodeType().toString().toLowerCase());
    }
    JsonNode action = o.get("action");
    if (action == null || !action.isTextual() || action.asText().isEmpty()) {
      throw TraceInputException.at(file, no, "the event has no \"action\" (a string naming the spec action)");
    }
    JsonNode node = o.get("node");
    if (node != null && !node.isTextual()) {
      throw TraceInputException.at(file, no, "\"node\" must be a string, found " + node);
    }
    JsonNode clock = o.get("clock");
    if (clock != null && !clock.isNumber() && !clock.isObject()) {
      throw TraceInputException.at(file, no, "\"clock\" must be a number (Lamport clock) or an object"
          + " of numbers (vector clock), found " + clock);
    }
    if (clock != null && clock.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = clock.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> en = it.next();
        if (!en.getValue().isNumber()) {
          throw TraceInputException.at(file, no, "vector clock entry \"" + en.getKey() + "\" is not a number");
        }
      }
    }
    JsonNode vars = o.get("vars");
    if (vars != null && !vars.isObject()) {
      throw TraceInputException.at(file, no, "\"vars\" must be an object, found " + vars);
    }
    JsonNode sent = o.get("sent");
    if (sent != null && !sent.isArray()) {
      throw TraceInputException.at(file, no, "\"sent\" must be a list of messages, found " + sent);
    }
    JsonNode msg = o.get("msg");
    if (msg != null && !msg.isObject()) {
      throw TraceInputException.at(file, no, "\"msg\" must be a message object, found " + msg);
    }
    return new TraceEvent(file, no, index, o, action.asText(), node == null ? "" : node.asText());
  }
}
