package io.synod.conformance.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The verdict as JSON, in the shape {@code synod view} reads (README, "synod trace validate"):
 * the verdict, the rejected event with its log line and the reason, the nearest candidate states
 * with their mismatches (logged against spec value, ITF), and the matched prefix as ITF.
 */
public final class TraceJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TraceJson() {}

  /**
   * The report of {@code r}.
   *
   * @param spec the spec the mapping names
   * @param mapping the mapping file
   * @param traces the trace files, as given
   */
  public static ObjectNode report(TraceResult r, Path spec, Path mapping, List<Path> traces) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("tool", "synod trace validate");
    o.put("verdict", r.accepted() ? "accepted" : r.rejected() ? "rejected" : "unknown");
    o.put("spec", spec.toString());
    o.put("mapping", mapping.toString());
    o.put("trace", String.join(" ", traces.stream().map(Path::toString).toList()));
    o.put("events", r.events());
    o.put("parts", r.partitions());
    o.put("largestCandidateSet", r.maxCandidates());
    o.put("seconds", Double.parseDouble(String.format(Locale.ROOT, "%.3f", r.nanos() / 1e9)));
    if (r.unknown() != null) {
      o.put("unknown", r.unknown());
    }
    TraceResult.Rejection x = r.rejection();
    if (x == null) {
      return o;
    }
    TraceEvent e = x.event();
    ObjectNode rej = o.putObject("rejected");
    rej.put("index", e.index() + 1);
    rej.put("file", e.file());
    rej.put("line", e.line());
    rej.set("event", e.json());
    if (!x.partition().isEmpty()) {
      rej.put("part", x.partition());
    }
    rej.put("action", x.step());
    List<TraceResult.Mismatch> all = x.mismatches();
    rej.put("reason", all.isEmpty() ? "no step of " + x.step() + " explains the event" : all.get(0).text());
    rej.put("candidates", x.candidates());
    ArrayNode nearest = rej.putArray("nearest");
    for (TraceResult.Candidate c : x.nearest()) {
      ObjectNode n = nearest.addObject();
      n.put("action", x.step());
      n.set("state", c.itf());
      ArrayNode ms = n.putArray("mismatches");
      for (TraceResult.Mismatch m : c.mismatches()) {
        ObjectNode j = ms.addObject();
        j.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
        putIf(j, "variable", m.variable());
        setIf(j, "path", m.path());
        setIf(j, "logged", m.logged());
        setIf(j, "spec", m.spec());
        j.put("reason", m.text());
        if (m.kind() == TraceResult.Kind.CONJUNCT && m.conjunctAt() != null) {
          j.put("conjunct", m.name());
          j.put("at", m.conjunctAt());
        }
      }
    }
    try {
      o.set("prefix", MAPPER.readTree(x.prefixItf()));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("the prefix ITF the validator wrote is not JSON", ex);
    }
    return o;
  }

  private static void putIf(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static void setIf(ObjectNode o, String field, JsonNode value) {
    if (value != null) {
      o.set(field, value);
    }
  }
}
