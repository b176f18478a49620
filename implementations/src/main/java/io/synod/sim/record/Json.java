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
    if (v == null) {
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
      array(sb, s.elems());
      sb.append('}');
    } else if (v instanceof Itf.Tup t) {
      sb.append("{\"#tup\":");
      array(sb, t.elems());
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
        write(sb, e.getKey());
        sb.append(',');
        write(sb, e.getValue());
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
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      array(sb, l);
    } else {
      throw new IllegalArgumentException("no ITF encoding for " + v.getClass().getName());
    }
  }

  private static void array(StringBuilder sb, List<?> l) {
    sb.append('[');
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      write(sb, l.get(i));
    }
    sb.append(']');
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
