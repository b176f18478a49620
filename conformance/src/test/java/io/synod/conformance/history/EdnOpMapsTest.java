package io.synod.conformance.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import us.bpsm.edn.Keyword;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

class EdnOpMapsTest {

  /** Pieces of EDN, plain ones that EdnOpMaps reads and others that it must leave to edn-java. */
  private static final String[] ATOMS = {
      "nil", "true", "false", "0", "7", "-12", "123456789012345678", "1234567890123456789",
      "9223372036854775808", "-0", "+5", "007", "1N", "1.5", "2e3", "3M", "\"\"", "\"a b\"",
      "\"q\\\"uote\"", "\"back\\\\slash\"", "\"n\\nt\\tr\\r\"", "\"\\u0041\"", "\"é\"", ":read",
      ":x", ":a-b?", ":a.b", ":A1", ":a/b", ":-a", ":1a", "sym", "nilly", "truex", "\\c",
      "#{1 2}", "{:k 1}", "#inst \"2020-01-01T00:00:00Z\"", "#uuid \"f81d4fae-7dec-11d0-a765-00a0c91e6bf6\"",
      "-", "1a", ";c\n1"};

  private static final String[] KEYS = {
      ":process", ":type", ":f", ":value", ":index", ":time", ":error", ":x/y", "\"s\"", "1"};

  private static String value(Random r, int depth) {
    int k = r.nextInt(depth > 2 ? 1 : 4);
    if (k == 1) {
      StringBuilder sb = new StringBuilder(r.nextBoolean() ? "[" : "(");
      for (int i = r.nextInt(4); i > 0; i--) {
        sb.append(value(r, depth + 1)).append(r.nextBoolean() ? " " : ", ");
      }
      return sb.append(sb.charAt(0) == '[' ? "]" : ")").toString();
    }
    return ATOMS[r.nextInt(ATOMS.length)];
  }

  private static String map(Random r) {
    StringBuilder sb = new StringBuilder("{");
    for (int i = r.nextInt(6); i > 0; i--) {
      sb.append(KEYS[r.nextInt(r.nextInt(4) == 0 ? KEYS.length : 7)]).append(' ')
          .append(value(r, 0)).append(r.nextBoolean() ? ", " : "\n ");
    }
    return sb.append(r.nextInt(20) == 0 ? "" : "}").toString();
  }

  /** The fields edn-java's map gives, by keyword name, as the reader used to build them. */
  private static Map<String, Object> ednJava(String text) {
    Parser p = Parsers.newParser(Parsers.defaultConfiguration());
    Object v;
    try {
      v = p.nextValue(Parsers.newParseable(text));
    } catch (RuntimeException e) {
      return null;
    }
    if (!(v instanceof Map<?, ?> m)) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((key, x) -> {
      if (key instanceof Keyword) {
        out.put(EdnValues.name(key), x);
      }
    });
    return out;
  }

  @Property(tries = 2000)
  void aMapReadDirectlyHasTheFieldsEdnJavaReads(@ForAll long seed) {
    String text = map(new Random(seed));
    Map<String, Object> fields = new EdnOpMaps(text).read(0);
    if (fields != null) {
      Map<String, Object> expected = ednJava(text);
      assertNotNull(expected, text);
      assertEquals(expected, fields, text);
      for (String k : expected.keySet()) {
        assertEquals(classes(expected.get(k)), classes(fields.get(k)), text);
      }
    }
  }

  /** The classes of a value and of its elements (any List counts as one). */
  private static List<String> classes(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      out.add("List");
      l.forEach(x -> out.addAll(classes(x)));
    } else {
      out.add(v == null ? "nil" : v.getClass().getName());
    }
    return out;
  }

  @Test
  void readsAPlainOpMapAndStopsAfterIt() {
    String text = "{:process 3, :type :ok, :f :txn, :value [[:read :x 1] (-2 \"a\\\"b\" nil true)]} {";
    EdnOpMaps r = new EdnOpMaps(text);
    Map<String, Object> f = r.read(0);
    assertNotNull(f);
    assertEquals(3L, f.get("process"));
    assertEquals(Keyword.newKeyword("ok"), f.get("type"));
    assertEquals(List.of(List.of(Keyword.newKeyword("read"), Keyword.newKeyword("x"), 1L),
        java.util.Arrays.asList(-2L, "a\"b", null, true)), f.get("value"));
    assertEquals(text.length() - 2, r.end());
  }

  @Test
  void leavesAnythingElseToEdnJava() {
    for (String text : List.of("{:value #{1}}", "{:value 1.5}", "{:a 1 :a 2}", "{:value [1}",
        "{:value \"\\u0041\"}", "{:x/y 1}", "{:value 10000000000000000000}", "{:value ;c\n 1}",
        "[{:process 1}]", "{:value sym}")) {
      assertNull(new EdnOpMaps(text).read(0), text);
    }
  }
}
