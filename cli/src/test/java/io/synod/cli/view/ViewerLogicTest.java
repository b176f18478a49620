package io.synod.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.synod.cli.CliTestSupport;
import io.synod.viewer.ViewPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer's logic (ITF decoding, the diff of nested values, the detection of message
 * variables and of sends and receipts) run in the browser's engine, one page for all cases.
 */
class ViewerLogicTest {
  private static Browser browser;

  @BeforeAll
  static void open(@TempDir Path dir) throws IOException {
    browser = Browser.start();
    Path page = dir.resolve("empty.html");
    Files.writeString(page, ViewPage.html(JsonNodeFactory.instance.objectNode().put("kind", "none")));
    browser.open(page);
  }

  @AfterAll
  static void close() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  private static final String PRELUDE = "const M = window.synodViewer; const I = M['itf.js'], D = M['diff.js'], "
      + "T = M['tree.js'], G = M['messages.js']; const v = (s) => I.decode(JSON.parse(s));";

  private static Object js(String body, Object... args) {
    return browser.js(PRELUDE + body, args);
  }

  @SuppressWarnings("unchecked")
  private static List<String> changes(String before, String after) {
    return (List<String>) js("return D.changes('x', D.diff(v(arguments[0]), v(arguments[1])));", before, after);
  }

  private static String bigint(int n) {
    return "{\"#bigint\":\"" + n + "\"}";
  }

  @Test
  void aChangeDeepInsideARecordIsReportedAtItsEntryOnly() {
    String a = "{\"a\":" + bigint(1) + ",\"b\":{\"c\":" + bigint(2) + ",\"d\":\"x\"}}";
    String b = "{\"a\":" + bigint(1) + ",\"b\":{\"c\":" + bigint(3) + ",\"d\":\"x\"}}";
    assertEquals(List.of("x[b][c] changed"), changes(a, b));
    assertEquals(List.of(), changes(a, a));
  }

  @Test
  void setsGainAndLoseElementsAndOrderDoesNotMatter() {
    List<String> c = changes("{\"#set\":[" + bigint(1) + "," + bigint(2) + "]}", "{\"#set\":[" + bigint(2) + "," + bigint(3) + "]}");
    assertEquals(List.of("x[int:3] added", "x[int:1] removed"), c);
    assertEquals(List.of(), changes("{\"#set\":[\"a\",\"b\"]}", "{\"#set\":[\"b\",\"a\"]}"));
  }

  @Test
  void functionsAndSequencesCompareByKeyAndIndex() {
    String f1 = "{\"#map\":[[\"s1\"," + bigint(0) + "],[\"s2\"," + bigint(0) + "]]}";
    String f2 = "{\"#map\":[[\"s1\"," + bigint(1) + "],[\"s2\"," + bigint(0) + "]]}";
    assertEquals(List.of("x[\"s1\"] changed"), changes(f1, f2));
    assertEquals(List.of("x[3] added"), changes("[1,2]", "[1,2,3]"));
    assertEquals(List.of("x[2] removed"), changes("[1,2]", "[1]"));
    // ITF writes the empty function as []: what a bag gains from nothing is added, not "changed"
    String bag = "{\"#map\":[[{\"type\":\"req\",\"src\":\"n1\",\"dst\":\"n2\"}," + bigint(1) + "]]}";
    List<String> fromEmpty = changes("[]", bag);
    assertEquals(1, fromEmpty.size());
    assertTrue(fromEmpty.get(0).endsWith(" added"), fromEmpty.toString());
  }

