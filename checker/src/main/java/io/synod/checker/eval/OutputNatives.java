package io.synod.checker.eval;

import io.synod.checker.value.BoolValue;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.RecordValue;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Natives of the community modules that render values as text or write files: SVG, GraphViz
 * and CSV. Their TLA+ definitions only say what kind of value they return.
 */
final class OutputNatives {
  private OutputNatives() {}

  static void register(Natives n) {
    n.put("SVG", "SVGElemToString", Natives.Impl.unary((c, e) -> c.spec.strings.string(svg(e)), false, false));
    n.put("SVG", "NodeOfRingNetwork", new Natives.Impl(5, null, (c, a) -> {
      double angle = 2 * Math.PI * Natives.intOf(a[3]) / Natives.intOf(a[4]);
      long x = (long) (Natives.intOf(a[0]) + Natives.intOf(a[2]) * Math.cos(angle));
      long y = (long) (Natives.intOf(a[1]) + Natives.intOf(a[2]) * Math.sin(angle));
      return Values.record(new StringValue[] {c.spec.strings.string("x"), c.spec.strings.string("y")},
          new Value[] {IntValue.of(x), IntValue.of(y)});
    }, null, false, false));
    n.put("GraphViz", "DotDiGraph", new Natives.Impl(3, new int[] {0, 1, 1}, null, (c, a) -> {
      FcnValue g = Natives.fcn((Value) a[0], "DotDiGraph");
      OpValue vl = (OpValue) a[1];
      OpValue el = (OpValue) a[2];
      StringBuilder sb = new StringBuilder("digraph G {\n");
      for (Value v : field(g, "node", c).toSetEnum().toArray()) {
        sb.append(quote(Pretty.flatAsWritten(v))).append(" [label=")
            .append(quote(text(vl.apply(c, new Value[] {v})))).append("];\n");
      }
      for (Value e : field(g, "edge", c).toSetEnum().toArray()) {
        TupleValue t = Natives.seq(e, "DotDiGraph");
        sb.append(quote(Pretty.flatAsWritten(t.get(1)))).append(" -> ").append(quote(Pretty.flatAsWritten(t.get(2))))
            .append(" [label=").append(quote(text(el.apply(c, new Value[] {e})))).append("];\n");
      }
      return c.spec.strings.string(sb.append('}').toString());
    }, false, false));
    csv(n);
    n.put("HTML", "StringFill", Natives.Impl.binary((c, str, args) -> {
      String out = string(str, "StringFill");
      for (Value p : Natives.seq(args, "StringFill").toArray()) {
        TupleValue pair = Natives.seq(p, "StringFill");
        String old = string(pair.get(1), "StringFill");
        int at = out.indexOf(old);
        if (at >= 0) {
          out = out.substring(0, at) + string(pair.get(2), "StringFill") + out.substring(at + old.length());
        }
      }
      return c.spec.strings.string(out);
    }, false, false));
    n.put("HTML", "StringSeqToString", Natives.Impl.binary((c, seq, sep) -> {
      String s = string(sep, "StringSeqToString");
      StringBuilder sb = new StringBuilder();
      for (Value v : Natives.seq(seq, "StringSeqToString").toArray()) {
        String part = string(v, "StringSeqToString");
        if (sb.length() > 0) {
          sb.append(s);
        }
        sb.append(part);
      }
      return c.spec.strings.string(sb.toString());
    }, false, false));
  }

  private static String string(Value v, String op) {
    if (v instanceof StringValue s) {
      return s.text();
    }
    throw EvalException.eval("The arguments of " + op + " must be strings, not:\n" + Pretty.ppr(v));
  }

  private static io.synod.checker.value.SetValue field(FcnValue g, String name, Ctx c) {
    Value v = g.apply(c.spec.strings.string(name));
    if (v == null) {
      throw EvalException.eval("DotDiGraph expects a record [node, edge], not:\n" + Pretty.ppr(g));
    }
    return Natives.set(v);
  }

