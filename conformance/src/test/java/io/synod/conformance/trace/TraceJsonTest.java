package io.synod.conformance.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON report (the shape synod view reads) on the toy spec of {@link TraceValidatorTest}. */
class TraceJsonTest {
  private static ObjectNode report(Path t) throws Exception {
    TraceValidator v = TraceValidator.of(TraceValidatorTest.MAPPING);
    return TraceJson.report(v.validate(List.of(t)), v.mapping().spec(), TraceValidatorTest.MAPPING, List.of(t));
  }

  private static JsonNode bigint(int n) {
    return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("#bigint", String.valueOf(n));
  }

  @Test
  void aWrongLoggedValueGivesTheEntryWithTheLoggedAndTheSpecValue(@TempDir Path dir) throws Exception {
    Path t = TraceValidatorTest.write(dir, "t.ndjson", TraceValidatorTest.inc("a", 1, 1), TraceValidatorTest.inc("a", 2, 3));
    ObjectNode r = report(t);
    assertEquals("synod trace validate", r.path("tool").asText());
    assertEquals("rejected", r.path("verdict").asText());
    assertEquals(2, r.path("events").asInt());
    JsonNode rej = r.path("rejected");
    assertEquals(2, rej.path("index").asInt(), "the event's number, 1-based as in the text output");
    assertEquals(t.toString(), rej.path("file").asText());
    assertEquals(2, rej.path("line").asInt());
    assertEquals("Inc", rej.path("event").path("action").asText());
    assertEquals(3, rej.path("event").path("vars").path("val").asInt());
    assertEquals(1, rej.path("candidates").asInt());
    JsonNode cand = rej.path("nearest").path(0);
    assertEquals(bigint(1), cand.path("state").path("val").path("#map").path(0).path(1), "a's entry before the event");
    JsonNode m = cand.path("mismatches").path(0);
    assertEquals("value", m.path("kind").asText());
    assertEquals("val", m.path("variable").asText());
    assertEquals("a", m.path("path").path(0).asText());
    assertEquals(bigint(3), m.path("logged"));
    assertEquals(bigint(2), m.path("spec"));
    assertEquals(m.path("reason").asText(), rej.path("reason").asText());
    JsonNode prefix = r.path("prefix");
    assertEquals(2, prefix.path("states").size(), "initial state and the state after event 1");
    JsonNode step = prefix.path("states").path(1).path("#meta");
    assertEquals("Inc(a)", step.path("action").asText(), "the state after event 1 names the step it was mapped to");
    assertEquals("event 1, " + t + ":1", step.path("location").asText());
    assertEquals(List.of("val", "msgs"), List.of(prefix.path("vars").path(0).asText(), prefix.path("vars").path(1).asText()));
  }

  @Test
  void aDisabledActionGivesTheFalseConjunctAndWhereItIs(@TempDir Path dir) throws Exception {
    Path t = TraceValidatorTest.write(dir, "t.ndjson", TraceValidatorTest.inc("a", 1, 1),
        TraceValidatorTest.inc("b", 1, 1), TraceValidatorTest.copy("b", 2, "a", 1));
    JsonNode m = report(t).path("rejected").path("nearest").path(0).path("mismatches").path(0);
    assertEquals("conjunct", m.path("kind").asText());
    assertEquals("m.v > val[n]", m.path("conjunct").asText());
    assertTrue(m.path("at").asText().contains("of module Toy"), m.toString());
    assertFalse(m.has("logged"), "a false conjunct compares no logged value");
  }

  @Test
  void anAcceptedTraceHasTheVerdictAndNoRejection(@TempDir Path dir) throws Exception {
    Path t = TraceValidatorTest.write(dir, "t.ndjson", TraceValidatorTest.inc("a", 1, 1), TraceValidatorTest.inc("a", 2, 2));
    ObjectNode r = report(t);
    assertEquals("accepted", r.path("verdict").asText());
    assertEquals(2, r.path("events").asInt());
    assertFalse(r.has("rejected"));
    assertFalse(r.has("prefix"));
  }

  @Test
  void anExhaustedCandidateBudgetIsUnknownWithTheReason(@TempDir Path dir) throws Exception {
    Path t = TraceValidatorTest.write(dir, "t.ndjson", TraceValidatorTest.copy("b", 2, "a", 1));
    TraceValidator v = TraceValidator.of(TraceValidatorTest.MAPPING, new TraceValidator.Options(1, 3, List.of(), 2));
    ObjectNode r = TraceJson.report(v.validate(List.of(t)), v.mapping().spec(), TraceValidatorTest.MAPPING, List.of(t));
    assertEquals("unknown", r.path("verdict").asText());
    assertTrue(r.path("unknown").asText().startsWith("more than 2 candidate spec states at event 1"), r.toString());
    assertFalse(r.has("rejected"));
  }
}
