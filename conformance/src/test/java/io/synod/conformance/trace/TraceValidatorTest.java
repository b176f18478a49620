package io.synod.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator on a toy spec (test resources trace/Toy.tla, trace/toy.yaml). */
class TraceValidatorTest {
  static Path resource(String name) {
    try {
      return Path.of(TraceValidatorTest.class.getResource("/trace/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final Path MAPPING = resource("toy.yaml");

  static Path write(Path dir, String name, String... lines) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines));
    return p;
  }

  static String inc(String node, int clock, int val) {
    return "{\"action\":\"Inc\",\"node\":\"" + node + "\",\"clock\":" + clock + ",\"vars\":{\"val\":" + val
        + "},\"sent\":[{\"type\":\"count\",\"from\":\"" + node + "\",\"v\":" + val + "}]}";
  }

  static String copy(String node, int clock, String from, int v) {
    return "{\"action\":\"Copy\",\"node\":\"" + node + "\",\"clock\":" + clock + ",\"vars\":{\"val\":" + v
        + "},\"msg\":{\"type\":\"count\",\"from\":\"" + from + "\",\"v\":" + v + "}}";
  }

  @Test
  void aTraceTheSpecAllowsIsAccepted(@TempDir Path dir) throws Exception {
    Path t = write(dir, "t.ndjson", inc("a", 1, 1), "{\"action\":\"Hello\",\"node\":\"b\"}",
        inc("a", 2, 2), copy("b", 3, "a", 2));
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(t));
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertEquals(4, r.events());
    assertEquals(1, r.maxCandidates());
  }

