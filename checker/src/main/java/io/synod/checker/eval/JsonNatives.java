package io.synod.checker.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.synod.checker.value.BoolValue;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.ModelValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.RecordValue;
import io.synod.checker.value.SetValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The operators of module {@code Json}: TLA+ values to JSON text and back, as TLC's Json module
 * converts them. Sequences become arrays, records and other functions objects, sets arrays in
 * their normal order; JSON arrays become tuples, objects records, numbers integers.
 *
 * <p>Reading interns every key and string after the text is parsed, in document order (key
 * before value), so strings the spec mentions keep their earlier place in the intern order and
 * record fields print in the order the modules name them. Relative file names are resolved
 * against the working directory, as TLC does.
 */
final class JsonNatives {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonNatives() {}

  static void register(Natives n) {
    String m = "Json";
    n.put(m, "ToJson", Natives.Impl.unary((c, v) -> c.spec.strings.string(toJson(v, Shape.ANY)), false, false));
    n.put(m, "ToJsonArray", Natives.Impl.unary(
        (c, v) -> c.spec.strings.string(toJson(v, Shape.ARRAY)), false, false));
    n.put(m, "ToJsonObject", Natives.Impl.unary(
        (c, v) -> c.spec.strings.string(toJson(v, Shape.OBJECT)), false, false));
    n.put(m, "ndJsonDeserialize", Natives.Impl.unary(
        (c, p) -> readLines(c.spec.strings, reading(c, input(c, path(p, "ndJsonDeserialize")))), false, false));
    n.put(m, "JsonDeserialize", Natives.Impl.unary(
        (c, p) -> readDocument(c.spec.strings, reading(c, input(c, path(p, "JsonDeserialize")))), false, false));
    n.put(m, "ndJsonSerialize", Natives.Impl.binary((c, p, v) -> {
      StringBuilder sb = new StringBuilder();
      for (Value e : sequence(v, "ndJsonSerialize").toArray()) {
        sb.append(toJson(e, Shape.ANY)).append('\n');
      }
      write(path(p, "ndJsonSerialize"), sb.toString());
      return BoolValue.TRUE;
    }, false, true));
    n.put(m, "JsonSerialize", Natives.Impl.binary((c, p, v) -> {
      Value[] elems = sequence(v, "JsonSerialize").toArray();
      StringBuilder sb = new StringBuilder("[\n");
      for (int i = 0; i < elems.length; i++) {
        sb.append(toJson(elems[i], Shape.ANY)).append(i + 1 < elems.length ? ",\n" : "");
      }
      write(path(p, "JsonSerialize"), sb.append("\n]\n").toString());
      return BoolValue.TRUE;
    }, false, true));
  }

  // ------------------------------------------------------------------ values to JSON

  /** What the top level of the text must be. */
  enum Shape { ANY, ARRAY, OBJECT }

  static String toJson(Value v, Shape shape) {
    StringBuilder sb = new StringBuilder();
    switch (shape) {
      case ARRAY -> array(v, sb);
      case OBJECT -> object(v, sb);
      default -> any(v, sb);
    }
    return sb.toString();
  }

  private static void any(Value v, StringBuilder sb) {
    if (v instanceof StringValue s) {
      quote(s.text(), sb);
    } else if (v instanceof ModelValue mv) {
      quote(mv.name(), sb);
    } else if (v instanceof BoolValue b) {
      sb.append(b.value() ? "true" : "false");
    } else if (v.kind() == io.synod.checker.value.Kind.INT) {
      v.appendTo(sb);
    } else if (v instanceof FcnValue f) {
      if (isSequence(f)) {
        array(f, sb);
      } else {
        object(f, sb);
      }
    } else if (v instanceof SetValue) {
      array(v, sb);
    } else {
      throw unsupported(v);
    }
  }

  private static void array(Value v, StringBuilder sb) {
    Iterator<Value> elems;
    if (v instanceof FcnValue f && isSequence(f)) {
      List<Value> l = new ArrayList<>();
      for (int i = 0; i < f.size(); i++) {
        l.add(f.valueAt(i));
      }
      elems = l.iterator();
    } else if (v instanceof FcnValue f) {
      object(f, sb);
      return;
    } else if (v instanceof SetValue s && s.isEnumerable()) {
      elems = s.toSetEnum().iterator();
    } else {
      throw unsupported(v);
    }
    sb.append('[');
    boolean first = true;
    while (elems.hasNext()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      any(elems.next(), sb);
    }
    sb.append(']');
  }

  private static void object(Value v, StringBuilder sb) {
    if (!(v instanceof FcnValue f)) {
      throw unsupported(v);
    }
    sb.append('{');
    if (f instanceof TupleValue t) {
      // TLC keys a sequence turned into an object by its 0-based positions
      for (int i = 0; i < t.length(); i++) {
        sb.append(i > 0 ? "," : "");
        quote(String.valueOf(i), sb);
        sb.append(':');
        any(t.get(i + 1), sb);
      }
    } else if (f instanceof RecordValue r) {
      for (int k = 0; k < r.size(); k++) {
        int i = r.writtenAt(k);
        sb.append(k > 0 ? "," : "");
        quote(r.nameAt(i).text(), sb);
        sb.append(':');
        any(r.valueAt(i), sb);
      }
    } else {
      for (int i = 0; i < f.size(); i++) {
        Value d = f.domainAt(i);
        sb.append(i > 0 ? "," : "");
        quote(d instanceof StringValue s ? s.text() : Pretty.ppr(d), sb);
        sb.append(':');
        any(f.valueAt(i), sb);
      }
    }
    sb.append('}');
  }

