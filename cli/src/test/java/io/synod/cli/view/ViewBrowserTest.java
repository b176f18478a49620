package io.synod.cli.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.cli.CliTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The viewer in headless Chromium on real outputs of synod check, sim and lin: what it shows,
 * stepping with the keyboard, and screenshots under target/viewer-screenshots.
 */
class ViewBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Browser browser;
  @TempDir static Path dir;

  @BeforeAll
  static void start() throws IOException {
    browser = Browser.start();
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  private static CliTestSupport.Result synod(String... args) {
    return CliTestSupport.run(args);
  }

  private static Path view(Path report, String... extra) {
    Path html = dir.resolve(report.getFileName() + ".html");
    List<String> args = new ArrayList<>(List.of("view", report.toString(), "--html", html.toString()));
    args.addAll(List.of(extra));
    CliTestSupport.Result r = synod(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return html;
  }

  private static void press(CharSequence key) {
    browser.driver.findElement(By.tagName("body")).sendKeys(key);
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static List<String> topLevelVars(String status) {
    List<String> names = new ArrayList<>();
    for (WebElement li : browser.driver.findElements(By.cssSelector("#vars > li.node" + (status == null ? "" : "[data-status='" + status + "']")))) {
      names.add(li.getAttribute("data-path"));
    }
    return names;
  }

  /** Variables whose ITF value differs between two states: what the page must mark changed. */
  private static Set<String> changedBetween(JsonNode itf, int a, int b) {
    Set<String> out = new HashSet<>();
    for (JsonNode v : itf.get("vars")) {
      if (!itf.get("states").get(a).get(v.asText()).equals(itf.get("states").get(b).get(v.asText()))) {
        out.add(v.asText());
      }
    }
    return out;
  }

  @Test
  void raftCounterexampleStepsShowsChangesAndMessages() throws IOException {
    Path itf = dir.resolve("raft.itf.json");
    CliTestSupport.Result check = synod("check", "-workers", "1", "-config", "../specs/raft/MCRaftLeaderTruncate.cfg",
        "../specs/raft/MCRaft.tla", "--itf", itf.toString());
    assertEquals(13, check.code(), check.err()); // the action property [][LeaderAppendOnly]_vars
    JsonNode doc = JSON.readTree(itf.toFile());
    int n = doc.get("states").size();
    browser.open(view(itf));

    assertEquals(String.valueOf(n), browser.driver.findElement(By.id("state-count")).getAttribute("data-count"));
    assertEquals(n, browser.driver.findElements(By.cssSelector("#state-list li.state")).size());
    assertEquals("0", browser.driver.findElement(By.id("position")).getAttribute("data-index"));
    assertEquals(List.of(), topLevelVars("changed"), "nothing is changed in the initial state");

    press(Keys.ARROW_DOWN);
    assertEquals("1", browser.driver.findElement(By.id("position")).getAttribute("data-index"));
    JsonNode meta = doc.get("states").get(1).get("#meta");
    assertEquals(meta.get("action").asText(), text("#action-name"));
    assertEquals(meta.get("location").asText(), text("#action-location"));
    assertEquals(changedBetween(doc, 0, 1), new HashSet<>(topLevelVars("changed")));
    // the change is marked down to the entry: currentTerm's entry for the server that timed out
    List<WebElement> nested = browser.driver.findElements(By.cssSelector("#vars li[data-path^='currentTerm\u0001'][data-status='changed']"));
    assertEquals(1, nested.size());
    assertTrue(nested.get(0).getText().contains("1"), nested.get(0).getText());
    browser.screenshot("counterexample");

    press("u"); // hide unchanged
    assertEquals(changedBetween(doc, 0, 1), new HashSet<>(topLevelVars(null)));
    press("u");
    assertEquals(doc.get("vars").size(), topLevelVars(null).size());

    browser.driver.findElement(By.id("filter")).sendKeys("vot");
    assertEquals(List.of("votedFor", "votesGranted"), topLevelVars(null));
    browser.driver.findElement(By.id("filter")).sendKeys(Keys.ESCAPE);

    // messages: Raft's bag of records with msource/mdest, detected; a vote request is received
    assertEquals("messages", browser.driver.findElement(By.id("message-var")).getAttribute("value"));
    int arrows = Integer.parseInt(browser.driver.findElement(By.id("msc")).getAttribute("data-arrows"));
    assertTrue(arrows >= 2, "arrows: " + arrows);
    assertFalse(browser.driver.findElements(By.cssSelector("#msc g.msg:not(.in-flight)")).isEmpty());

    press(Keys.END);
    assertEquals(String.valueOf(n - 1), browser.driver.findElement(By.id("position")).getAttribute("data-index"));
    press(Keys.ARROW_UP);
    assertEquals(String.valueOf(n - 2), browser.driver.findElement(By.id("position")).getAttribute("data-index"));
  }

  @Test
  void livenessLassoFromTheJsonReportLoopsBack() throws IOException {
    Path json = dir.resolve("live.json");
    CliTestSupport.Result check = synod("check", "-workers", "1", "-config", "../specs/twophase/MCTwoPhaseBlockingLiveness.cfg",
        "../specs/twophase/MCTwoPhaseBlocking.tla", "--json", json.toString());
    assertEquals(13, check.code(), check.err());
    JsonNode report = JSON.readTree(json.toFile());
    int n = report.get("trace").size();
    int back = report.get("loop").get("backTo").asInt();
    browser.open(view(json));
    assertEquals(String.valueOf(n), browser.driver.findElement(By.id("state-count")).getAttribute("data-count"));
    String loopText = text("#loopback");
    assertTrue(report.get("loop").get("stuttering").asBoolean()
        ? loopText.contains("stutters in state " + n) : loopText.contains("back to state " + (back + 1)), loopText);
    assertFalse(text("#loop-note").isEmpty());
    press(Keys.END);
    press(Keys.ARROW_DOWN); // past the end of a lasso: along the loop
    assertEquals(String.valueOf(back), browser.driver.findElement(By.id("position")).getAttribute("data-index"));
    browser.screenshot("lasso");

    // a lasso whose cycle has more than one state: the last state goes back to the second
    Path cycle = dir.resolve("cycle.itf.json");
    Files.writeString(cycle, "{\"vars\":[\"x\"],\"loop\":1,\"states\":[{\"x\":0},{\"x\":1},{\"x\":2}]}");
    browser.open(view(cycle));
    assertEquals("back to state 2", text("#loopback").replace("↻", "").trim());
    assertEquals(1, browser.driver.findElements(By.cssSelector("#state-list li[data-index='1'] .loopstart")).size());
    press(Keys.END);
    press(Keys.ARROW_DOWN);
    assertEquals("1", browser.driver.findElement(By.id("position")).getAttribute("data-index"));
  }

  @Test
  void nonLinearizableHistoryShowsTheFailingOpAndTheLongestLinearization() throws IOException {
    Path sim = dir.resolve("sim");
    assertEquals(12, synod("sim", "raft", "--bug", "stale-read", "--seed", "1", "--ops", "200", "--out", sim.toString()).code());
    Path lin = dir.resolve("lin.json");
    CliTestSupport.Result r = synod("lin", "--model", "cas-register", "--strict-nil", sim.resolve("history.edn").toString(),
        "--json", lin.toString());
    assertEquals(1, r.code(), r.err());
    JsonNode report = JSON.readTree(lin.toFile());
    JsonNode bad = report.get("results").get(0);
    browser.open(view(lin));

    assertEquals("invalid", text("#lin-verdict").toLowerCase(java.util.Locale.ROOT));
    JsonNode op = bad.get("failure").get("op");
    assertEquals("{:process " + op.get("process").asText() + ", :type :ok, :f :" + op.get("f").asText()
        + ", :value " + op.get("value").asText() + "}", text("#failing-op"));
    int longest = 0;
    for (JsonNode p : bad.get("failure").get("paths")) {
      longest = Math.max(longest, p.get("tail").size());
    }
    assertEquals(longest, browser.driver.findElements(By.cssSelector("#linearization li")).size());
    // one tab per key, the invalid key first and open
    WebElement first = browser.driver.findElements(By.cssSelector("#key-tabs .tab")).get(0);
    assertEquals(bad.get("key").asText(), first.getAttribute("data-key"));
    assertTrue(first.getAttribute("class").contains("current"));
    assertTrue(Integer.parseInt(browser.driver.findElement(By.id("timeline")).getAttribute("data-ops")) >= bad.get("operations").asInt());
    press("f");
    browser.screenshot("history");
  }

  @Test
  void theServedPageWorksUnderTheServersContentSecurityPolicy() throws IOException {
    Path itf = dir.resolve("served.itf.json");
    Files.writeString(itf, "{\"vars\":[\"x\"],\"states\":[{\"x\":1},{\"x\":2}]}");
    try (io.synod.viewer.ViewServer server = io.synod.viewer.ViewServer.start(Files.readString(view(itf)), 0)) {
      browser.open(server.url());
      assertEquals("ready", browser.js("return document.body.dataset.state"));
      assertEquals("2", browser.driver.findElement(By.id("state-count")).getAttribute("data-count"));
    }
  }

  @Test
  void aDamagedPageSaysSoInsteadOfStayingBlank() throws IOException {
    Path itf = dir.resolve("tiny.itf.json");
    Files.writeString(itf, "{\"vars\":[\"x\"],\"states\":[{\"x\":1},{\"x\":2}]}");
    String page = Files.readString(view(itf));
    int data = page.indexOf("id=\"synod-data\">") + "id=\"synod-data\">".length();
    Path cut = dir.resolve("cut.html");
    Files.writeString(cut, page.substring(0, data + 20) + page.substring(page.indexOf("</script>", data)));
    browser.open(cut);
    assertTrue(text("#error").contains("damaged"), text("#error"));

    Path wrong = dir.resolve("wrong.itf.json");
    Files.writeString(wrong, "{\"vars\":[\"x\"],\"states\":[{\"x\":{\"#map\":[[1]]}}]}");
    browser.open(view(wrong));
    assertTrue(text("#error").contains("$.states[0].x.#map[0]: expected a [key, value] pair"), text("#error"));
  }

  @Test
  void aThousandStatesAndAHundredThousandOperationsStayResponsive() throws IOException {
    Path big = dir.resolve("big.itf.json");
    JSON.writeValue(big.toFile(), syntheticTrace(1000, 12));
    browser.open(view(big));
    assertEquals("1000", browser.driver.findElement(By.id("state-count")).getAttribute("data-count"));
    String render = String.valueOf(browser.js("return document.body.dataset.renderMs"));
    press(Keys.ARROW_DOWN);
    assertEquals("1", browser.driver.findElement(By.id("position")).getAttribute("data-index"));
    String step = String.valueOf(browser.js("return document.body.dataset.stepMs"));
    System.out.printf("viewer: 1,000-state counterexample: first render %s ms, one step %s ms%n", render, step);

    Path history = dir.resolve("big.edn");
    Files.writeString(history, syntheticHistory(100_000, 8));
    Path lin = dir.resolve("big-lin.json");
    CliTestSupport.Result r = synod("lin", "--model", "register", history.toString(), "--json", lin.toString());
    assertEquals(0, r.code(), r.err());
    browser.open(view(lin));
    assertEquals("100000", browser.driver.findElement(By.id("op-count")).getAttribute("data-count"));
    String hist = String.valueOf(browser.js("return document.body.dataset.renderMs"));
    long t0 = System.nanoTime();
    browser.driver.findElement(By.id("zoom-in")).click();
    browser.js("return 0"); // a round trip after the redraw
    System.out.printf("viewer: 100,000-operation history: first render %s ms, zoom in and redraw %.0f ms (with WebDriver round trips)%n",
        hist, (System.nanoTime() - t0) / 1e6);
  }

  /** A trace of nodes whose terms and logs grow, with a network set that fills and drains. */
  private static ObjectNode syntheticTrace(int states, int nodes) {
    ObjectNode doc = JSON.createObjectNode();
    ArrayNode vars = doc.putArray("vars");
    vars.add("step").add("node").add("net");
    ArrayNode arr = doc.putArray("states");
    for (int s = 0; s < states; s++) {
      ObjectNode st = arr.addObject();
      st.putObject("#meta").put("action", s == 0 ? "Init" : "Tick(n" + (s % nodes) + ")")
          .put("location", "line " + (10 + s % 7) + ", col 3 to line 12, col 20 of module Big");
      st.putObject("step").put("#bigint", String.valueOf(s));
      ArrayNode fn = st.putObject("node").putArray("#map");
      for (int i = 0; i < nodes; i++) {
        ObjectNode rec = JSON.createObjectNode();
        rec.putObject("term").put("#bigint", String.valueOf((s + i) / nodes));
        ArrayNode log = rec.putArray("log");
        for (int k = 0; k < (s / nodes + i) % 20; k++) {
          log.addObject().put("#bigint", String.valueOf(k));
        }
        fn.addArray().add("n" + i).add(rec);
      }
      ArrayNode net = st.putObject("net").putArray("#set");
      for (int m = Math.max(0, s - 5); m < s; m++) {
        net.addObject().put("type", "ping").put("src", "n" + (m % nodes)).put("dst", "n" + ((m + 1) % nodes))
            .putObject("seq").put("#bigint", String.valueOf(m));
      }
    }
    return doc;
  }

  /** Register operations of a few processes taking turns, each read seeing the last write. */
  private static String syntheticHistory(int ops, int processes) {
    StringBuilder sb = new StringBuilder();
    long value = 0;
    for (int i = 0; i < ops; i++) {
      int p = i % processes;
      boolean write = i % 3 == 0;
      if (write) {
        value = i;
        sb.append("{:process ").append(p).append(", :type :invoke, :f :write, :value ").append(value).append("}\n");
        sb.append("{:process ").append(p).append(", :type :ok, :f :write, :value ").append(value).append("}\n");
      } else {
        sb.append("{:process ").append(p).append(", :type :invoke, :f :read, :value nil}\n");
        sb.append("{:process ").append(p).append(", :type :ok, :f :read, :value ").append(value).append("}\n");
      }
    }
    return sb.toString();
  }


  /**
   * The trace validation view on a hand-made report of the shape README documents ("The trace
   * validation JSON report"; ViewerLogicTest renders real ones of synod trace validate): the
   * matched prefix, here a real ITF trace of the checker, and the rejected event with the
   * candidate states and their mismatches, driven with keys.
   */
  @Test
  void aRejectedTraceShowsTheEventTheCandidatesAndThePrefix() throws IOException {
    Path itf = dir.resolve("prefix.itf.json");
    assertEquals(12, synod("check", "-workers", "1", "-config", "../specs/raft/MCRaftSmallQuorum.cfg",
        "../specs/raft/MCRaft.tla", "--itf", itf.toString()).code());
    JsonNode prefix = JSON.readTree(itf.toFile());
    ObjectNode report = JSON.createObjectNode().put("tool", "synod trace validate").put("verdict", "rejected")
        .put("spec", "specs/raft/MCRaft.tla").put("trace", "trace.ndjson").put("events", 40);
    report.set("prefix", prefix);
    ObjectNode rej = report.putObject("rejected").put("index", 5).put("file", "trace.ndjson").put("line", 6)
        .put("candidates", 3).put("reason", "no BecomeLeader step of n1 leads to the logged values");
    rej.set("event", JSON.readTree("{\"action\":\"BecomeLeader\",\"node\":\"n1\",\"clock\":4,\"vars\":{\"state\":\"Leader\",\"currentTerm\":2}}"));
    ObjectNode cand = rej.putArray("nearest").addObject();
    cand.set("state", prefix.get("states").get(prefix.get("states").size() - 1));
    cand.putArray("mismatches").addObject().put("variable", "currentTerm").put("reason", "logged term differs")
        .<ObjectNode>set("logged", JSON.readTree("{\"#bigint\":\"2\"}"))
        .<ObjectNode>set("spec", JSON.readTree("{\"#bigint\":\"1\"}"))
        .putArray("path").add("s1");
    Path file = dir.resolve("trace-report.json");
    JSON.writeValue(file.toFile(), report);
    browser.open(view(file));

    assertEquals("rejected", text("#trace-verdict").toLowerCase(java.util.Locale.ROOT));
    assertTrue(text("#rejection").contains("Rejected at event 5 (trace.ndjson:6)"), text("#rejection"));
    assertTrue(text("#log-line").contains("\"action\":\"BecomeLeader\""), text("#log-line"));
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#rejection tr.mismatch"));
    assertEquals(1, rows.size());
    assertEquals("currentTerm[s1] 2 1 logged term differs", rows.get(0).getText());
    assertEquals(String.valueOf(prefix.get("states").size()), browser.driver.findElement(By.id("state-count")).getAttribute("data-count"));
    press(Keys.ARROW_DOWN);
    assertEquals("1", browser.driver.findElement(By.id("position")).getAttribute("data-index"));
    browser.screenshot("trace");
  }
}
