package io.synod.conformance.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Field paths into a trace event: names separated by dots, each optionally followed by an index
 * {@code [n]} (negative from the end) or {@code [*]} (every element), e.g. {@code msg.rm},
 * {@code sent[0].mdest}, {@code sent[*].val}. An index looks through ITF's {@code #tup} and
 * {@code #set} wrappers.
 */
final class Paths {
  private Paths() {}

  static List<JsonNode> resolve(JsonNode root, String path) {
    if (path.startsWith("len(") && path.endsWith(")")) {
      // the number of elements of a list, #tup or #set
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode n : resolve(root, path.substring(4, path.length() - 1))) {
        JsonNode arr = n.isArray() ? n : n.has("#tup") ? n.get("#tup") : n.get("#set");
        if (arr != null && arr.isArray()) {
          out.add(com.fasterxml.jackson.databind.node.IntNode.valueOf(arr.size()));
        }
      }
      return out;
    }
    List<JsonNode> cur = new ArrayList<>();
    cur.add(root);
    for (String seg : path.split("\\.")) {
      String name = seg;
      String index = null;
      int b = seg.indexOf('[');
      if (b >= 0 && seg.endsWith("]")) {
        name = seg.substring(0, b);
        index = seg.substring(b + 1, seg.length() - 1);
      }
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode n : cur) {
        JsonNode v = name.isEmpty() ? n : n.get(name);
        if (v == null || v.isNull()) {
          continue;
        }
        if (index == null) {
          next.add(v);
          continue;
        }
        JsonNode arr = v.isArray() ? v : v.has("#tup") ? v.get("#tup") : v.has("#set") ? v.get("#set") : null;
        if (arr == null || !arr.isArray()) {
          continue;
        }
        if (index.equals("*")) {
          arr.forEach(next::add);
        } else {
          try {
            int i = Integer.parseInt(index);
            int k = i < 0 ? arr.size() + i : i;
            if (k >= 0 && k < arr.size()) {
              next.add(arr.get(k));
            }
          } catch (NumberFormatException e) {
            // not an index: nothing at this path
          }
        }
      }
      cur = next;
    }
    return cur;
  }
}