  @Test
  void equalityIgnoresListingOrderOnly() {
    String eq = "return I.equal(v(arguments[0]), v(arguments[1]));";
    assertEquals(true, js(eq, "{\"#set\":[\"a\",{\"x\":1}]}", "{\"#set\":[{\"x\":1},\"a\"]}"));
    assertEquals(true, js(eq, "{\"#map\":[[\"a\",1],[\"b\",2]]}", "{\"#map\":[[\"b\",2],[\"a\",1]]}"));
    assertEquals(true, js(eq, "{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}"));
    assertEquals(true, js(eq, "[]", "{\"#map\":[]}"));
    assertEquals(false, js(eq, "{\"#set\":[[1,2]]}", "{\"#set\":[[2,1]]}"));
    assertEquals(false, js(eq, "{\"#map\":[[\"a\",1]]}", "{\"#map\":[[\"a\",\"1\"]]}"));
    assertEquals(false, js(eq, "[1]", "{\"#set\":[1]}"));
  }

  @Test
  void aScalarThatBecomesACompositeIsOneChange() {
    assertEquals(List.of("x changed"), changes(bigint(1), "{\"#set\":[]}"));
  }

  @Test
  void bagsAreFunctionsFromRecordsToPositiveCounts() {
    String bag = "{\"#map\":[[{\"t\":\"a\"}," + bigint(2) + "]]}";
    assertEquals("bag", js("return v(arguments[0]).t;", bag));
    assertEquals("map", js("return v(arguments[0]).t;", "{\"#map\":[[\"s1\"," + bigint(1) + "]]}"));
    assertEquals("map", js("return v(arguments[0]).t;", "{\"#map\":[[{\"t\":\"a\"}," + bigint(0) + "]]}"));
  }

  @Test
  void valuesPrintAsTlcPrintsThem() {
    assertEquals("(\"s1\" :> 1 @@ \"s2\" :> <<TRUE, {}>>)",
        js("return I.format(v(arguments[0]));", "{\"#map\":[[\"s1\"," + bigint(1) + "],[\"s2\",[true,{\"#set\":[]}]]]}"));
    assertEquals("[a |-> -3]", js("return I.format(v(arguments[0]));", "{\"a\":" + bigint(-3) + "}"));
    assertEquals("set, 40 elements", js("return T.summary(v(arguments[0]));",
        "{\"#set\":[" + String.join(",", java.util.stream.IntStream.range(0, 40).mapToObj(ViewerLogicTest::bigint).toList()) + "]}"));
  }

  @Test
  void modelValuesNamedInTheMetaPrintBareAndStringsQuoted() {
    assertEquals("(s1 :> \"Leader\")", js("const t = I.readTrace(JSON.parse(arguments[0])); return I.format(t.states[0].values.x);",
        "{\"#meta\":{\"model-values\":[\"s1\"]},\"vars\":[\"x\"],\"states\":[{\"x\":{\"#map\":[[\"s1\",\"Leader\"]]}}]}"));
  }

  @Test
  void malformedItfIsRejectedWithItsPath() {
    Object msg = js("try { v(arguments[0]); return 'accepted'; } catch (e) { return e.message; }",
        "{\"a\":{\"#map\":[[1]]}}");
    assertEquals("$.a.#map[0]: expected a [key, value] pair", msg);
    Object trace = js("try { I.readTrace(JSON.parse(arguments[0])); return 'accepted'; } catch (e) { return e.message; }",
        "{\"vars\":[\"x\"],\"states\":[{\"y\":1}]}");
    assertEquals("$.states[0]: variable x is missing", trace);
  }

  private static final String TRACE = "{\"vars\":[\"net\",\"bag\",\"nums\",\"f\"],\"states\":["
      + "{\"net\":{\"#set\":[]},\"bag\":[],\"nums\":{\"#set\":[]},\"f\":{\"#map\":[[\"a\",1]]}},"
      + "{\"net\":{\"#set\":[{\"type\":\"req\",\"src\":\"n1\",\"dst\":\"n2\"}]},"
      + "\"bag\":{\"#map\":[[{\"mtype\":\"vote\",\"msource\":\"n2\",\"mdest\":\"n1\"},2]]},\"nums\":{\"#set\":[1]},\"f\":{\"#map\":[[\"a\",2]]}},"
      + "{\"net\":{\"#set\":[{\"type\":\"req\",\"src\":\"n1\",\"dst\":\"n2\"},{\"type\":\"ack\",\"src\":\"n2\"}]},"
      + "\"bag\":{\"#map\":[[{\"mtype\":\"vote\",\"msource\":\"n2\",\"mdest\":\"n1\"},1]]},\"nums\":{\"#set\":[1,2]},\"f\":{\"#map\":[[\"a\",3]]}}"
      + "]}";

