package io.synod.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace specs (modules that read their log through IOEnv, as written for TLC) run by the
 * line-by-line search: each verdict, where a rejection points, and the rule for the end of the
 * log.
 */
class TraceSpecValidatorTest {

  /** The system: a counter that steps by 1 or 2 and may be reset once it passed 2. */
  static final String COUNTER = """
      ---- MODULE Counter ----
      EXTENDS Naturals
      VARIABLES x, resets
      Init == x = 0 /\\ resets = 0
      Inc(n) == n \\in {1, 2} /\\ x' = x + n /\\ UNCHANGED resets
      Reset == x > 2 /\\ x' = 0 /\\ resets' = resets + 1
      Next == (\\E n \\in {1, 2} : Inc(n)) \\/ Reset
      ====
      """;

  /**
   * The trace spec: "inc" lines log the new value and sometimes the step; "reset" lines nothing.
   * Lines of kind "noise" are not steps: {@code Trace} leaves them out.
   */
  static final String TRACE = """
      ---- MODULE CounterTrace ----
      EXTENDS Counter, Json, IOUtils, TLC, Sequences
      Log == ndJsonDeserialize(IOEnv.JSON)
      Trace == SelectSeq(Log, LAMBDA r : r.event # "noise")
      VARIABLE l
      TraceInit == Init /\\ l = 1
      IncLogged == /\\ Trace[l].event = "inc"
                   /\\ \\E n \\in {1, 2} : ("by" \\in DOMAIN Trace[l] => n = Trace[l].by) /\\ Inc(n)
                   /\\ "x" \\in DOMAIN Trace[l] => x' = Trace[l].x
      ResetLogged == Trace[l].event = "reset" /\\ Reset
      TraceNext == /\\ l <= Len(Trace)
                   /\\ IncLogged \\/ ResetLogged
                   /\\ l' = l + 1
      AtMostOneReset == resets <= 1
      Matched == TLCGet("stats").diameter = Len(Trace) + 1
      ====
      """;

  static final String CFG = "INIT TraceInit\nNEXT TraceNext\nINVARIANT AtMostOneReset\n";

  static Path setUp(Path dir, String cfg, String... lines) throws Exception {
    Files.writeString(dir.resolve("Counter.tla"), COUNTER);
    Files.writeString(dir.resolve("CounterTrace.tla"), TRACE);
    Files.writeString(dir.resolve("CounterTrace.cfg"), cfg);
    Path log = dir.resolve("log.ndjson");
    Files.write(log, List.of(lines));
    return log;
  }

  static TraceResult validate(Path dir, Path log, TraceSpecValidator.Options o) throws Exception {
    return TraceSpecValidator.of(dir.resolve("CounterTrace.tla"), null, o).validate(log);
  }

  static TraceResult validate(Path dir, Path log) throws Exception {
    return validate(dir, log, TraceSpecValidator.Options.DEFAULT);
  }

  static String inc(int x) {
    return "{\"event\":\"inc\",\"x\":" + x + "}";
  }

  static final String RESET = "{\"event\":\"reset\"}";

