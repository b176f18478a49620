package io.synod.conformance.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import us.bpsm.edn.Keyword;

/**
 * Reads the op maps that make up almost every history ({@code {:process 3, :type :ok, :f :read,
 * :value [1 "a" nil]}}) directly from the text: keyword keys, and values that are nil, booleans,
 * integers, strings, keywords, or vectors and lists of these. edn-java reads them too, but about
 * ten times slower (a 4,000-line history took 0.3 s of a 0.6 s {@code synod lin} run).
 *
 * <p>Anything else, or anything unusual (sets, nested maps, symbols, floats, tagged values,
 * escapes other than {@code \" \\ \n \t \r}, comments, a repeated key, a malformed map), makes
 * {@link #read} give up, and the caller reads that map with edn-java, which gives the same values
 * and the same errors as before. The values built are the ones edn-java builds for that text:
 * Long, String, interned {@link Keyword}, Boolean, null, and Lists.
 */
final class EdnOpMaps {
  private final String text;
  private int at;

  EdnOpMaps(String text) {
    this.text = text;
  }

  /** Offset just after the map that the last successful {@link #read} read. */
  int end() {
    return at;
  }

  /**
   * The fields of the map starting at {@code start} (an open brace), by keyword name, or null
   * when the map is not of the simple form described above.
   */
  Map<String, Object> read(int start) {
    at = start;
    if (peek() != '{') {
      return null;
    }
    at++;
    Map<String, Object> fields = new LinkedHashMap<>();
    while (true) {
      space();
      int c = peek();
      if (c == '}') {
        at++;
        return fields;
      }
      if (c != ':') {
        return null;
      }
      String key = keywordName();
      if (key == null) {
        return null;
      }
      space();
      Object v = value();
      if (v == FAIL || fields.containsKey(key)) {
        return null;
      }
      fields.put(key, v);
    }
  }

  /** Marks a value this reader does not handle. */
  private static final Object FAIL = new Object();

  private Object value() {
    int c = peek();
    switch (c) {
      case '"':
        return string();
      case ':': {
        String name = keywordName();
        return name == null ? FAIL : Keyword.newKeyword(name);
      }
      case '[':
        return sequence(']');
      case '(':
        return sequence(')');
      case 'n':
        return word("nil") ? null : FAIL;
      case 't':
        return word("true") ? Boolean.TRUE : FAIL;
      case 'f':
        return word("false") ? Boolean.FALSE : FAIL;
      default:
        return c == '-' || (c >= '0' && c <= '9') ? integer() : FAIL;
    }
  }

  private Object sequence(char close) {
    at++;
    List<Object> out = new ArrayList<>();
    while (true) {
      space();
      int c = peek();
      if (c == close) {
        at++;
        return java.util.Collections.unmodifiableList(out);
      }
      if (c == -1) {
        return FAIL;
      }
      Object v = value();
      if (v == FAIL) {
        return FAIL;
      }
      out.add(v);
    }
  }

  private boolean word(String w) {
    if (!text.startsWith(w, at) || !delimiter(at + w.length())) {
      return false;
    }
    at += w.length();
    return true;
  }

  /** A decimal integer that fits a long, without leading zeros or suffix. */
  private Object integer() {
    int i = at;
    boolean negative = text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    int first = i;
    long v = 0;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      v = v * 10 + (text.charAt(i) - '0');
      i++;
    }
    int digits = i - first;
    // 18 digits always fit; longer ones, leading zeros and 1N / 1.5 / 1e3 are edn-java's
    if (digits == 0 || digits > 18 || (digits > 1 && text.charAt(first) == '0') || !delimiter(i)) {
      return FAIL;
    }
    at = i;
    return negative ? -v : v;
  }

  private Object string() {
    StringBuilder sb = null;
    int i = at + 1;
    int from = i;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '"') {
        String s = sb == null ? text.substring(from, i) : sb.append(text, from, i).toString();
        at = i + 1;
        return s;
      }
      if (c == '\\') {
        if (i + 1 >= text.length()) {
          return FAIL;
        }
        char e = switch (text.charAt(i + 1)) {
          case '"' -> '"';
          case '\\' -> '\\';
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> 0;
        };
        if (e == 0) {
          return FAIL;
        }
        if (sb == null) {
          sb = new StringBuilder();
        }
        sb.append(text, from, i).append(e);
        i += 2;
        from = i;
      } else {
        i++;
      }
    }
    return FAIL;
  }

  /**
   * The name of the keyword at {@code at} (a colon): a letter, then letters, digits and {@code
   * * + ! - _ ? < > = .}, ended by a delimiter; null for anything else (namespaced keywords too).
   */
  private String keywordName() {
    int i = at + 1;
    char first = i < text.length() ? text.charAt(i) : 0;
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) {
      return null;
    }
    while (i < text.length()) {
      char c = text.charAt(i);
      boolean part = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "*+!-_?<>=.".indexOf(c) >= 0;
      if (!part) {
        break;
      }
      i++;
    }
    if (!delimiter(i)) {
      return null;
    }
    String name = text.substring(at + 1, i);
    at = i;
    return name;
  }

  /** Whether a token may end before offset {@code i}. */
  private boolean delimiter(int i) {
    if (i >= text.length()) {
      return true;
    }
    char c = text.charAt(i);
    return c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t' || c == ']' || c == ')'
        || c == '}';
  }

  /** Skips blanks and commas (a comment makes the next token fail, and edn-java takes over). */
  private void space() {
    while (at < text.length()) {
      char c = text.charAt(at);
      if (c == ' ' || c == ',' || c == '\n' || c == '\r' || c == '\t') {
        at++;
      } else {
        return;
      }
    }
  }

  private int peek() {
    return at < text.length() ? text.charAt(at) : -1;
  }
}