  @Test
  void messageVariablesAreSetsOrBagsOfRecordsWithSenderAndReceiver() {
    assertEquals(List.of("net", "bag"), js("return G.detectMessageVars(I.readTrace(JSON.parse(arguments[0])));", TRACE));
  }

  @Test
  @SuppressWarnings("unchecked")
  void sendsAndReceiptsBecomeArrows() {
    List<Map<String, Object>> bag = (List<Map<String, Object>>) js(
        "return G.messageArrows(I.readTrace(JSON.parse(arguments[0])), 'bag').arrows"
            + ".map(a => ({from: a.from, to: a.to, sent: a.sent, received: a.received, type: a.type}));", TRACE);
    // two copies sent in step 1, one of them received (its count fell) in step 2
    assertEquals(2, bag.size());
    assertEquals(Map.of("from", "n2", "to", "n1", "sent", 1L, "received", 2L, "type", "vote"), bag.get(0));
    assertEquals(null, bag.get(1).get("received"));
    Map<String, Object> net = (Map<String, Object>) js(
        "const r = G.messageArrows(I.readTrace(JSON.parse(arguments[0])), 'net');"
            + "return {nodes: r.nodes, last: r.arrows[1].to, n: r.arrows.length};", TRACE);
    // a message without receiver goes to every node
    assertEquals(List.of("n1", "n2", "*"), net.get("nodes"));
    assertEquals("*", net.get("last"));
    assertEquals(2L, net.get("n"));
  }

