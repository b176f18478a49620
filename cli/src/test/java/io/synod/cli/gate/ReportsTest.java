package io.synod.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {
  private static GateEntry entry(String name, Expectation e, String waiting) {
    return new GateEntry(name, Path.of("specs/" + name + ".tla"), Path.of("specs/" + name + ".cfg"),
        e, OptionalLong.empty(), 1, Duration.ofMinutes(1), waiting);
  }

  private static final List<GateResult> RESULTS = List.of(
      Verdicts.judge(entry("paxos", Expectation.success(), null),
          new RunResult(ResultKind.SUCCESS, null, 11217, Duration.ofMillis(4710), "")),
      Verdicts.judge(entry("bug<&>", new Expectation(ResultKind.INVARIANT, "Safety"), null),
          new RunResult(ResultKind.SUCCESS, null, 42, Duration.ofMillis(20), "")),
      new GateResult(entry("live", new Expectation(ResultKind.LIVENESS, "Termination"),
          "liveness checking"), null, List.of()));

  @Test
  void tableListsEveryModelAndTheDeviations() {
    StringWriter s = new StringWriter();
    TableReport.print(RESULTS, new PrintWriter(s));
    String[] lines = s.toString().split("\n");
    assertTrue(lines[0].matches("model\\s+expected\\s+got\\s+states\\s+time"), lines[0]);
    assertTrue(lines[1].matches("paxos\\s+success\\s+success\\s+11217\\s+4\\.71s\\s+ok"), lines[1]);
    assertTrue(lines[2].matches("bug<&>\\s+invariant Safety\\s+success\\s+42\\s+0\\.02s\\s+DEVIATION"),
        lines[2]);
    assertTrue(lines[3].matches("live\\s+liveness Termination\\s+-\\s+-\\s+-\\s+waiting: liveness checking"),
        lines[3]);
    assertTrue(lines[4].startsWith("bug<&>: expected invariant Safety but the model passed"), lines[4]);
    assertEquals("2 models run, 1 deviating, 1 waiting", lines[5]);
  }

  @Test
  void junitXmlHasACasePerModelWithFailuresAndSkips() throws Exception {
    StringWriter s = new StringWriter();
    JunitReport.write("synod gate ci/gate.yaml", RESULTS, s);
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)));
    Element suite = doc.getDocumentElement();
    assertEquals("testsuite", suite.getTagName());
    assertEquals("3", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("failures"));
    assertEquals("1", suite.getAttribute("skipped"));
    NodeList cases = suite.getElementsByTagName("testcase");
    assertEquals(3, cases.getLength());
    Element paxos = (Element) cases.item(0);
    assertEquals("paxos", paxos.getAttribute("name"));
    assertEquals("4.710", paxos.getAttribute("time"));
    assertEquals(0, paxos.getElementsByTagName("failure").getLength());
    Element bug = (Element) cases.item(1);
    assertEquals("bug<&>", bug.getAttribute("name"));
    Element failure = (Element) bug.getElementsByTagName("failure").item(0);
    assertTrue(failure.getAttribute("message").contains("was not caught"));
    Element live = (Element) cases.item(2);
    assertEquals("waiting: liveness checking",
        ((Element) live.getElementsByTagName("skipped").item(0)).getAttribute("message"));
  }
}
