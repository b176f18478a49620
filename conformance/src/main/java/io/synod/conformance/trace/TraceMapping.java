package io.synod.conformance.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The declarative mapping from an implementation's trace vocabulary to a spec's (a YAML file
 * beside the spec; the format is documented in the README, section "synod trace validate").
 * Immutable once loaded.
 */
public final class TraceMapping {

  /** How a logged variable relates to the spec variable. */
  public enum Scope { PER_NODE, GLOBAL }

  /** What an event does to the message variable with its {@code msg}. */
  public enum MsgEffect { CONSUME, KEEP, DUPLICATE }

  /** A constant sized from the trace. */
  public sealed interface Constant {
    /** The model values of the node names matching {@code pattern}. */
    record Nodes(Pattern pattern) implements Constant {}

    /** A model value. */
    record Model(String name) implements Constant {}

    /** An integer. */
    record Int(long value) implements Constant {}

    /** A string. */
    record Str(String value) implements Constant {}

    /** The set of the values at these paths in the events (of the partition). */
    record Collect(List<String> paths) implements Constant {}

    /** The largest integer at these paths in the events (of the partition), at least {@code atLeast}. */
    record Max(List<String> paths, long atLeast) implements Constant {}
  }

  /** The mapping of one event name. */
  public record EventRule(String name, boolean skip, String action, List<String> args, MsgEffect msg,
      boolean stutter) {}

  /** The message variable and how implementation messages become spec messages. */
  public record Messages(String variable, boolean bag, boolean consume, String typeField,
      Map<String, List<String>> types) {}

  final Path file;
  final Path spec;
  final String init;
  final String next;
  final List<String> partition;
  final List<String> modelValues;
  final List<String> nodeFields;
  final List<String> ignoreNodes;
  final Map<String, Constant> constants;
  final Map<String, String> substitutions;
  final Map<String, Scope> variables;
  final boolean unlistedUnchanged;
  final Messages messages;
  final Map<String, EventRule> events;

  private TraceMapping(Path file, Path spec, String init, String next, List<String> partition,
      List<String> modelValues, List<String> nodeFields, List<String> ignoreNodes,
      Map<String, Constant> constants, Map<String, String> substitutions, Map<String, Scope> variables,
      boolean unlistedUnchanged, Messages messages, Map<String, EventRule> events) {
    this.file = file;
    this.spec = spec;
    this.init = init;
    this.next = next;
    this.partition = partition;
    this.modelValues = modelValues;
    this.nodeFields = nodeFields;
    this.ignoreNodes = ignoreNodes;
    this.constants = constants;
    this.substitutions = substitutions;
    this.variables = variables;
    this.unlistedUnchanged = unlistedUnchanged;
    this.messages = messages;
    this.events = events;
  }

  public Path file() {
    return file;
  }

  /** The spec file, resolved against the mapping's folder. */
  public Path spec() {
    return spec;
  }

  public Map<String, EventRule> events() {
    return events;
  }

