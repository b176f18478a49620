package io.synod.checker.eval;

import io.synod.checker.syntax.ast.Span;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.StringValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The records TLC's {@code TLCGet("spec")} and {@code TLCGet("action")} are made of: a part of the
 * specification is {@code [name |-> ..., location |-> [beginLine |-> ..., beginColumn |-> ...,
 * endLine |-> ..., endColumn |-> ..., module |-> ...]]}.
 */
final class SpecRecords {
  /** TLC's name of an action, predicate or property that is not a definition's. */
  static final String UNNAMED = "UnnamedAction";

  private SpecRecords() {
  }

  static Value location(StringTable st, Span span) {
    return record(st, new String[] {"beginLine", "beginColumn", "endLine", "endColumn", "module"},
        new Value[] {IntValue.of(span.beginLine()), IntValue.of(span.beginCol()), IntValue.of(span.endLine()),
            IntValue.of(span.endCol()), st.string(span.module())});
  }

  /** {@code [name |-> name, location |-> span]}; a null name is TLC's {@value #UNNAMED}. */
  static Value part(StringTable st, String name, Span span) {
    return record(st, new String[] {"name", "location"},
        new Value[] {st.string(name == null ? UNNAMED : name), location(st, span)});
  }

  /**
   * TLC's answer where the action is not known: an unnamed action at no location (TLC's null
   * location, of module {@code --unknown--}).
   */
  static Value unknownAction(StringTable st) {
    return record(st, new String[] {"name", "location"}, new Value[] {st.string(UNNAMED),
        record(st, new String[] {"beginLine", "beginColumn", "endLine", "endColumn", "module"},
            new Value[] {IntValue.of(0), IntValue.of(0), IntValue.of(0), IntValue.of(0),
                st.string("--unknown--")})});
  }

  /** The set of the parts' records (parts with the same name and location are one element). */
  static Value parts(StringTable st, List<CompiledSpec.SpecPart> parts) {
    List<Value> l = new ArrayList<>();
    for (CompiledSpec.SpecPart p : parts) {
      l.add(part(st, p.name(), p.span()));
    }
    return Values.set(l);
  }

  /**
   * When this build was loaded, which Synod reports as its build time: it has no release
   * metadata, like a development build of TLC.
   */
  private static final java.time.Instant LOADED = java.time.Instant.now().truncatedTo(
      java.time.temporal.ChronoUnit.MILLIS);

  /**
   * {@code TLCGet("revision")}: as a development build of TLC reports it (tag "development",
   * no commit count), with this build's time as timestamp, date and calendar version.
   */
  static Value revision(StringTable st) {
    java.time.ZonedDateTime t = LOADED.atZone(java.time.ZoneOffset.UTC);
    // TLC's date format: tenths of a second ('S' of SimpleDateFormat prints the milliseconds)
    String date = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").format(t) + "."
        + t.getNano() / 1_000_000 + "Z";
    return record(st, new String[] {"count", "timestamp", "date", "tag", "calver"},
        new Value[] {IntValue.of(0), IntValue.of(LOADED.getEpochSecond()), st.string(date),
            st.string("development"),
            st.string(java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd.HHmmss").format(t))});
  }

  static Value record(StringTable st, String[] names, Value[] values) {
    StringValue[] keys = new StringValue[names.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = st.string(names[i]);
    }
    return Values.record(keys, values);
  }
}
