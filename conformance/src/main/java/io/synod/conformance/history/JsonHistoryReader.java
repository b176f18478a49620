package io.synod.conformance.history;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a history as JSON lines: one object per line with the Jepsen fields ({@code process},
 * {@code type}, {@code f}, {@code value}, optional {@code time}, {@code index}, {@code error}).
 * Keyword-valued fields are strings with or without a leading colon ({@code "ok"} or
 * {@code ":ok"}). Blank lines are skipped.
 */
public final class JsonHistoryReader {
  private final ObjectMapper mapper = new ObjectMapper();

  public List<Event> read(String source, String text) {
    EventDecoder decoder = new EventDecoder(source);
    List<Event> events = new ArrayList<>();
    int objects = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      int lineNo = i + 1;
      int col = firstNonBlank(line) + 1;
      JsonNode node;
      try {
        node = mapper.readTree(line);
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int c = loc == null || loc.getColumnNr() < 1 ? col : loc.getColumnNr();
        throw new HistoryFormatException(
            source, lineNo, c, "malformed JSON: " + withoutSource(e.getOriginalMessage()));
      }
      if (node == null || !node.isObject()) {
        throw new HistoryFormatException(
            source, lineNo, col, "expected a JSON object per line, such as "
                + "{\"process\": 0, \"type\": \"invoke\", \"f\": \"read\", \"value\": null}");
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey().startsWith(":") ? e.getKey().substring(1) : e.getKey();
        fields.put(k, toJava(e.getValue()));
      }
      objects++;
      Event ev = decoder.decode(fields, events.size(), lineNo, col);
      if (ev != null) {
        events.add(ev);
      }
    }
    if (objects == 0) {
      throw HistoryFormatException.empty(source);
    }
    return events;
  }

  /** Jackson appends where an object started, which for one line says nothing new. */
  private static String withoutSource(String msg) {
    int cut = msg.indexOf(" (start marker at");
    return cut < 0 ? msg : msg.substring(0, cut);
  }

  private static int firstNonBlank(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  static Object toJava(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>(n.size());
      n.forEach(x -> out.add(toJava(x)));
      return java.util.Collections.unmodifiableList(out);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> out.put(e.getKey(), toJava(e.getValue())));
    return java.util.Collections.unmodifiableMap(out);
  }
}