  /** Reads and checks a mapping file. */
  public static TraceMapping load(Path file) throws TraceInputException {
    String name = file.toString();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String msg = e.getOriginalMessage();
      throw TraceInputException.at(name, line, "not valid YAML: " + msg.lines().findFirst().orElse(msg));
    } catch (IOException e) {
      throw new TraceInputException(name + ": cannot read the mapping: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new TraceInputException(name + ": the mapping must be a YAML map (spec:, variables:, events: ...)");
    }
    Reader r = new Reader(name);
    r.known(root, "", "spec", "init", "next", "partition", "model_values", "node_fields", "ignore_nodes",
        "constants", "variables", "unlisted", "messages", "events");
    String specName = r.text(root, "spec", null);
    Path folder = file.toAbsolutePath().getParent();
    Path spec = folder.resolve(specName);
    if (!Files.isRegularFile(spec)) {
      throw r.error("spec", "the spec file " + spec + " does not exist");
    }
    String init = r.text(root, "init", "Init");
    String next = r.text(root, "next", "Next");
    List<String> partition = r.list(root, "partition");
    List<String> modelValues = r.list(root, "model_values");
    List<String> nodeFields = root.has("node_fields") ? r.list(root, "node_fields")
        : List.of("src", "dst", "msource", "mdest");
    List<String> ignoreNodes = root.has("ignore_nodes") ? r.list(root, "ignore_nodes") : List.of("net", "nemesis");
    Map<String, Constant> constants = new LinkedHashMap<>();
    Map<String, String> substitutions = new LinkedHashMap<>();
    JsonNode cs = root.get("constants");
    if (cs != null) {
      r.map(cs, "constants");
      for (Iterator<Map.Entry<String, JsonNode>> it = cs.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = "constants." + e.getKey();
        JsonNode v = e.getValue();
        if (v.isIntegralNumber()) {
          constants.put(e.getKey(), new Constant.Int(v.asLong()));
        } else if (v.isTextual()) {
          constants.put(e.getKey(), new Constant.Model(v.asText()));
        } else if (v.isObject() && v.size() == 1 || v.isObject() && v.has("max")) {
          String kind = v.fieldNames().next();
          switch (kind) {
            case "nodes" -> {
              try {
                constants.put(e.getKey(), new Constant.Nodes(Pattern.compile(r.text(v, "nodes", null))));
              } catch (PatternSyntaxException x) {
                throw r.error(key, "not a regular expression: " + x.getDescription());
              }
            }
            case "model" -> constants.put(e.getKey(), new Constant.Model(r.text(v, "model", null)));
            case "string" -> constants.put(e.getKey(), new Constant.Str(r.text(v, "string", null)));
            case "int" -> constants.put(e.getKey(), new Constant.Int(v.get("int").asLong()));
            case "collect" -> constants.put(e.getKey(), new Constant.Collect(r.list(v, "collect")));
            case "max" -> {
              r.known(v, key, "max", "at_least");
              constants.put(e.getKey(), new Constant.Max(r.list(v, "max"),
                  v.has("at_least") ? v.get("at_least").asLong() : Long.MIN_VALUE));
            }
            case "definition" -> substitutions.put(e.getKey(), r.text(v, "definition", null));
            default -> throw r.error(key, "unknown kind of constant '" + kind
                + "' (expected nodes, model, string, int, collect, max or definition)");
          }
        } else {
          throw r.error(key, "expected an integer, a model value name, or one of {nodes: REGEX},"
              + " {model: NAME}, {string: S}, {collect: [PATHS]}, {max: [PATHS]}, {definition: OP}");
        }
      }
    }
    Map<String, Scope> variables = new LinkedHashMap<>();
    JsonNode vs = root.get("variables");
    if (vs != null) {
      r.map(vs, "variables");
      for (Iterator<Map.Entry<String, JsonNode>> it = vs.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        String s = e.getValue().asText();
        Scope scope = switch (s) {
          case "per_node" -> Scope.PER_NODE;
          case "global" -> Scope.GLOBAL;
          default -> throw r.error("variables." + e.getKey(), "expected per_node or global, found '" + s + "'");
        };
        variables.put(e.getKey(), scope);
      }
    }
    String unlisted = r.text(root, "unlisted", "unchanged");
    if (!unlisted.equals("unchanged") && !unlisted.equals("free")) {
      throw r.error("unlisted", "expected unchanged or free, found '" + unlisted + "'");
    }
    Messages messages = null;
    JsonNode ms = root.get("messages");
    if (ms != null) {
      r.map(ms, "messages");
      r.known(ms, "messages.", "variable", "kind", "consume", "type_field", "types");
      String kind = r.text(ms, "kind", "set");
      if (!kind.equals("set") && !kind.equals("bag")) {
        throw r.error("messages.kind", "expected set or bag, found '" + kind + "'");
      }
      Map<String, List<String>> types = new LinkedHashMap<>();
      JsonNode ts = ms.get("types");
      if (ts != null) {
        r.map(ts, "messages.types");
        for (Iterator<Map.Entry<String, JsonNode>> it = ts.fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> e = it.next();
          types.put(e.getKey(), e.getValue().isTextual() && e.getValue().asText().equals("all") ? null
              : r.list(ts, e.getKey()));
        }
      }
      messages = new Messages(r.text(ms, "variable", null), kind.equals("bag"),
          ms.has("consume") ? ms.get("consume").asBoolean() : kind.equals("bag"),
          r.text(ms, "type_field", "type"), types);
    }
    Map<String, EventRule> events = new LinkedHashMap<>();
    JsonNode es = root.get("events");
    if (es == null) {
      throw r.error("events", "the mapping has no events: section");
    }
    r.map(es, "events");
    for (Iterator<Map.Entry<String, JsonNode>> it = es.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = "events." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isTextual() && v.asText().equals("skip")) {
        events.put(e.getKey(), new EventRule(e.getKey(), true, null, List.of(), null, false));
        continue;
      }
      if (!v.isObject()) {
        throw r.error(key, "expected skip or {action: OP, args: [PATHS]}");
      }
      r.known(v, key + ".", "action", "args", "msg", "stutter");
      MsgEffect effect = null;
      if (v.has("msg")) {
        String m = v.get("msg").asText();
        effect = switch (m) {
          case "consume" -> MsgEffect.CONSUME;
          case "keep" -> MsgEffect.KEEP;
          case "duplicate" -> MsgEffect.DUPLICATE;
          default -> throw r.error(key + ".msg", "expected consume, keep or duplicate, found '" + m + "'");
        };
      }
      events.put(e.getKey(), new EventRule(e.getKey(), false, r.text(v, "action", e.getKey()),
          r.list(v, "args"), effect, v.has("stutter") && v.get("stutter").asBoolean()));
    }
    return new TraceMapping(file, spec, init, next, partition, modelValues, nodeFields, ignoreNodes,
        constants, substitutions, variables, unlisted.equals("unchanged"), messages, events);
  }

  /** Reads fields with errors that name the key. */
  private record Reader(String file) {
    TraceInputException error(String key, String message) {
      return new TraceInputException(file + ": " + key + ": " + message);
    }

    void map(JsonNode n, String key) throws TraceInputException {
      if (!n.isObject()) {
        throw error(key, "expected a map");
      }
    }

    void known(JsonNode n, String prefix, String... keys) throws TraceInputException {
      List<String> ok = List.of(keys);
      for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
        String k = it.next();
        if (!ok.contains(k)) {
          throw error(prefix + k, "unknown key (expected one of " + String.join(", ", ok) + ")");
        }
      }
    }

    String text(JsonNode n, String key, String dflt) throws TraceInputException {
      JsonNode v = n.get(key);
      if (v == null || v.isNull()) {
        if (dflt == null) {
          throw error(key, "missing");
        }
        return dflt;
      }
      if (!v.isValueNode()) {
        throw error(key, "expected a name, found " + v);
      }
      return v.asText();
    }

    List<String> list(JsonNode n, String key) throws TraceInputException {
      JsonNode v = n.get(key);
      List<String> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      if (v.isValueNode()) {
        out.add(v.asText());
        return out;
      }
      if (!v.isArray()) {
        throw error(key, "expected a list");
      }
      for (JsonNode x : v) {
        if (!x.isValueNode()) {
          throw error(key, "expected a list of names, found " + x);
        }
        out.add(x.asText());
      }
      return out;
    }
  }
}
