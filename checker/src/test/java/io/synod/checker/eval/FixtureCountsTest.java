package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Successor generation against TLC's figures: for every fixture model that completes without
 * error (and needs no VIEW or SYMMETRY), a plain BFS over the compiled spec must find TLC's
 * distinct and generated state counts and depth.
 */
class FixtureCountsTest {

  static Stream<Arguments> models() throws Exception {
    Path corpus = Fixtures.corpus().orElse(null);
    if (corpus == null) {
      return Stream.of(Arguments.of(null, null, null, 0L, 0L, 0));
    }
    JsonNode manifest = new ObjectMapper().readTree(corpus.resolveSibling("manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode m : manifest.isArray() ? manifest : manifest.get("models")) {
      String result = m.get("result").asText();
      String dir = m.get("dir").asText();
      boolean ok = result.equals("success") || result.equals("liveness") || result.equals("assumption")
          && m.get("distinctStates").isNumber();
      if (!ok || dir.startsWith("19_") || dir.startsWith("20_") || m.path("benchmark").asBoolean(false)) {
        continue;
      }
      out.add(Arguments.of(dir, strip(m.get("spec").asText()), strip(m.get("config").asText()),
          m.get("distinctStates").asLong(), m.get("statesGenerated").asLong(), m.get("depth").asInt()));
    }
    return out.stream();
  }

  private static String strip(String f) {
    return f.substring(0, f.lastIndexOf('.'));
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("models")
  void countsMatchTlc(String dir, String spec, String cfg, long distinct, long generated, int depth)
      throws Exception {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found (../shared/tlc-fixtures)");
    Path folder = Fixtures.corpus().orElseThrow().resolve(dir);
    CompiledSpec compiled = Fixtures.fixture(folder, spec, cfg, Fixtures.sink());
    ModelConfig config = ConfigReader.readFile(folder.resolve(cfg + ".cfg"));
    MiniBfs r = MiniBfs.run(compiled, names(config.invariants()), names(config.constraints()),
        names(config.actionConstraints()));
    assertEquals(null, r.violated, "no invariant violated");
    assertEquals(distinct, r.distinct, "distinct states");
    assertEquals(generated, r.generated, "states generated");
    assertEquals(depth, r.depth, "depth");
  }

  private static List<String> names(List<NamedEntry> entries) {
    return entries.stream().map(NamedEntry::name).toList();
  }
}
