package io.synod.conformance.history;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/** Printing and normalising of history values in EDN notation. */
public final class EdnValues {
  private EdnValues() {}

  /** EDN text of a value: nil, 3, "s", :kw, [a b], {k v}, #{a b}. */
  public static String print(Object v) {
    StringBuilder sb = new StringBuilder();
    print(v, sb);
    return sb.toString();
  }

  public static void print(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("nil");
    } else if (v instanceof String s) {
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\t' -> sb.append("\\t");
          case '\r' -> sb.append("\\r");
          default -> sb.append(c);
        }
      }
      sb.append('"');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      joinTo(l, sb);
      sb.append(']');
    } else if (v instanceof Set<?> s) {
      sb.append("#{");
      joinTo(s, sb);
      sb.append('}');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        print(e.getKey(), sb);
        sb.append(' ');
        print(e.getValue(), sb);
      }
      sb.append('}');
    } else {
      sb.append(v);
    }
  }

  private static void joinTo(Collection<?> c, StringBuilder sb) {
    boolean first = true;
    for (Object o : c) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      print(o, sb);
    }
  }

  /**
   * Brings values from different readers to one representation so that equal values compare
   * equal: every integer that fits becomes a Long, collections become unmodifiable Lists.
   */
  public static Object normalize(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Short s) {
      return s.longValue();
    }
    if (v instanceof BigInteger b && b.bitLength() < 64) {
      return b.longValue();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(normalize(o));
      }
      return java.util.Collections.unmodifiableList(out);
    }
    if (v instanceof Map<?, ?> m) {
      Map<Object, Object> out = new java.util.LinkedHashMap<>();
      m.forEach((k, x) -> out.put(normalize(k), normalize(x)));
      return java.util.Collections.unmodifiableMap(out);
    }
    if (v instanceof Set<?> s) {
      Set<Object> out = new java.util.LinkedHashSet<>();
      for (Object o : s) {
        out.add(normalize(o));
      }
      return java.util.Collections.unmodifiableSet(out);
    }
    return v;
  }

  /** The name of a keyword, symbol-like string ({@code ":x"} or {@code "x"}), else null. */
  public static String name(Object v) {
    if (v instanceof Keyword k) {
      String prefix = k.getPrefix();
      return prefix == null || prefix.isEmpty() ? k.getName() : prefix + "/" + k.getName();
    }
    if (v instanceof String s) {
      return s.startsWith(":") ? s.substring(1) : s;
    }
    return null;
  }
}