  /**
   * Real reports of {@code synod trace validate --json} (a 2PC run with the bug switch
   * commit-without-all-votes: a false conjunct; the same trace with a logged value changed: the
   * logged against the spec's value; a correct run: accepted) rendered by the page's trace view.
   */
  @Test
  @SuppressWarnings("unchecked")
  void traceValidationReportsOfTheCliAreWhatTheTraceViewReads(@TempDir Path dir) throws IOException {
    String spec = Path.of("..", "specs", "twophase", "TwoPhase.tla").toAbsolutePath().normalize().toString();
    Path bug = dir.resolve("bug");
    CliTestSupport.run("sim", "2pc", "--seed", "1", "--ops", "80", "--bug", "commit-without-all-votes", "--out", bug.toString());
    Path json = dir.resolve("bug.json");
    Path html = dir.resolve("bug.html");
    CliTestSupport.Result r = CliTestSupport.run("trace", "validate", "--spec", spec, "--trace",
        bug.resolve("trace.ndjson").toString(), "--json", json.toString(), "--html", html.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(Files.readString(html).contains("\"kind\":\"trace\""), "the page holds the trace report");
    Path page = dir.resolve("view.html");
    assertEquals(0, CliTestSupport.run("view", json.toString(), "--html", page.toString()).code());
    Map<String, Object> shown = show(Files.readString(json));
    assertEquals("rejected", shown.get("verdict"), shown.toString());
    String line = r.out().substring(r.out().indexOf("(") + 1, r.out().indexOf(")"));
    assertTrue(((String) shown.get("heading")).endsWith("(" + line + ")"), shown.toString());
    assertTrue(((String) shown.get("heading")).startsWith("Rejected at event " + line.substring(line.lastIndexOf(':') + 1)),
        shown.toString());
    assertTrue(((String) shown.get("log")).contains("\"action\":\"TMCommit\""), shown.toString());
    List<List<String>> rows = (List<List<String>>) shown.get("rows");
    assertEquals(1, rows.size(), shown.toString());
    assertEquals("tmPrepared = RM", rows.get(0).get(0), "the false conjunct");
    assertTrue(rows.get(0).get(3).contains("tmPrepared = RM is false"), shown.toString());
    assertTrue(Long.parseLong((String) shown.get("states")) >= 2, "the matched prefix is shown: " + shown);
    // the resource managers are model values, printed bare as in the text output (named in the prefix's #meta)
    assertTrue(((String) shown.get("candidate")).contains("(rm1 :> \"prepared\" @@ rm2 :> \"prepared\")"), shown.toString());

    // the same trace with the first prepared vote logged as an abort
    List<String> lines = new java.util.ArrayList<>(Files.readAllLines(bug.resolve("trace.ndjson")));
    int at = 0;
    while (!lines.get(at).startsWith("{\"action\":\"RMPrepare\"")) {
      at++;
    }
    lines.set(at, lines.get(at).replace("\"rmState\":\"prepared\"", "\"rmState\":\"aborted\""));
    Path changed = dir.resolve("changed.ndjson");
    Files.write(changed, lines);
    r = CliTestSupport.run("trace", "validate", "--spec", spec, "--trace", changed.toString(), "--json", json.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    shown = show(Files.readString(json));
    assertTrue(((String) shown.get("heading")).startsWith("Rejected at event " + (at + 1) + " (" + changed + ":" + (at + 1) + ")"),
        shown.toString());
    rows = (List<List<String>>) shown.get("rows");
    String node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(at)).path("node").asText();
    assertEquals(List.of("rmState[" + node + "]", "\"aborted\"", "\"prepared\""), rows.get(0).subList(0, 3), shown.toString());

    Path good = dir.resolve("good");
    CliTestSupport.run("sim", "2pc", "--seed", "2", "--ops", "20", "--out", good.toString());
    r = CliTestSupport.run("trace", "validate", "--spec", spec, "--trace", good.resolve("trace.ndjson").toString(),
        "--json", json.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    shown = show(Files.readString(json));
    assertEquals("accepted", shown.get("verdict"), shown.toString());
    assertEquals("The whole trace is a behaviour of the spec.", shown.get("note"), shown.toString());

    // unlogged steps with too small a candidate budget: no verdict, and the page says why
    r = CliTestSupport.run("trace", "validate", "--spec", spec, "--trace", good.resolve("trace.ndjson").toString(),
        "--unlogged", "1", "--max-candidates", "1", "--json", json.toString());
    assertEquals(3, r.code(), r.out() + r.err());
    shown = show(Files.readString(json));
    assertEquals("unknown", shown.get("verdict"), shown.toString());
    assertTrue(((String) shown.get("unknown")).startsWith("more than 1 candidate spec states"), shown.toString());
    assertEquals(null, shown.get("note"), "an unknown verdict does not say accepted");
  }

  /** What the trace view shows of a report, or the error it threw. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> show(String report) {
    return (Map<String, Object>) js("const box = document.createElement('div'); document.body.append(box);"
        + "try { M['trace.js'].showTrace(box, { report: JSON.parse(arguments[0]) });"
        + " const q = (s) => box.querySelector(s), t = (s) => (q(s) ? q(s).textContent : null);"
        + " return { verdict: t('#trace-verdict'), heading: t('#rejection h2'), log: t('#log-line'), note: t('#trace-accepted'), candidate: t('.candidate'), unknown: t('#unknown-reason'),"
        + "  rows: [...box.querySelectorAll('#rejection tr.mismatch')].map((r) => [...r.cells].map((c) => c.textContent)),"
        + "  states: q('#state-count') ? q('#state-count').getAttribute('data-count') : null };"
        + "} catch (e) { return { error: e.message }; } finally { box.remove(); }", report);
  }
}
