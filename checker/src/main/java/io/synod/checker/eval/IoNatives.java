package io.synod.checker.eval;

import io.synod.checker.value.BoolValue;
import io.synod.checker.value.FcnValue;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.ItfCodec;
import io.synod.checker.value.Pretty;
import io.synod.checker.value.RecordValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The operators of the community module {@code IOUtils}: the environment, files and processes.
 * {@code IOEnv}, {@code atoi} and {@code zeroPadN} are constant-level (a definition built from
 * them is evaluated once, so {@code N <- TraceN} works); running a process is state-level and
 * happens at every evaluation, as in TLC.
 */
final class IoNatives {
  private IoNatives() {}

  static void register(Natives n) {
    String m = "IOUtils";
    n.put(m, "IOEnv", new Natives.Impl(0, null, (c, a) -> environment(c), null, false, false));
    n.put(m, "atoi", Natives.Impl.unary((c, v) -> atoi(v), false, false));
    n.put(m, "zeroPadN", Natives.Impl.binary((c, v, w) -> c.spec.strings.string(zeroPad(v, w)), false, false));
    n.put(m, "IOExec", state(Natives.Impl.unary((c, cmd) -> exec(c, null, cmd, null, "IOExec"), false, true)));
    n.put(m, "IOEnvExec", state(Natives.Impl.binary(
        (c, env, cmd) -> exec(c, env, cmd, null, "IOEnvExec"), false, true)));
    n.put(m, "IOExecTemplate", state(Natives.Impl.binary(
        (c, cmd, ps) -> exec(c, null, cmd, ps, "IOExecTemplate"), false, true)));
    n.put(m, "IOEnvExecTemplate", state(new Natives.Impl(3, null,
        (c, a) -> exec(c, a[0], a[1], a[2], "IOEnvExecTemplate"), null, false, true)));
    n.put(m, "IOSerialize", new Natives.Impl(3, null, (c, a) -> {
      serialize(c.spec.strings, a[0], JsonNatives.path(a[1], "IOSerialize"), bool(a[2], "IOSerialize"));
      return BoolValue.TRUE;
    }, null, false, true));
    n.put(m, "IODeserialize", Natives.Impl.binary((c, p, z) -> deserialize(c.spec.strings,
        JsonNatives.input(c, JsonNatives.path(p, "IODeserialize")), bool(z, "IODeserialize")), false, false));
    n.put(m, "Serialize", new Natives.Impl(3, null, (c, a) -> textSerialize(c, a[0], a[1], a[2]),
        null, false, true));
    n.put(m, "Deserialize", Natives.Impl.binary((c, src, opts) -> textDeserialize(c, src, opts), false, false));
  }

  /** Re-evaluated in every state, like TLC's state-level IOExec. */
  private static Natives.Impl state(Natives.Impl impl) {
    return impl.withMinLevel(1);
  }

  /** The environment variables as a record (empty function when there are none). */
  private static Value environment(Ctx c) {
    Map<String, String> env = new TreeMap<>(c.host.environment());
    StringTable strings = c.spec.strings;
    Value[] names = new Value[env.size()];
    Value[] vals = new Value[env.size()];
    int i = 0;
    for (Map.Entry<String, String> e : env.entrySet()) {
      names[i] = strings.string(e.getKey());
      vals[i] = strings.string(e.getValue());
      i++;
    }
    return names.length == 0 ? TupleValue.EMPTY : Values.fcn(names, vals);
  }

  private static Value atoi(Value v) {
    if (v instanceof StringValue s) {
      try {
        return IntValue.of(Integer.parseInt(s.text()));
      } catch (NumberFormatException e) {
        // reported below, as TLC does for any argument it cannot convert
      }
    }
    throw EvalException.eval("The argument of atoi should be a string of an integer, but instead it is:\n"
        + Pretty.ppr(v));
  }

