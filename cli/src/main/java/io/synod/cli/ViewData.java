package io.synod.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Event;
import io.synod.conformance.history.EventType;
import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryFormatException;
import io.synod.conformance.history.HistoryReaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the viewer page shows, built from a report file: the report itself, its kind, and for a
 * history the operations of the history file it judged (the report names only the few
 * operations of its verdict).
 */
final class ViewData {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ViewData() {}

  /**
   * The payload for {@code file}.
   *
   * @param historyFile the history a lin report judged, or null for the one the report names
   * @param messages the message variable, "none", or null to detect it
   */
  static ObjectNode fromFile(Path file, Path historyFile, String messages) {
    InputFiles.requireFile(file, "report", 2);
    JsonNode doc;
    try {
      String text = Files.readString(file);
      if (text.stripLeading().startsWith("{:")) {
        throw new UserError(file + ": an EDN report of synod lin names neither its history nor the lines of"
            + " its operations; show the --json report of the same run instead", 2);
      }
      doc = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new UserError(file + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr())
          + ": not a JSON report (" + e.getOriginalMessage() + ")", 2);
    } catch (IOException e) {
      throw new UserError("cannot read report " + file + ": " + OutputFiles.reason(e), ExitCodes.USAGE);
    }
    if (doc == null || !doc.isObject()) {
      throw new UserError(file + ": not a report: expected a JSON object", ExitCodes.USAGE);
    }
    String title = file.getFileName().toString();
    if (doc.has("states") || doc.has("vars")) {
      if (!doc.path("states").isArray() || !doc.path("vars").isArray()) {
        throw new UserError(file + ": an ITF trace needs the arrays \"vars\" and \"states\"", ExitCodes.USAGE);
      }
      return counterexample(doc, title, messages);
    }
    if ("synod check".equals(doc.path("tool").asText())) {
      if (!doc.path("trace").isArray()) {
        throw new UserError(file + ": this check report has no counterexample to show (verdict "
            + doc.path("verdict").asText("?") + ")", 2);
      }
      return counterexample(doc, title, messages);
    }
    if ("synod trace validate".equals(doc.path("tool").asText()) || doc.has("rejected") || doc.has("prefix")) {
      return payload("trace", doc, title, messages);
    }
    if (doc.has("histories")) {
      JsonNode pick = null;
      for (JsonNode h : doc.path("histories")) {
        if (pick == null || ("invalid".equals(h.path("valid").asText()) && !"invalid".equals(pick.path("valid").asText()))) {
          pick = h;
        }
      }
      if (pick == null) {
        throw new UserError(file + ": the lin report lists no history", ExitCodes.USAGE);
      }
      doc = pick;
    }
    if (doc.has("results") && doc.has("valid")) {
      Path h = historyFile != null ? historyFile : locate(file, doc.path("file").asText(""));
      return history(doc, read(h), title);
    }
    if ("error".equals(doc.path("valid").asText())) {
      throw new UserError(file + ": the lin report holds no verdict: " + doc.path("error").asText(), ExitCodes.USAGE);
    }
    throw new UserError(file + ": not a report synod view knows: expected an ITF trace (vars, states), "
        + "a 'synod check --json' report, a 'synod lin --json' report or a trace validation report", 2);
  }

  static ObjectNode counterexample(JsonNode report, String title, String messages) {
    if (messages != null && !messages.equals("none")) {
      List<String> vars = new java.util.ArrayList<>();
      report.path("vars").forEach(v -> vars.add(v.asText()));
      report.path("trace").path(0).path("values").fieldNames().forEachRemaining(vars::add);
      if (!vars.contains(messages)) {
        throw new UserError("--messages " + messages + ": the trace has no such variable (it has "
            + String.join(", ", vars) + ")", 2);
      }
    }
    return payload("counterexample", report, title, messages);
  }

  /** A {@code synod trace validate} report. */
  static ObjectNode trace(JsonNode report, String title) {
    return payload("trace", report, title, null);
  }

  private static ObjectNode payload(String kind, JsonNode report, String title, String messages) {
    ObjectNode p = F.objectNode();
    p.put("kind", kind);
    p.put("title", title);
    if (messages != null) {
      p.put("messages", messages);
    }
    p.set("report", report);
    return p;
  }

  /** A lin report's history: the report names it by the path it was checked under. */
  private static Path locate(Path report, String named) {
    if (named.isEmpty() || named.equals("-")) {
      throw new UserError(report + ": the lin report does not name a history file; give it with --history", ExitCodes.USAGE);
    }
    Path p = Path.of(named);
    if (!Files.isRegularFile(p) && !p.isAbsolute() && report.toAbsolutePath().getParent() != null) {
      Path beside = report.toAbsolutePath().getParent().resolve(named);
      if (Files.isRegularFile(beside)) {
        return beside;
      }
    }
    if (!Files.isRegularFile(p)) {
      throw new UserError(report + ": the history it judged, " + named + ", is not there; give it with --history", ExitCodes.USAGE);
    }
    return p;
  }

  private static History read(Path h) {
    InputFiles.requireFile(h, "history", 2);
    try {
      return HistoryReaders.read(h);
    } catch (HistoryFormatException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    } catch (IOException e) {
      throw new UserError("cannot read history " + h + ": " + OutputFiles.reason(e), ExitCodes.USAGE);
    }
  }

  /**
   * A lin report with the history's operations: each invocation paired with the next event of
   * its process (Jepsen's processes run one operation at a time), {@code :fail} ones included
   * (the page dims them), keyed ones split as the report's results are.
   */
  static ObjectNode history(JsonNode report, History h, String title) {
    boolean keyed = false;
    for (JsonNode r : report.path("results")) {
      keyed |= r.has("key");
    }
    ObjectNode p = payload("history", report, title, null);
    ArrayNode ops = p.putObject("history").putArray("ops");
    Map<Long, ObjectNode> open = new HashMap<>();
    for (Event e : h.events()) {
      if (e.type() == EventType.INVOKE) {
        ObjectNode op = ops.addObject();
        op.put("p", e.process());
        op.put("f", e.f());
        op.put("type", "info"); // until a completion says otherwise: it may or may not have happened
        op.put("inv", e.ordinal());
        op.putNull("ret");
        op.put("invokeLine", e.line());
        putValue(op, "value", e.value(), keyed);
        open.put(e.process(), op);
        continue;
      }
      ObjectNode op = open.remove(e.process());
      if (op == null) {
        continue; // the readers reject a completion without invocation; nothing to pair here
      }
      op.put("type", e.type().keyword());
      if (e.type() != EventType.INFO) {
        op.put("ret", e.ordinal());
      }
      op.put("line", e.line());
      op.put("result", EdnValues.print(keyed ? unkey(e.value()) : e.value()));
    }
    return p;
  }

  private static void putValue(ObjectNode op, String field, Object value, boolean keyed) {
    if (keyed && value instanceof List<?> l && l.size() == 2) {
      op.put("key", EdnValues.print(l.get(0)));
      op.put(field, EdnValues.print(l.get(1)));
    } else {
      op.put(field, EdnValues.print(value));
    }
  }

  private static Object unkey(Object value) {
    return value instanceof List<?> l && l.size() == 2 ? l.get(1) : value;
  }
}