  /** Whether {@code f} is a sequence: its domain is 1..n. */
  private static boolean isSequence(FcnValue f) {
    if (f instanceof TupleValue) {
      return true;
    }
    for (int i = 0; i < f.size(); i++) {
      if (!(f.domainAt(i) instanceof IntValue n) || n.value() != i + 1) {
        return false;
      }
    }
    return f.size() > 0;
  }

  private static void quote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
            sb.append(String.format("\\u%04x", (int) ch));
          } else {
            sb.append(ch);
          }
        }
      }
    }
    sb.append('"');
  }

  private static EvalException unsupported(Value v) {
    return EvalException.eval("Cannot convert this value to JSON:\n" + Pretty.ppr(v));
  }

  // ------------------------------------------------------------------ JSON to values

  /** The values of the non-blank lines of an NDJSON file, as a tuple. */
  static TupleValue readLines(StringTable strings, String file) {
    List<String> lines = readAll(file).lines().toList();
    List<Value> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(parse(strings, lines.get(i), file, i + 1));
      }
    }
    return TupleValue.wrap(out.toArray(new Value[0]));
  }

  static Value readDocument(StringTable strings, String file) {
    return parse(strings, readAll(file), file, 1);
  }

  /** The value of one JSON document; {@code line} is its first line in {@code file}. */
  static Value parse(StringTable strings, String text, String file, int line) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw EvalException.eval(file + ":" + line + ": empty JSON document");
      }
      Value v = value(strings, p, t, file, line);
      if (p.nextToken() != null) {
        throw located(file, line, p.currentLocation(), "text after the end of the JSON value");
      }
      return v;
    } catch (JsonParseException e) {
      throw located(file, line, e.getLocation(), e.getOriginalMessage());
    } catch (IOException e) {
      throw EvalException.eval(file + ":" + line + ": " + e.getMessage());
    }
  }

  private static Value value(StringTable strings, JsonParser p, JsonToken t, String file, int line)
      throws IOException {
    switch (t) {
      case START_ARRAY -> {
        List<Value> elems = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          elems.add(value(strings, p, e, file, line));
        }
        return TupleValue.wrap(elems.toArray(new Value[0]));
      }
      case START_OBJECT -> {
        List<StringValue> names = new ArrayList<>();
        List<Value> vals = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_OBJECT; e = p.nextToken()) {
          names.add(strings.string(p.currentName()));
          vals.add(value(strings, p, p.nextToken(), file, line));
        }
        if (names.isEmpty()) {
          return TupleValue.EMPTY;
        }
        // a fresh record in canonical order: TLC prints log records in the intern order
        return Values.fcn(names.toArray(new Value[0]), vals.toArray(new Value[0]));
      }
      case VALUE_STRING -> {
        return strings.string(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        BigInteger b = p.getBigIntegerValue();
        return b.bitLength() < 64 ? IntValue.of(b.longValue()) : IntValue.of(b);
      }
      case VALUE_TRUE -> {
        return BoolValue.TRUE;
      }
      case VALUE_FALSE -> {
        return BoolValue.FALSE;
      }
      case VALUE_NUMBER_FLOAT -> throw located(file, line, p.currentLocation(),
          "the number " + p.getText() + " is not an integer (TLA+ values from JSON are integers)");
      case VALUE_NULL -> throw located(file, line, p.currentLocation(),
          "null has no TLA+ value");
      default -> throw located(file, line, p.currentLocation(), "unexpected " + t);
    }
  }

  private static EvalException located(String file, int line, JsonLocation at, String what) {
    int l = at == null ? line : line + Math.max(0, at.getLineNr() - 1);
    String col = at == null || at.getColumnNr() < 1 ? "" : ":" + at.getColumnNr();
    return EvalException.eval("Cannot read JSON: " + file + ":" + l + col + ": " + what);
  }

  // ------------------------------------------------------------------ files

  static String path(Value v, String op) {
    if (v instanceof StringValue s) {
      return s.text();
    }
    throw EvalException.eval("The file name given to " + op + " must be a string, but is:\n" + Pretty.ppr(v));
  }

  private static TupleValue sequence(Value v, String op) {
    if (v instanceof TupleValue t) {
      return t;
    }
    throw EvalException.eval("The second argument of " + op + " must be a sequence, but is:\n" + Pretty.ppr(v));
  }

  /**
   * A file to read: as given (relative to the working directory, as TLC), else, for a relative
   * name not found there, in the root module's folder, so that a spec finds its logs wherever
   * it is run from.
   */
  static String input(Ctx c, String file) {
    try {
      Path p = Path.of(file);
      if (!p.isAbsolute() && !Files.exists(p) && c.spec.specFolder != null
          && Files.exists(c.spec.specFolder.resolve(p))) {
        return c.spec.specFolder.resolve(p).toString();
      }
    } catch (java.nio.file.InvalidPathException e) {
      // reported when the file is read
    }
    return file;
  }

  private static String reading(Ctx c, String file) {
    c.host.reading(file);
    return file;
  }

  static String readAll(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException | java.nio.file.InvalidPathException e) {
      throw EvalException.eval("Cannot read the file " + file + ": " + reason(e));
    }
  }

  static void write(String file, String text) {
    try {
      Path p = Path.of(file);
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw EvalException.eval("Cannot write the file " + file + ": " + reason(e));
    }
  }

  static String reason(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