  private static String zeroPad(Value n, Value pad) {
    if (!(n instanceof IntValue i) || !(pad instanceof IntValue p)) {
      throw EvalException.eval("zeroPadN expects two integers, but was given:\n" + Pretty.ppr(n) + "\nand\n"
          + Pretty.ppr(pad));
    }
    String digits = Long.toString(Math.abs(i.value()));
    StringBuilder sb = new StringBuilder(i.value() < 0 ? "-" : "");
    for (long k = digits.length(); k < p.value(); k++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  private static boolean bool(Value v, String op) {
    if (v instanceof BoolValue b) {
      return b.value();
    }
    throw EvalException.eval("The compression flag of " + op + " must be a boolean, but is:\n" + Pretty.ppr(v));
  }

  // ------------------------------------------------------------------ processes

  private static Value exec(Ctx c, Value env, Value command, Value params, String op) {
    List<String> cmd = strings(command, op);
    if (params != null) {
      Object[] ps = strings(params, op).toArray();
      for (int i = 0; i < cmd.size(); i++) {
        try {
          cmd.set(i, String.format(cmd.get(i), ps));
        } catch (java.util.IllegalFormatException e) {
          throw EvalException.eval(op + ": the template " + cmd.get(i) + " does not fit the parameters: "
              + e.getMessage());
        }
      }
    }
    if (cmd.isEmpty()) {
      throw EvalException.eval(op + " needs a non-empty sequence: the program and its arguments.");
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    if (env != null) {
      if (!(env instanceof RecordValue r)) {
        throw EvalException.eval("The environment given to " + op + " must be a record, but is:\n"
            + Pretty.ppr(env));
      }
      for (int i = 0; i < r.size(); i++) {
        Value v = r.valueAt(i);
        pb.environment().put(r.nameAt(i).text(), v instanceof StringValue s ? s.text() : Pretty.ppr(v));
      }
    }
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      byte[][] streams = new byte[2][];
      Thread err = new Thread(() -> streams[1] = drain(p.getErrorStream()), "synod-ioexec-stderr");
      err.start();
      streams[0] = drain(p.getInputStream());
      int exit = p.waitFor();
      err.join();
      return execResult(c.spec.strings, exit, new String(streams[0], Charset.defaultCharset()),
          new String(streams[1], Charset.defaultCharset()));
    } catch (IOException e) {
      throw EvalException.eval(op + " cannot run " + cmd.get(0) + ": " + JsonNatives.reason(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw EvalException.eval(op + " was interrupted while " + cmd.get(0) + " ran.");
    }
  }

  private static byte[] drain(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static Value execResult(StringTable strings, int exit, String out, String err) {
    return Values.record(
        new StringValue[] {strings.string("exitValue"), strings.string("stdout"), strings.string("stderr")},
        new Value[] {IntValue.of(exit), strings.string(out), strings.string(err)});
  }

  private static List<String> strings(Value v, String op) {
    if (!(v instanceof TupleValue t)) {
      throw EvalException.eval("The argument of " + op + " should be a sequence of strings, but instead it is:\n"
          + Pretty.ppr(v));
    }
    List<String> out = new ArrayList<>();
    for (Value e : t.toArray()) {
      if (!(e instanceof StringValue s)) {
        throw EvalException.eval("The argument of " + op + " should be a sequence of strings, but instead it is:\n"
            + Pretty.ppr(v));
      }
      out.add(s.text());
    }
    return out;
  }

  // ------------------------------------------------------------------ files

  /** Writes {@code v} in Synod's portable form (ITF JSON), gzipped when asked. */
  private static void serialize(StringTable strings, Value v, String file, boolean compress) {
    byte[] json = new ItfCodec(strings).toJson(v).getBytes(StandardCharsets.UTF_8);
    try (OutputStream raw = Files.newOutputStream(Path.of(file));
        OutputStream out = compress ? new GZIPOutputStream(raw) : raw) {
      out.write(json);
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw EvalException.eval("Cannot write the file " + file + ": " + JsonNatives.reason(e));
    }
  }

  private static Value deserialize(StringTable strings, String file, boolean compressed) {
    byte[] bytes;
    try (InputStream raw = Files.newInputStream(Path.of(file));
        InputStream in = compressed ? new GZIPInputStream(raw) : raw) {
      bytes = in.readAllBytes();
    } catch (IOException | java.nio.file.InvalidPathException e) {
      throw EvalException.eval("Cannot read the file " + file + ": " + JsonNatives.reason(e));
    }
    try {
      return new ItfCodec(strings).fromJson(new String(bytes, StandardCharsets.UTF_8));
    } catch (ItfCodec.ItfException | IllegalArgumentException e) {
      throw EvalException.eval("The file " + file + " does not hold a value written by IOSerialize: "
          + e.getMessage());
    }
  }

  /** Serialize(value, dest, [format |-> "TXT"|"JSON"|"NDJSON", ...]) as an exec-style record. */
  private static Value textSerialize(Ctx c, Value value, Value dest, Value options) {
    String file = JsonNatives.path(dest, "Serialize");
    String format = option(options, c.spec.strings, "format", "Serialize");
    try {
      switch (format) {
        case "TXT" -> {
          if (!(value instanceof StringValue s)) {
            throw EvalException.eval("Serialize with format TXT writes a string, not:\n" + Pretty.ppr(value));
          }
          Charset cs = charset(options, c.spec.strings);
          List<StandardOpenOption> open = new ArrayList<>();
          Value opts = field(options, c.spec.strings, "openOptions");
          if (opts instanceof TupleValue t) {
            for (Value o : t.toArray()) {
              open.add(StandardOpenOption.valueOf(JsonNatives.path(o, "Serialize")));
            }
          }
          Files.writeString(Path.of(file), s.text(), cs, open.toArray(new StandardOpenOption[0]));
        }
        case "JSON" -> JsonNatives.write(file, JsonNatives.toJson(value, JsonNatives.Shape.ANY) + "\n");
        case "NDJSON" -> {
          StringBuilder sb = new StringBuilder();
          if (!(value instanceof TupleValue t)) {
            throw EvalException.eval("Serialize with format NDJSON writes a sequence, not:\n" + Pretty.ppr(value));
          }
          for (Value e : t.toArray()) {
            sb.append(JsonNatives.toJson(e, JsonNatives.Shape.ANY)).append('\n');
          }
          JsonNatives.write(file, sb.toString());
        }
        default -> throw EvalException.eval("Serialize knows the formats TXT, JSON and NDJSON, not " + format + ".");
      }
      return execResult(c.spec.strings, 0, "", "");
    } catch (IOException | IllegalArgumentException e) {
      return execResult(c.spec.strings, 1, "", "Serialize error writing to the file: " + JsonNatives.reason(e));
    }
  }

  private static Value textDeserialize(Ctx c, Value src, Value options) {
    String file = JsonNatives.input(c, JsonNatives.path(src, "Deserialize"));
    String format = option(options, c.spec.strings, "format", "Deserialize");
    switch (format) {
      case "TXT" -> {
        try {
          String text = Files.readString(Path.of(file), charset(options, c.spec.strings));
          return execResult(c.spec.strings, 0, text, "");
        } catch (IOException | IllegalArgumentException e) {
          return execResult(c.spec.strings, 1, "", "Deserialize error reading from the file: "
              + JsonNatives.reason(e));
        }
      }
      case "JSON" -> {
        return JsonNatives.readDocument(c.spec.strings, file);
      }
      case "NDJSON" -> {
        return JsonNatives.readLines(c.spec.strings, file);
      }
      default -> throw EvalException.eval("Deserialize knows the formats TXT, JSON and NDJSON, not " + format + ".");
    }
  }

  private static Charset charset(Value options, StringTable strings) {
    Value cs = field(options, strings, "charset");
    return cs instanceof StringValue s ? Charset.forName(s.text()) : StandardCharsets.UTF_8;
  }

  /** The string field {@code name} of the options record ({@code ser} is TLC's older name of format). */
  private static String option(Value options, StringTable strings, String name, String op) {
    Value v = field(options, strings, name);
    if (v == null) {
      v = field(options, strings, "ser");
    }
    if (v instanceof StringValue s) {
      return s.text();
    }
    throw EvalException.eval(op + " needs an options record with a format field (\"TXT\", \"JSON\" or \"NDJSON\"),"
        + " but was given:\n" + Pretty.ppr(options));
  }

  private static Value field(Value options, StringTable strings, String name) {
    return options instanceof FcnValue f ? f.apply(strings.string(name)) : null;
  }
}
