package io.synod.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every trace line is well-formed, clocks behave as documented, and every action and
 * variable name that occurs is documented in TRACE-FORMAT.md.
 */
class TraceFormatTest {
  private final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"raft", "paxos", "2pc"})
  void traceLinesAreDocumentedAndWellFormed(String name) throws Exception {
    String doc = Files.readString(Path.of("TRACE-FORMAT.md"));
    StringWriter trace = new StringWriter();
    new Simulation<>(Protocols.byName(name).orElseThrow(), SimConfig.of(5, 3, 3, 60), trace).run();
    TreeSet<String> undocumented = new TreeSet<>();
    Map<String, Long> lastClock = new HashMap<>();
    long lastTime = 0;
    for (String line : trace.toString().split("\n")) {
      JsonNode ev = json.readTree(line);
      String action = ev.get("action").asText();
      String node = ev.get("node").asText();
      if (!doc.contains("`" + action + "`")) {
        undocumented.add("action " + action);
      }
      ev.get("vars").fieldNames().forEachRemaining(v -> {
        if (!doc.contains("`" + v + "`")) {
          undocumented.add("variable " + v);
        }
      });
      long time = ev.get("time").asLong();
      assertTrue(time >= lastTime, "time goes forward: " + line);
      lastTime = time;
      if (!node.equals("net") && !node.equals("nemesis")) {
        long clock = ev.get("clock").asLong();
        assertTrue(clock > lastClock.getOrDefault(node, 0L), "clock of " + node + " increases: " + line);
        lastClock.put(node, clock);
      }
    }
    assertTrue(undocumented.isEmpty(), "not in TRACE-FORMAT.md: " + undocumented);
    assertTrue(lastClock.size() >= 3, "every node acted");
  }
}