  /** A string as its characters, anything else as TLA+ prints it. */
  private static String text(Value v) {
    return v instanceof StringValue s ? s.text() : Pretty.flatAsWritten(v);
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /** {@code <name k="v" ...>children innerText</name>}. */
  private static String svg(Value e) {
    FcnValue r = Natives.fcn(e, "SVGElemToString");
    StringBuilder sb = new StringBuilder();
    String name = text(get(r, "name"));
    sb.append('<').append(name);
    Value attrs = get(r, "attrs");
    if (attrs instanceof FcnValue f) {
      for (int i = 0; i < f.size(); i++) {
        int k = f instanceof RecordValue rec ? rec.writtenAt(i) : i;
        sb.append(' ').append(text(f.domainAt(k))).append("=\"").append(text(f.valueAt(k))).append('"');
      }
    }
    sb.append('>');
    Value children = get(r, "children");
    if (children instanceof FcnValue kids) {
      for (int i = 0; i < kids.size(); i++) {
        sb.append(svg(kids.valueAt(i)));
      }
    }
    sb.append(text(get(r, "innerText"))).append("</").append(name).append('>');
    return sb.toString();
  }

  private static Value get(FcnValue r, String field) {
    for (int i = 0; i < r.size(); i++) {
      if (r.domainAt(i) instanceof StringValue s && s.text().equals(field)) {
        return r.valueAt(i);
      }
    }
    throw EvalException.eval("SVGElemToString expects an element record with the field " + field
        + ", not:\n" + Pretty.ppr(r));
  }

  // ------------------------------------------------------------------ CSV

  private static void csv(Natives n) {
    n.put("CSV", "CSVWrite", new Natives.Impl(3, null, (c, a) -> {
      TupleValue vals = Natives.seq(a[1], "CSVWrite");
      Object[] args = new Object[vals.length()];
      for (int i = 0; i < args.length; i++) {
        args[i] = text(vals.get(i + 1));
      }
      append(path(a[2]), String.format(text(a[0]), args) + "\n");
      return BoolValue.TRUE;
    }, null, false, true));
    n.put("CSV", "CSVWriteRecord", new Natives.Impl(4, null, (c, a) -> {
      FcnValue rec = Natives.fcn(a[0], "CSVWriteRecord");
      String delim = text(a[1]);
      List<String> names = new ArrayList<>();
      List<String> vals = new ArrayList<>();
      for (int i = 0; i < rec.size(); i++) {
        int k = rec instanceof RecordValue r ? r.writtenAt(i) : i;
        names.add(text(rec.domainAt(k)));
        vals.add(text(rec.valueAt(k)));
      }
      String line = (a[2] == BoolValue.TRUE ? String.join(delim, names) + "\n" : "") + String.join(delim, vals) + "\n";
      append(path(a[3]), line);
      return BoolValue.TRUE;
    }, null, false, true));
    n.put("CSV", "CSVRead", new Natives.Impl(3, null, (c, a) -> {
      TupleValue cols = Natives.seq(a[0], "CSVRead");
      StringValue[] names = new StringValue[cols.length()];
      for (int i = 0; i < names.length; i++) {
        names[i] = c.spec.strings.string(text(cols.get(i + 1)));
      }
      List<Value> rows = new ArrayList<>();
      String delim = java.util.regex.Pattern.quote(text(a[1]));
      for (String line : lines(path(a[2]))) {
        String[] parts = line.split(delim, -1);
        Value[] vs = new Value[names.length];
        for (int i = 0; i < vs.length; i++) {
          vs[i] = c.spec.strings.string(i < parts.length ? parts[i] : "");
        }
        rows.add(Values.record(names, vs));
      }
      return TupleValue.wrap(rows.toArray(new Value[0]));
    }, null, true, false));
    n.put("CSV", "CSVRecords", Natives.Impl.unary((c, f) -> {
      Path p = path(f);
      return IntValue.of(Files.exists(p) ? lines(p).size() : 0);
    }, true, false));
  }

  private static Path path(Value v) {
    if (!(v instanceof StringValue s)) {
      throw EvalException.eval("A CSV file must be given as a string, not:\n" + Pretty.ppr(v));
    }
    return Path.of(s.text());
  }

  private static void append(Path p, String text) {
    try {
      Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw EvalException.eval("Cannot write the CSV file " + p + ": " + e.getMessage());
    }
  }

  private static List<String> lines(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw EvalException.eval("Cannot read the CSV file " + p + ": " + e.getMessage());
    }
  }
}
