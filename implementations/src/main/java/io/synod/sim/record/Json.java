package io.synod.sim.record;

import java.util.List;
import java.util.Map;

/**
 * Writes ITF values as compact JSON. Hand-written rather than reflective so that the bytes
 * depend only on the values: same run, same output.
 */
public final class Json {
  private Json() {}

  /** Appends {@code v} to {@code sb}. */
  public static void write(StringBuilder sb, Object v) {
    write(sb, v, false);
  }

  /**
   * Appends {@code v} to {@code sb}; with {@code plain}, as plain JSON rather than ITF: sets and
   * tuples as arrays, functions as objects (keys as strings) or, when a key is not a string, as
   * arrays of {@code [key, value]} pairs. The form trace specs read with {@code ndJsonDeserialize}.
   */
  public static void write(StringBuilder sb, Object v, boolean plain) {
    if (plain && (v instanceof Itf.Set || v instanceof Itf.Tup || v instanceof Itf.Fn)) {
      writePlain(sb, v);
    } else if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s);
    } else if (v instanceof Long || v instanceof Integer) {
      sb.append(v);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof Double d) {
      sb.append(d);
    } else if (v instanceof Itf.Set s) {
      sb.append("{\"#set\":");
      array(sb, s.elems(), plain);
      sb.append('}');
    } else if (v instanceof Itf.Tup t) {
      sb.append("{\"#tup\":");
      array(sb, t.elems(), plain);
      sb.append('}');
    } else if (v instanceof Itf.Fn f) {
      sb.append("{\"#map\":[");
      boolean first = true;
      for (Map.Entry<?, ?> e : f.pairs()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append('[');
        write(sb, e.getKey(), plain);
        sb.append(',');
        write(sb, e.getValue(), plain);
        sb.append(']');
      }
      sb.append("]}");
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue(), plain);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      array(sb, l, plain);
    } else {
      throw new IllegalArgumentException("no ITF encoding for " + v.getClass().getName());
    }
  }

  private static void array(StringBuilder sb, List<?> l, boolean plain) {
    sb.append('[');
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      write(sb, l.get(i), plain);
    }
    sb.append(']');
  }

  private static void writePlain(StringBuilder sb, Object v) {
    if (v instanceof Itf.Set s) {
      array(sb, s.elems(), true);
    } else if (v instanceof Itf.Tup t) {
      array(sb, t.elems(), true);
    } else {
      List<Map.Entry<?, ?>> pairs = ((Itf.Fn) v).pairs();
      if (pairs.stream().allMatch(e -> e.getKey() instanceof String)) {
        Map<Object, Object> m = new java.util.LinkedHashMap<>();
        pairs.forEach(e -> m.put(e.getKey(), e.getValue()));
        write(sb, m, true);
      } else {
        sb.append('[');
        for (int i = 0; i < pairs.size(); i++) {
          sb.append(i > 0 ? ",[" : "[");
          write(sb, pairs.get(i).getKey(), true);
          sb.append(',');
          write(sb, pairs.get(i).getValue(), true);
          sb.append(']');
        }
        sb.append(']');
      }
    }
  }

  /** Appends {@code s} as a JSON string literal. */
  public static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