  @Test
  void aWrongLoggedValueIsRejectedWithTheVariable(@TempDir Path dir) throws Exception {
    Path t = write(dir, "t.ndjson", inc("a", 1, 1), inc("a", 2, 3));
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(t));
    assertFalse(r.accepted());
    assertEquals(1, r.rejection().event().index());
    assertEquals(t + ":2", r.rejection().event().where());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.VALUE, m.kind());
    assertEquals("val", m.name());
    assertTrue(m.text().contains("the log says 3, the spec 2"), m.text());
    assertEquals(2, r.rejection().prefixStates(), "initial state and the state after event 1");
    assertTrue(r.rejection().prefixItf().contains("\"#meta\""));
  }

  @Test
  void aDisabledActionNamesTheFalseConjunct(@TempDir Path dir) throws Exception {
    // b copies a count that is not larger than its own
    Path t = write(dir, "t.ndjson", inc("a", 1, 1), inc("b", 1, 1), copy("b", 2, "a", 1));
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(t));
    assertFalse(r.accepted());
    assertEquals(2, r.rejection().event().index());
    TraceResult.Mismatch m = r.rejection().mismatches().get(0);
    assertEquals(TraceResult.Kind.CONJUNCT, m.kind());
    assertEquals("m.v > val[n]", m.name());
    assertTrue(m.text().endsWith("; where val[b] = 1"), m.text());
  }

  @Test
  void aMessageNeverSentIsRejected(@TempDir Path dir) throws Exception {
    Path t = write(dir, "t.ndjson", inc("a", 1, 1), copy("b", 2, "a", 5));
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(t));
    assertFalse(r.accepted());
    assertEquals(TraceResult.Kind.MESSAGE, r.rejection().mismatches().get(0).kind());
    assertEquals("msgs", r.rejection().mismatches().get(0).name());
  }

  @Test
  void unloggedValuesLeaveSeveralCandidatesUntilALaterEventPinsThem(@TempDir Path dir) throws Exception {
    Path t = write(dir, "t.ndjson", "{\"action\":\"Bump\",\"node\":\"a\"}", inc("a", 2, 3));
    TraceValidator free = TraceValidator.of(resource("toy-free.yaml"));
    TraceResult r = free.validate(List.of(t));
    assertTrue(r.accepted(), () -> TraceReport.text(r));
    assertEquals(2, r.maxCandidates(), "val[a] is 1 or 2 after the unlogged bump");
    Path bad = write(dir, "bad.ndjson", "{\"action\":\"Bump\",\"node\":\"a\"}", inc("a", 2, 5));
    TraceResult r2 = free.validate(List.of(bad));
    assertFalse(r2.accepted());
    assertEquals(2, r2.rejection().candidates());
    assertEquals(2, r2.rejection().nearest().size());
  }

  @Test
  void theNearestCandidatesComeFirst(@TempDir Path dir) throws Exception {
    // after b's unlogged bump, val[b] is 1 or 2; b then copies a's count 2 but logs 3: from 1
    // the copy is enabled and only the logged value is wrong, from 2 the copy is not enabled
    Path t = write(dir, "t.ndjson", inc("a", 1, 1), inc("a", 2, 2),
        "{\"action\":\"Bump\",\"node\":\"b\"}", copy("b", 3, "a", 2).replace("\"vars\":{\"val\":2}",
            "\"vars\":{\"val\":3}"));
    TraceResult r = TraceValidator.of(resource("toy-free.yaml"), new TraceValidator.Options(0, 2, List.of()))
        .validate(List.of(t));
    assertFalse(r.accepted());
    assertEquals(2, r.rejection().candidates());
    assertEquals(TraceResult.Kind.VALUE, r.rejection().nearest().get(0).mismatches().get(0).kind());
    assertEquals(TraceResult.Kind.CONJUNCT, r.rejection().nearest().get(1).mismatches().get(0).kind());
    assertEquals("m.v > val[n]", r.rejection().nearest().get(1).mismatches().get(0).name());
  }

  @Test
  void unlistedVariablesAreUnchangedByDefault(@TempDir Path dir) throws Exception {
    // the format's contract: an event lists the variables it changed
    Path t = write(dir, "t.ndjson", "{\"action\":\"Bump\",\"node\":\"a\"}");
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(t));
    assertFalse(r.accepted());
    assertEquals("val", r.rejection().mismatches().get(0).name());
  }

  @Test
  void unloggedStepsFillGapsOnlyWhenAllowed(@TempDir Path dir) throws Exception {
    // the Inc of a that sent count 1 is missing; b copies 1 from it
    Path t = write(dir, "t.ndjson", copy("b", 2, "a", 1));
    TraceResult strict = TraceValidator.of(MAPPING).validate(List.of(t));
    assertFalse(strict.accepted());
    TraceResult lax = TraceValidator.of(MAPPING, new TraceValidator.Options(1, 3, List.of())).validate(List.of(t));
    assertTrue(lax.accepted(), () -> TraceReport.text(lax));
  }

  @Test
  void aCandidateBudgetGivesUnknownInsteadOfExploding(@TempDir Path dir) throws Exception {
    Path t = write(dir, "t.ndjson", copy("b", 2, "a", 1));
    TraceResult r = TraceValidator.of(MAPPING, new TraceValidator.Options(1, 3, List.of(), 2)).validate(List.of(t));
    assertFalse(r.accepted());
    assertFalse(r.rejected());
    assertTrue(r.unknown().startsWith("more than 2 candidate spec states at event 1 (" + t + ":1)"), r.unknown());
  }

  @Test
  void perNodeFilesAreMergedByLamportClocks(@TempDir Path dir) throws Exception {
    // b's copy (clock 3) must come after a's second Inc (clock 2), whatever the file order
    Path b = write(dir, "b.ndjson", copy("b", 3, "a", 2));
    Path a = write(dir, "a.ndjson", inc("a", 1, 1), inc("a", 2, 2));
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(b, a));
    assertTrue(r.accepted(), () -> TraceReport.text(r));
  }

  @Test
  void perNodeFilesAreMergedByVectorClocks(@TempDir Path dir) throws Exception {
    Path b = write(dir, "b.ndjson", copy("b", 0, "a", 2).replace("\"clock\":0", "\"clock\":{\"a\":2,\"b\":1}"));
    Path a = write(dir, "a.ndjson", inc("a", 0, 1).replace("\"clock\":0", "\"clock\":{\"a\":1}"),
        inc("a", 0, 2).replace("\"clock\":0", "\"clock\":{\"a\":2}"));
    TraceResult r = TraceValidator.of(MAPPING).validate(List.of(b, a));
    assertTrue(r.accepted(), () -> TraceReport.text(r));
  }

  @Test
  void malformedLinesAreReportedWithFileAndLine(@TempDir Path dir) throws Exception {
    TraceValidator v = TraceValidator.of(MAPPING);
    Path notJson = write(dir, "a.ndjson", inc("a", 1, 1), "{\"action\": ");
    TraceInputException e = assertThrows(TraceInputException.class, () -> v.validate(List.of(notJson)));
    assertTrue(e.getMessage().startsWith(notJson + ":2: not JSON"), e.getMessage());
    Path noAction = write(dir, "b.ndjson", "", "{\"node\":\"a\"}");
    e = assertThrows(TraceInputException.class, () -> v.validate(List.of(noAction)));
    assertTrue(e.getMessage().startsWith(noAction + ":2: the event has no \"action\""), e.getMessage());
    Path array = write(dir, "c.ndjson", "[1, 2]");
    e = assertThrows(TraceInputException.class, () -> v.validate(List.of(array)));
    assertTrue(e.getMessage().startsWith(array + ":1: expected a JSON object"), e.getMessage());
    Path clock = write(dir, "d.ndjson", "{\"action\":\"Inc\",\"node\":\"a\",\"clock\":\"x\"}");
    e = assertThrows(TraceInputException.class, () -> v.validate(List.of(clock)));
    assertTrue(e.getMessage().contains(":1: \"clock\" must be a number"), e.getMessage());
    Path unmapped = write(dir, "e.ndjson", inc("a", 1, 1), "{\"action\":\"Reboot\",\"node\":\"a\"}");
    e = assertThrows(TraceInputException.class, () -> v.validate(List.of(unmapped)));
    assertTrue(e.getMessage().startsWith(unmapped + ":2: event Reboot is not in the mapping"), e.getMessage());
    Path missingArg = write(dir, "f.ndjson", "{\"action\":\"Inc\"}");
    e = assertThrows(TraceInputException.class, () -> v.validate(List.of(missingArg)));
    assertTrue(e.getMessage().startsWith(missingArg + ":1: Inc has no field node"), e.getMessage());
  }

  @Test
  void badMappingsAreReportedWithTheKey(@TempDir Path dir) throws Exception {
    Files.copy(resource("Toy.tla"), dir.resolve("Toy.tla"));
    Path m = write(dir, "m.yaml", "spec: Toy.tla", "constants: {Node: {nodes: .}, Nil: Nil}",
        "variables:", "  value: per_node", "events:", "  Inc: skip");
    Path t = write(dir, "t.ndjson", inc("a", 1, 1));
    TraceInputException e = assertThrows(TraceInputException.class,
        () -> TraceValidator.of(m).validate(List.of(t)));
    assertTrue(e.getMessage().contains("variables.value: the spec has no variable value"), e.getMessage());
    Path m2 = write(dir, "m2.yaml", "spec: Toy.tla", "event:", "  Inc: skip");
    e = assertThrows(TraceInputException.class, () -> TraceValidator.of(m2));
    assertTrue(e.getMessage().contains("event: unknown key"), e.getMessage());
    Path m3 = write(dir, "m3.yaml", "spec: Toy.tla", "events: [a, b", "");
    e = assertThrows(TraceInputException.class, () -> TraceValidator.of(m3));
    assertTrue(e.getMessage().startsWith(m3 + ":"), e.getMessage());
    assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
    Path m4 = write(dir, "m4.yaml", "spec: Toy.tla", "constants: {Node: {nodes: .}, Nil: Nil}", "events:", "  Inc: {action: Inc, args: [node, node]}");
    e = assertThrows(TraceInputException.class, () -> TraceValidator.of(m4).validate(List.of(t)));
    assertTrue(e.getMessage().contains("events.Inc: The operator Inc takes 1 argument(s), the mapping gives 2"),
        e.getMessage());
  }

  @Test
  void oneValidatorChecksTracesFromSeveralThreads(@TempDir Path dir) throws Exception {
    TraceValidator v = TraceValidator.of(MAPPING);
    Path good = write(dir, "good.ndjson", inc("a", 1, 1), inc("a", 2, 2), copy("b", 3, "a", 2));
    Path bad = write(dir, "bad.ndjson", inc("a", 1, 1), inc("a", 2, 3));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<TraceResult>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Path p = i % 2 == 0 ? good : bad;
        results.add(pool.submit(() -> v.validate(List.of(p))));
      }
      for (int i = 0; i < results.size(); i++) {
        TraceResult r = results.get(i).get();
        assertEquals(i % 2 == 0, r.accepted());
        if (!r.accepted()) {
          assertEquals(1, r.rejection().event().index());
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theJUnitHelperFailsWithTheDiagnosis(@TempDir Path dir) throws Exception {
    Path good = write(dir, "good.ndjson", inc("a", 1, 1));
    TraceCheck.assertAccepted(MAPPING, good);
    Path bad = write(dir, "bad.ndjson", inc("a", 1, 1), inc("a", 2, 3));
    AssertionError e = assertThrows(AssertionError.class, () -> TraceCheck.assertAccepted(MAPPING, bad));
    assertTrue(e.getMessage().contains("trace rejected at event 2 (" + bad + ":2)"), e.getMessage());
    TraceCheck check = TraceCheck.of(MAPPING);
    check.validateAfterTest(bad);
    assertThrows(AssertionError.class, () -> check.afterEach(null));
    check.afterEach(null);  // nothing registered any more
  }
}
