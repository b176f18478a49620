package io.synod.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.cli.CliTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** synod view's answers to files it cannot show: one line, exit 2, no page written. */
class ViewCommandTest {
  @TempDir Path dir;

  private CliTestSupport.Result view(String content) throws IOException {
    Path f = dir.resolve("r.json");
    Files.writeString(f, content);
    return CliTestSupport.run("view", f.toString(), "--html", dir.resolve("out.html").toString());
  }

  @Test
  void notJsonSaysWhere() throws IOException {
    CliTestSupport.Result r = view("{\"vars\": [\"x\"],\n  \"states\": [ oops ]}");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("synod view: " + dir.resolve("r.json") + ":2:"), r.err());
    assertTrue(!Files.exists(dir.resolve("out.html")));
  }

  @Test
  void unknownReportsAreNamedAsSuch() throws IOException {
    CliTestSupport.Result r = view("{\"hello\": 1}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("not a report synod view knows"), r.err());
    r = view("{:valid? false, :results {}}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("an EDN report of synod lin") && r.err().contains("--json report"), r.err());
    r = view("{\"vars\": [\"x\"]}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("an ITF trace needs the arrays \"vars\" and \"states\""), r.err());
  }

  @Test
  void theMessageVariableMustBeAVariableOfTheTrace() throws IOException {
    Path f = dir.resolve("t.itf.json");
    Files.writeString(f, "{\"vars\":[\"x\",\"net\"],\"states\":[{\"x\":1,\"net\":{\"#set\":[]}}]}");
    CliTestSupport.Result r = CliTestSupport.run("view", f.toString(), "--messages", "msgs", "-o", dir.resolve("o.html").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--messages msgs: the trace has no such variable (it has x, net)"), r.err());
    assertEquals(0, CliTestSupport.run("view", f.toString(), "--messages", "net", "-o", dir.resolve("o.html").toString()).code());
  }

  @Test
  void aCheckReportWithoutCounterexampleHasNothingToShow() throws IOException {
    CliTestSupport.Result r = view("{\"tool\": \"synod check\", \"verdict\": \"success\", \"trace\": null}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("no counterexample to show (verdict success)"), r.err());
  }

  @Test
  void aLinReportWhoseHistoryIsGoneAsksForIt() throws IOException {
    CliTestSupport.Result r = view("{\"file\": \"gone.edn\", \"valid\": \"invalid\", \"results\": []}");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("gone.edn, is not there; give it with --history"), r.err());
  }

  @Test
  void aLinReportIsShownWithTheHistoryItNames() throws IOException {
    Path h = dir.resolve("h.edn");
    Files.writeString(h, "{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}\n"
        + "{:process 1, :type :invoke, :f :read, :value nil}\n{:process 1, :type :fail, :f :read, :value nil}\n"
        + "{:process 2, :type :invoke, :f :write, :value 2}\n");
    Path lin = dir.resolve("lin.json");
    assertEquals(0, CliTestSupport.run("lin", "--model", "register", h.toString(), "--json", lin.toString()).code());
    CliTestSupport.Result r = CliTestSupport.run("view", lin.toString(), "-o", dir.resolve("h.html").toString());
    assertEquals(0, r.code(), r.err());
    String page = Files.readString(dir.resolve("h.html"));
    assertEquals(0, CliTestSupport.run("lin", "--model", "register", h.toString(), "--html", dir.resolve("lin.html").toString()).code());
    assertEquals(ops(page), ops(Files.readString(dir.resolve("lin.html"))),
        "lin --html shows the operations synod view shows for its report");
    // the three invocations, the failed one and the one never completed included
    assertTrue(page.contains("\"type\":\"ok\"") && page.contains("\"type\":\"fail\"") && page.contains("\"type\":\"info\""), page);
  }

  @Test
  void checkWritesThePageOfItsCounterexample() throws IOException {
    Path page = dir.resolve("cx.html");
    CliTestSupport.Result r = CliTestSupport.run("check", "-workers", "1", "-config", "../specs/twophase/MCTwoPhaseEagerCommit.cfg",
        "../specs/twophase/MCTwoPhase.tla", "--html", page.toString());
    assertEquals(12, r.code(), r.err());
    String html = Files.readString(page);
    assertTrue(html.contains("\"kind\":\"counterexample\"") && html.contains("\"violated\":\"TCConsistent\""), html);
    Path none = dir.resolve("none.html");
    assertEquals(0, CliTestSupport.run("check", "-workers", "1", "../specs/twophase/MCTwoPhase.tla", "--html", none.toString()).code());
    assertTrue(!Files.exists(none), "no counterexample, no page");
  }

  private static String ops(String page) {
    int from = page.indexOf("\"history\":{\"ops\":");
    return page.substring(from, page.indexOf("</script>", from));
  }

  @Test
  void theGateWritesOnePagePerCounterexampleAndNamesItInTheJunitXml() throws IOException {
    Path manifest = dir.resolve("gate.yaml");
    Files.writeString(manifest, "root: " + Path.of("..").toAbsolutePath().normalize() + "\n"
        + "defaults:\n  workers: 1\n  budget: 120s\nmodels:\n"
        + "  - name: eager\n    spec: specs/twophase/MCTwoPhase.tla\n    config: specs/twophase/MCTwoPhaseEagerCommit.cfg\n"
        + "    expect: invariant TCConsistent\n"
        + "  - name: fine\n    spec: specs/twophase/MCTwoPhase.tla\n    expect: success\n");
    Path junit = dir.resolve("junit.xml");
    Path pages = dir.resolve("pages");
    CliTestSupport.Result r = CliTestSupport.run("gate", manifest.toString(), "--junit", junit.toString(), "--html", pages.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(Files.readString(pages.resolve("eager.html")).contains("\"violated\":\"TCConsistent\""));
    assertTrue(!Files.exists(pages.resolve("fine.html")), "a model without counterexample has no page");
    String xml = Files.readString(junit);
    assertTrue(xml.contains("[[ATTACHMENT|" + pages.resolve("eager.html").toAbsolutePath() + "]]"), xml);
    assertEquals(1, xml.split("ATTACHMENT", -1).length - 1, xml);
  }

  @Test
  void checkReportsNameTheViolationTheModelValuesAndTheLoop() throws IOException {
    Path itf = dir.resolve("r.itf.json");
    Path json = dir.resolve("r.json");
    assertEquals(12, CliTestSupport.run("check", "-workers", "1", "-config", "../specs/raft/MCRaftSmallQuorum.cfg",
        "../specs/raft/MCRaft.tla", "--itf", itf.toString(), "--json", json.toString()).code());
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var meta = mapper.readTree(itf.toFile()).get("#meta");
    assertEquals("invariant", meta.get("verdict").asText());
    assertEquals("ElectionSafety", meta.get("violated").asText());
    // the servers and Raft's roles are model values in MCRaft; Nil too
    assertEquals("[\"Candidate\",\"Follower\",\"Leader\",\"Nil\",\"s1\",\"s2\",\"s3\"]", meta.get("model-values").toString());
    var report = mapper.readTree(json.toFile());
    assertEquals(meta.get("model-values"), report.get("modelValues"));
    assertTrue(report.get("loop").isNull(), "a safety counterexample is no lasso");

    Path live = dir.resolve("live.json");
    assertEquals(13, CliTestSupport.run("check", "-workers", "1", "-config", "../specs/twophase/MCTwoPhaseBlockingLiveness.cfg",
        "../specs/twophase/MCTwoPhaseBlocking.tla", "--json", live.toString()).code());
    var loop = mapper.readTree(live.toFile()).get("loop");
    assertEquals(true, loop.get("stuttering").asBoolean());
    assertEquals(mapper.readTree(live.toFile()).get("trace").size() - 1, loop.get("backTo").asInt());
  }
}