  @Test
  void aLogTheSpecAllowsIsAcceptedOnceEveryLineIsMatched(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, inc(1), inc(3), RESET, inc(2));
    TraceResult r = validate(dir, log);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertEquals(4, r.events());
    assertEquals(1, r.maxCandidates());
    assertNull(r.note());
  }

  @Test
  void aLineNoStepMatchesIsRejectedThereWithTheFalseConjunct(@TempDir Path dir) throws Exception {
    // the blank line does not count: the fourth record is on line 5
    Path log = setUp(dir, CFG, inc(1), inc(3), "", RESET, inc(4));
    TraceResult r = validate(dir, log);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    TraceResult.Rejection x = r.rejection();
    assertEquals(3, x.event().index());
    assertEquals(5, x.event().line());
    assertTrue(x.event().where().endsWith("log.ndjson:5"), x.event().where());
    assertEquals(1, x.candidates());
    TraceResult.Candidate c = x.nearest().get(0);
    assertTrue(c.state().contains("x = 0") && c.state().contains("l = 4"), c.state());
    TraceResult.Mismatch m = c.mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("\"x\" \\in DOMAIN Trace[l] => x' = Trace[l].x", m.name(), m.text());
    assertTrue(m.conjunctAt().contains("module CounterTrace"), m.conjunctAt());
    // the matched prefix: the initial state and one state per matched line, with its line
    JsonNode itf = new ObjectMapper().readTree(x.prefixItf());
    assertEquals(4, itf.get("states").size());
    assertEquals("log line 3, " + log + ":4", itf.get("states").get(3).get("#meta").get("location").asText());
  }

  @Test
  void aLineThatIsNotEnabledNamesTheConjunctOfTheSystemSpec(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, inc(1), RESET);
    TraceResult r = validate(dir, log);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertEquals(2, r.rejection().event().line());
    TraceResult.Mismatch m = r.rejection().nearest().get(0).mismatches().get(0);
    assertEquals("x > 2", m.name(), m.text());
    assertTrue(m.conjunctAt().contains("module Counter"), m.conjunctAt());
  }

  @Test
  void severalStatesAreKeptPerLineUntilALaterLineTellsThemApart(@TempDir Path dir) throws Exception {
    // "inc" without a value: x is 1 or 2 after it, and the logged 4 then needs x = 2 (or 3)
    Path log = setUp(dir, CFG, "{\"event\":\"inc\"}", "{\"event\":\"inc\"}", inc(4));
    TraceResult r = validate(dir, log);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertEquals(3, r.maxCandidates());
  }

  @Test
  void aFrontierOverTheBudgetIsUnknown(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, "{\"event\":\"inc\"}", "{\"event\":\"inc\"}", inc(4));
    TraceResult r = validate(dir, log, new TraceSpecValidator.Options("JSON", 3, List.of(), 2, false,
        line -> { }));
    assertNull(r.rejection());
    assertNotNull(r.unknown());
    assertTrue(r.unknown().contains("more than 2 spec states at log line 2"), r.unknown());
  }

  @Test
  void aStateThatBreaksAnInvariantRejectsTheLineThatLedToIt(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, inc(2), inc(3), RESET, inc(1), inc(3), RESET);
    TraceResult r = validate(dir, log);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertEquals(6, r.rejection().event().line());
    TraceResult.Mismatch m = r.rejection().nearest().get(0).mismatches().get(0);
    assertEquals("AtMostOneReset", m.name());
    assertTrue(r.rejection().nearest().get(0).state().contains("resets = 2"), r.rejection().nearest().get(0).state());
  }

  @Test
  void whenTheSpecMatchesFewerStepsThanRecordsThePostconditionDecides(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG + "POSTCONDITION Matched\n", inc(1), "{\"event\":\"noise\"}", inc(2));
    TraceResult r = validate(dir, log);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertTrue(r.note().contains("the POSTCONDITION accepts"), r.note());
    // without a POSTCONDITION, the search must make one step per record
    setUp(dir, CFG, inc(1), "{\"event\":\"noise\"}", inc(2));
    TraceResult plain = validate(dir, log);
    assertTrue(plain.rejected(), () -> TraceReport.text(plain));
    // and a false POSTCONDITION rejects at the record after the deepest level
    setUp(dir, CFG + "POSTCONDITION Matched\n", inc(1), inc(5), inc(6));
    TraceResult bad = validate(dir, log);
    assertTrue(bad.rejected(), () -> TraceReport.text(bad));
    assertEquals(2, bad.rejection().event().line());
  }

  @Test
  void theSpecEndingTheSearchWithTlcSetExitAccepts(@TempDir Path dir) throws Exception {
    String cfg = CFG + "CONSTRAINT Stop\n";
    Path log = setUp(dir, cfg, inc(1), inc(2));
    Files.writeString(dir.resolve("CounterTrace.tla"), TRACE.replace("====",
        "Stop == x = 1 => TLCSet(\"exit\", TRUE)\n===="));
    TraceResult r = validate(dir, log);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
  }

  @Test
  void aSpecWithUnloggedStepsNamesTheEndOfTheLog(@TempDir Path dir) throws Exception {
    // Tick is a step no line logs: the line counter stays, so levels and lines part ways
    String ticking = TRACE.replace("/\\ IncLogged \\/ ResetLogged\n             /\\ l' = l + 1",
        "/\\ \\/ (IncLogged \\/ ResetLogged) /\\ l' = l + 1\n                \\/ Tick")
        .replace("TraceNext ==", "Tick == x < 30 /\\ x' = x + 10 /\\ UNCHANGED <<resets, l>>\nTraceNext ==")
        .replace("AtMostOneReset ==", "Consumed == l > Len(Trace)\nAtMostOneReset ==");
    assertTrue(ticking.contains("\\/ Tick"), ticking);
    Path log = setUp(dir, CFG, inc(1), inc(12));
    Files.writeString(dir.resolve("CounterTrace.tla"), ticking);
    // one step per record accepts after two steps with line 2 not matched (Tick, Tick)
    TraceResult byLevel = validate(dir, log);
    assertTrue(byLevel.accepted(), () -> TraceReport.text(byLevel));
    TraceSpecValidator.Options o = TraceSpecValidator.Options.DEFAULT.consumedWhen("Consumed", 0);
    // 0 -> 1 (line 1) -> 11 (Tick) -> 12 (line 2)
    TraceResult r = validate(dir, log, o);
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    Path bad = setUp(dir, CFG, inc(1), inc(35));
    Files.writeString(dir.resolve("CounterTrace.tla"), ticking);
    TraceResult no = validate(dir, bad, o);
    assertTrue(no.rejected(), () -> TraceReport.text(no));
    TraceResult unknown = validate(dir, bad, o.consumedWhen("Consumed", 2));
    assertNotNull(unknown.unknown(), () -> TraceReport.text(unknown));
    TraceInputException e = assertThrows(TraceInputException.class,
        () -> validate(dir, bad, o.consumedWhen("Nope", 0)));
    assertTrue(e.getMessage().contains("Nope"), e.getMessage());
  }

  @Test
  void theEnvironmentVariableIsTheOneNamed(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, inc(1), inc(2));
    Files.writeString(dir.resolve("CounterTrace.tla"), TRACE.replace("IOEnv.JSON", "IOEnv.COUNTER_LOG"));
    TraceResult r = validate(dir, log, new TraceSpecValidator.Options("COUNTER_LOG", 3, List.of(), 100, false,
        line -> { }));
    assertTrue(r.accepted(), () -> TraceReport.text(r));
  }

  @Test
  void aConfigThatPointsTheSpecAtAnotherLogIsFollowedAndSaidSo(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG + "CONSTANT LogFile <- Other\n", inc(1));
    Files.write(dir.resolve("other.ndjson"), List.of(inc(1), inc(7)));
    Files.writeString(dir.resolve("CounterTrace.tla"), TRACE
        .replace("Log == ndJsonDeserialize(IOEnv.JSON)", "CONSTANT LogFile\nOther == \"" + dir.resolve("other.ndjson")
            + "\"\nLog == ndJsonDeserialize(LogFile)"));
    TraceResult r = validate(dir, log);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertTrue(r.rejection().event().file().endsWith("other.ndjson"), r.rejection().event().file());
    assertEquals(2, r.rejection().event().line());
    assertTrue(r.note().contains("not the --trace file"), r.note());
  }

  @Test
  void aSpecThatReordersTheLogPointsAtTheRecordsOwnLine(@TempDir Path dir) throws Exception {
    // the records carry their position ("t"); the spec puts them in that order first
    Path log = setUp(dir, CFG, "{\"event\":\"inc\",\"x\":3,\"t\":2}", "{\"event\":\"inc\",\"x\":1,\"t\":1}",
        "{\"event\":\"inc\",\"x\":9,\"t\":3}");
    String sorted = TRACE.replace("Trace == SelectSeq(Log, LAMBDA r : r.event # \"noise\")",
        "Trace == [i \\in 1..Len(Log) |-> CHOOSE r \\in {Log[j] : j \\in DOMAIN Log} : r.t = i]");
    Files.writeString(dir.resolve("CounterTrace.tla"), sorted);
    TraceResult r = validate(dir, log);
    assertTrue(r.rejected(), () -> TraceReport.text(r));
    assertEquals(2, r.rejection().event().index());
    assertEquals(3, r.rejection().event().line());
    // and the second matched step is the first line of the file
    setUp(dir, CFG, "{\"event\":\"inc\",\"x\":3,\"t\":2}", "{\"event\":\"inc\",\"x\":1,\"t\":1}",
        "{\"event\":\"inc\",\"x\":9,\"t\":4}", "{\"event\":\"inc\",\"x\":4,\"t\":3}");
    Files.writeString(dir.resolve("CounterTrace.tla"), sorted);
    TraceResult r2 = validate(dir, log);
    assertTrue(r2.rejected(), () -> TraceReport.text(r2));
    assertEquals(3, r2.rejection().event().line());
    JsonNode itf = new ObjectMapper().readTree(r2.rejection().prefixItf());
    assertEquals("log line 2, " + log + ":1", itf.get("states").get(2).get("#meta").get("location").asText());
  }

  @Test
  void badInputIsAnErrorWithTheFileNotAVerdict(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, inc(1), "{\"event\": ");
    TraceSpecValidator v = TraceSpecValidator.of(dir.resolve("CounterTrace.tla"), null,
        TraceSpecValidator.Options.DEFAULT);
    TraceInputException e = assertThrows(TraceInputException.class, () -> v.validate(log));
    assertTrue(e.getMessage().contains("log.ndjson"), e.getMessage());
    TraceInputException noCfg = assertThrows(TraceInputException.class, () -> TraceSpecValidator.of(
        dir.resolve("CounterTrace.tla"), dir.resolve("nope.cfg"), TraceSpecValidator.Options.DEFAULT));
    assertTrue(noCfg.getMessage().contains("nope.cfg"), noCfg.getMessage());
  }

  @Test
  void theSpecsPrintOutputGoesToTheGivenOutput(@TempDir Path dir) throws Exception {
    Path log = setUp(dir, CFG, inc(1));
    Files.writeString(dir.resolve("CounterTrace.tla"), TRACE.replace("TraceInit == Init /\\ l = 1",
        "TraceInit == Init /\\ l = 1 /\\ PrintT(<<\"lines\", Len(Trace)>>)"));
    List<String> printed = new ArrayList<>();
    TraceResult r = validate(dir, log, new TraceSpecValidator.Options("JSON", 3, List.of(), 100, false,
        printed::add));
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertEquals(List.of("<<\"lines\", 1>>"), printed);
  }
}
