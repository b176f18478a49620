package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Action labels as TLC prints them in traces: every label in a fixture's TLC output must be the
 * label of one of the actions the splitter produced for that model.
 */
class ActionLabelsTest {
  private static final Pattern STATE = Pattern.compile("^State \\d+: <(.*)>$", Pattern.MULTILINE);

  static Stream<Arguments> traces() throws Exception {
    Path corpus = Fixtures.corpus().orElse(null);
    if (corpus == null) {
      return Stream.of(Arguments.of(null, null, null));
    }
    JsonNode manifest = new ObjectMapper().readTree(corpus.resolveSibling("manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode m : manifest) {
      if (m.get("traceLength").isNull()) {
        continue;
      }
      String spec = m.get("spec").asText();
      String cfg = m.get("config").asText();
      out.add(Arguments.of(m.get("dir").asText(), spec.substring(0, spec.length() - 4),
          cfg.substring(0, cfg.length() - 4)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("traces")
  void labelsAreTlcs(String dir, String spec, String cfg) {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found (../shared/tlc-fixtures)");
    Path folder = Fixtures.corpus().orElseThrow().resolve(dir);
    CompiledSpec compiled = Fixtures.fixture(folder, spec, cfg, Fixtures.sink());
    Set<String> ours = new LinkedHashSet<>();
    compiled.actions().forEach(a -> ours.add(a.label()));
    Matcher m = STATE.matcher(Fixtures.read(folder.resolve(cfg + ".tlc.out")));
    while (m.find()) {
      String label = m.group(1);
      if (!label.equals("Initial predicate")) {
        assertTrue(ours.contains(label), "TLC's label <" + label + "> not among " + ours);
      }
    }
  }

  @Test
  void initialPredicateLabel() {
    assertTrue(ActionInfo.INITIAL.label().equals("Initial predicate"));
  }
}
