package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code synod trace validate --trace-spec} on the trace-spec fixtures (52-57): the verdict TLC
 * reached on each model (exit 0: accepted; a false POSTCONDITION or a violated property: rejected;
 * a parse error: an error), where the spec's verdict is whether its log was consumed. Each run is
 * handed the log of the good run (the spec's default); the configs of the bad runs point the spec
 * at the bad log themselves, and the validator follows the file the spec reads.
 *
 * <p>Three models get TLC's verdict only from TLC's search mechanics, not from the log: a VIEW
 * without the line lets TLC's seen-set drop a state reached again at a later line (53
 * QueueTrace_view, 54 ShardCommitTrace_noview; {@code --global-seen} reproduces that), and a
 * property demanding exactly one state on TLC's queue per line fails for a log that leaves two
 * candidates (57 JobPoolTrace_queue1), which the line-by-line search does not read.
 */
class TraceSpecFixturesTest {

  /** TLC's verdict that the line-by-line search does not share, and why (see the class comment). */
  static final Map<String, String> MECHANICS = Map.of(
      "53_trace_property/QueueTrace_view.cfg", "seen",
      "54_trace_constraint_exit/ShardCommitTrace_noview.cfg", "seen",
      "57_trace_partial_log/JobPoolTrace_queue1.cfg", "queue");

  static Stream<Arguments> models() throws IOException {
    Optional<Path> root = SharedData.tlcFixtures();
    if (root.isEmpty()) {
      return Stream.of(Arguments.of("(fixtures absent)", null, 0));
    }
    JsonNode manifest = new ObjectMapper().readTree(root.get().resolve("manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode m : manifest) {
      String dir = m.get("dir").asText();
      if (dir.compareTo("52") >= 0 && dir.compareTo("58") < 0) {
        out.add(Arguments.of(dir + "/" + m.get("config").asText(), m, m.get("exitCode").asInt()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void theVerdictIsTlcs(String key, JsonNode m, int tlcExit) throws IOException {
    Assumptions.assumeTrue(m != null, "shared/tlc-fixtures not found next to the repository");
    Path dir = SharedData.tlcSpecs().orElseThrow().resolve(m.get("dir").asText());
    Path goodLog;
    try (Stream<Path> files = Files.list(dir)) {
      goodLog = files.filter(p -> p.getFileName().toString().endsWith("_ok.ndjson")).findFirst().orElseThrow();
    }
    String[] args = {"trace", "validate", "--trace-spec", dir.resolve(m.get("spec").asText()).toString(),
        "--config", dir.resolve(m.get("config").asText()).toString(), "--trace", goodLog.toString()};
    CliTestSupport.Result r = CliTestSupport.run(args);
    int want = switch (tlcExit) {
      case 0 -> 0;
      case 10, 12, 13 -> 1;
      default -> 2;
    };
    String why = MECHANICS.get(key);
    if (why == null) {
      assertEquals(want, r.code(), r.out() + r.err());
      if (want == 2) {
        assertTrue(r.err().contains("Parsing or semantic analysis failed"), r.err());
      }
      return;
    }
    assertEquals(1, want, key);
    // the log is one the spec allows: accepted by the line-by-line search
    assertEquals(0, r.code(), r.out() + r.err());
    if (why.equals("seen")) {
      String[] seen = java.util.Arrays.copyOf(args, args.length + 1);
      seen[args.length] = "--global-seen";
      CliTestSupport.Result g = CliTestSupport.run(seen);
      assertEquals(1, g.code(), g.out() + g.err());
      assertTrue(g.out().contains("seen at an earlier line"), g.out());
    }
  }
}
