package io.synod.conformance.lin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.Operation;
import java.util.List;

/** The verdict as JSON, for tools (and the trace viewer). Values appear in EDN notation. */
public final class JsonReport {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ObjectNode toJson(LinResult r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("file", r.source());
    o.put("model", r.model());
    o.put("consistency", r.consistency().name().toLowerCase(java.util.Locale.ROOT));
    o.put("valid", r.verdict().name().toLowerCase(java.util.Locale.ROOT));
    o.put("operations", r.operations());
    o.put("partitions", r.partitionCount());
    o.put("configurations", r.configs());
    o.put("millis", r.millis());
    ArrayNode parts = o.putArray("results");
    for (PartitionResult p : r.partitions()) {
      ObjectNode n = parts.addObject();
      if (p.key() != null) {
        n.put("key", EdnValues.print(p.key()));
      }
      n.put("valid", p.verdict().name().toLowerCase(java.util.Locale.ROOT));
      n.put("operations", p.operations());
      n.put("configurations", p.configs());
      if (p.unknownReason() != null) {
        n.put("reason", p.unknownReason());
      }
      if (!p.witness().isEmpty()) {
        ops(n.putArray("linearization"), p.witness());
      }
      if (!p.finalStates().isEmpty()) {
        ArrayNode f = n.putArray("finalStates");
        p.finalStates().forEach(f::add);
      }
      if (p.failure() != null) {
        failure(n.putObject("failure"), p.failure());
      }
    }
    return o;
  }

  private void failure(ObjectNode n, Failure f) {
    n.set("op", op(f.op()));
    if (f.previousOk() != null) {
      n.set("previousOk", op(f.previousOk()));
    }
    ArrayNode paths = n.putArray("paths");
    for (Failure.Path p : f.paths()) {
      ObjectNode pn = paths.addObject();
      pn.put("length", p.length());
      ArrayNode steps = pn.putArray("tail");
      for (Failure.Step s : p.tail()) {
        ObjectNode sn = op(s.op());
        sn.put("state", s.state());
        steps.add(sn);
      }
      pn.put("state", p.state());
      pn.set("stuck", op(p.stuck()));
      pn.put("reason", p.reason());
    }
  }

  private void ops(ArrayNode a, List<Operation> ops) {
    ops.forEach(op -> a.add(op(op)));
  }

  private ObjectNode op(Operation op) {
    ObjectNode n = mapper.createObjectNode();
    n.put("process", op.process());
    n.put("type", op.ok() ? "ok" : "info");
    n.put("f", op.f());
    n.put("value", EdnValues.print(op.value()));
    n.put("line", (op.completion() != null ? op.completion() : op.invoke()).line());
    n.put("invokeLine", op.invoke().line());
    return n;
  }

  /** One history: its object; several: {"histories": [...]}. */
  public String write(List<ObjectNode> results) {
    try {
      if (results.size() == 1) {
        return mapper.writeValueAsString(results.get(0)) + "\n";
      }
      ObjectNode all = mapper.createObjectNode();
      ArrayNode a = all.putArray("histories");
      results.forEach(a::add);
      return mapper.writeValueAsString(all) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A history that could not be read, as a JSON entry. */
  public ObjectNode error(String file, String message) {
    ObjectNode o = mapper.createObjectNode();
    o.put("file", file);
    o.put("valid", "error");
    o.put("error", message);
    return o;
  }
}
