package io.synod.checker.value;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Values to and from Apalache's Informal Trace Format (ITF) JSON.
 *
 * <ul>
 *   <li>{@code TRUE}/{@code FALSE}: JSON booleans; strings: JSON strings;</li>
 *   <li>integers: {@code {"#bigint": "-12"}} (plain JSON integers are accepted when reading);</li>
 *   <li>tuples and sequences (functions over {@code 1..n}, also the empty function): JSON arrays
 *       ({@code {"#tup": [...]}} is accepted when reading);</li>
 *   <li>records (functions over strings): JSON objects, unless a field name starts with
 *       {@code #}, in which case they are written as maps;</li>
 *   <li>other functions: {@code {"#map": [[k, v], ...]}}; finite sets: {@code {"#set": [...]}}
 *       in canonical order;</li>
 *   <li>model values: bare JSON strings, as TLC's own JSON dump writes them; when reading, a
 *       string names a model value if the {@link StringTable} knows that name as one (a
 *       spec that also uses that name as a string literal cannot be told apart);</li>
 *   <li>infinite sets cannot be written: {@code {"#unserializable": "Nat"}}, rejected on reading.</li>
 * </ul>
 */
public final class ItfCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final StringTable table;

  public ItfCodec(StringTable table) {
    this.table = table;
  }

  /** Malformed ITF input; the message names the JSON path. */
  public static final class ItfException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ItfException(String message) {
      super(message, null, false, false);
    }
  }

  public JsonNode encode(Value v) {
    if (v instanceof BoolValue b) {
      return F.booleanNode(b.value());
    }
    if (v instanceof IntValue || v instanceof BigIntValue) {
      ObjectNode o = F.objectNode();
      o.put("#bigint", v.toString());
      return o;
    }
    if (v instanceof StringValue s) {
      return F.textNode(s.text());
    }
    if (v instanceof ModelValue m) {
      return F.textNode(m.name());
    }
    if (v instanceof TupleValue t) {
      ArrayNode a = F.arrayNode(t.size());
      for (int i = 0; i < t.size(); i++) {
        a.add(encode(t.valueAt(i)));
      }
      return a;
    }
    if (v instanceof RecordValue r && plainFields(r)) {
      ObjectNode o = F.objectNode();
      for (int i = 0; i < r.size(); i++) {
        o.set(r.nameAt(i).text(), encode(r.valueAt(i)));
      }
      return o;
    }
    if (v instanceof FcnValue f) {
      ArrayNode pairs = F.arrayNode(f.size());
      for (int i = 0; i < f.size(); i++) {
        pairs.add(F.arrayNode(2).add(encode(f.domainAt(i))).add(encode(f.valueAt(i))));
      }
      ObjectNode o = F.objectNode();
      o.set("#map", pairs);
      return o;
    }
    SetValue s = (SetValue) v;
    ObjectNode o = F.objectNode();
    if (!s.isEnumerable()) {
      o.put("#unserializable", s.toString());
      return o;
    }
    ArrayNode elems = F.arrayNode();
    for (Iterator<Value> it = s.iterator(); it.hasNext(); ) {
      elems.add(encode(it.next()));
    }
    o.set("#set", elems);
    return o;
  }

  private static boolean plainFields(RecordValue r) {
    for (int i = 0; i < r.size(); i++) {
      if (r.nameAt(i).text().startsWith("#")) {
        return false;
      }
    }
    return true;
  }

  public String toJson(Value v) {
    try {
      return MAPPER.writeValueAsString(encode(v));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public Value fromJson(String json) {
    try {
      return decode(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new ItfException("not JSON: " + e.getOriginalMessage());
    }
  }

  public Value decode(JsonNode n) {
    return decode(n, "$");
  }

  /** The ITF document of a trace: {@code #meta}, {@code vars}, {@code states}, {@code loop}. */
  public ObjectNode encodeTrace(ItfTrace trace, String description) {
    ObjectNode doc = F.objectNode();
    ObjectNode meta = doc.putObject("#meta");
    meta.put("format", "ITF");
    meta.put("format-description", "https://apalache-mc.org/docs/adr/015adr-trace.html");
    meta.put("description", description);
    ArrayNode vars = doc.putArray("vars");
    trace.vars().forEach(vars::add);
    ArrayNode states = doc.putArray("states");
    for (int k = 0; k < trace.states().size(); k++) {
      Value[] st = trace.states().get(k);
      ObjectNode o = states.addObject();
      o.putObject("#meta").put("index", k);
      for (int i = 0; i < st.length; i++) {
        o.set(trace.vars().get(i), encode(st[i]));
      }
    }
    if (trace.loop() != null) {
      doc.put("loop", trace.loop());
    }
    return doc;
  }

  public String traceToJson(ItfTrace trace, String description) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(encodeTrace(trace, description));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads an ITF trace document; every state must give every variable in {@code vars}. */
  public ItfTrace traceFromJson(String json) {
    JsonNode doc;
    try {
      doc = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ItfException("not JSON: " + e.getOriginalMessage());
    }
    if (doc == null || !doc.isObject()) {
      throw new ItfException("$: an ITF trace is a JSON object");
    }
    JsonNode vars = doc.get("vars");
    JsonNode states = doc.get("states");
    if (vars == null || !vars.isArray()) {
      throw new ItfException("$.vars: expected an array of variable names");
    }
    if (states == null || !states.isArray()) {
      throw new ItfException("$.states: expected an array of states");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode v : vars) {
      if (!v.isTextual()) {
        throw new ItfException("$.vars: " + v + " is not a variable name");
      }
      names.add(v.textValue());
    }
    List<Value[]> out = new ArrayList<>();
    for (int k = 0; k < states.size(); k++) {
      JsonNode st = states.get(k);
      String path = "$.states[" + k + "]";
      if (!st.isObject()) {
        throw new ItfException(path + ": a state is a JSON object");
      }
      Value[] vals = new Value[names.size()];
      for (int i = 0; i < vals.length; i++) {
        JsonNode v = st.get(names.get(i));
        if (v == null) {
          throw new ItfException(path + ": no value for variable " + names.get(i));
        }
        vals[i] = decode(v, path + "." + names.get(i));
      }
      out.add(vals);
    }
    Integer loop = null;
    JsonNode l = doc.get("loop");
    if (l != null && !l.isNull()) {
      if (!l.canConvertToInt() || l.intValue() < 0 || l.intValue() >= out.size()) {
        throw new ItfException("$.loop: " + l + " is not the index of a state");
      }
      loop = l.intValue();
    }
    return new ItfTrace(names, out, loop);
  }

  /** An integer TLC can hold ({@link Arith#inRange}); a trace with another could not come from it. */
  private static Value integer(BigInteger v, String path) {
    if (!Arith.inRange(v)) {
      throw new ItfException(path + ": " + v + " is outside TLC's integer range " + Arith.RANGE);
    }
    return IntValue.of(v.longValue());
  }

  private Value decode(JsonNode n, String path) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      throw new ItfException(path + ": null is not an ITF value");
    }
    if (n.isBoolean()) {
      return BoolValue.of(n.booleanValue());
    }
    if (n.isIntegralNumber()) {
      return integer(n.bigIntegerValue(), path);
    }
    if (n.isNumber()) {
      throw new ItfException(path + ": " + n + " is not an integer");
    }
    if (n.isTextual()) {
      String s = n.textValue();
      return table.isModelValue(s) ? table.modelValue(s) : table.string(s);
    }
    if (n.isArray()) {
      return TupleValue.wrap(decodeAll(n, path));
    }
    ObjectNode o = (ObjectNode) n;
    if (o.has("#bigint")) {
      JsonNode b = o.get("#bigint");
      try {
        return integer(new BigInteger(b.asText()), path + ".#bigint");
      } catch (NumberFormatException e) {
        throw new ItfException(path + ".#bigint: \"" + b.asText() + "\" is not an integer");
      }
    }
    if (o.has("#tup")) {
      return TupleValue.wrap(decodeAll(array(o, "#tup", path), path + ".#tup"));
    }
    if (o.has("#set")) {
      Value[] elems = decodeAll(array(o, "#set", path), path + ".#set");
      return Values.setOwning(elems, elems.length);
    }
    if (o.has("#map")) {
      JsonNode pairs = array(o, "#map", path);
      Value[] dom = new Value[pairs.size()];
      Value[] vals = new Value[pairs.size()];
      for (int i = 0; i < pairs.size(); i++) {
        JsonNode p = pairs.get(i);
        String pp = path + ".#map[" + i + "]";
        if (!p.isArray() || p.size() != 2) {
          throw new ItfException(pp + ": expected a [key, value] pair");
        }
        dom[i] = decode(p.get(0), pp + "[0]");
        vals[i] = decode(p.get(1), pp + "[1]");
      }
      try {
        return Values.fcn(dom, vals);
      } catch (EvalError e) {
        // a key listed twice with two values: the input's fault, said with its path
        throw new ItfException(path + ".#map: " + e.getMessage());
      }
    }
    if (o.has("#unserializable")) {
      throw new ItfException(path + ": cannot read the unserializable value " + o.get("#unserializable"));
    }
    List<StringValue> names = new ArrayList<>();
    List<Value> vals = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith("#")) {
        throw new ItfException(path + ": unknown ITF tag " + e.getKey());
      }
      names.add(table.string(e.getKey()));
      vals.add(decode(e.getValue(), path + "." + e.getKey()));
    }
    if (names.isEmpty()) {
      throw new ItfException(path + ": an empty object is not an ITF value");
    }
    return Values.record(names.toArray(new StringValue[0]), vals.toArray(new Value[0]));
  }

  private static JsonNode array(ObjectNode o, String key, String path) {
    JsonNode a = o.get(key);
    if (!a.isArray()) {
      throw new ItfException(path + "." + key + ": expected an array");
    }
    return a;
  }

  private Value[] decodeAll(JsonNode a, String path) {
    Value[] out = new Value[a.size()];
    for (int i = 0; i < a.size(); i++) {
      out[i] = decode(a.get(i), path + "[" + i + "]");
    }
    return out;
  }
}
