package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A temporal property whose negation (together with the spec's fairness) has no satisfiable
 * branch holds of every behavior; TLC treats checking it as a mistake in the model and stops
 * before computing the initial states, with exit code 77. A tautology beside a property that
 * can fail leaves that property's branches, and the check runs as usual.
 */
class TautologicalPropertyTest {
  @TempDir Path dir;

  private static final String RING = """
      ---- MODULE Ring ----
      EXTENDS Naturals
      VARIABLE x
      Step == x' = (x + 1) % 3
      Spec == x = 0 /\\ [][Step]_x /\\ WF_x(Step)
      ImpliesTrue == <>[](x = 2) => TRUE
      OftenImpliesTrue == []<>(x = 1) => TRUE
      TrueOrOften == TRUE \\/ []<>(x = 1)
      OftenZero == []<>(x = 0)
      NeverTwo == <>[](x # 2)
      ====
      """;

  private CheckResult check(String properties) throws Exception {
    Path spec = Files.writeString(dir.resolve("Ring.tla"), RING);
    Path cfg = Files.writeString(dir.resolve("Ring.cfg"), "SPECIFICATION Spec\n" + properties);
    CheckOptions o = CheckOptions.defaults().withWorkers(1).withFpIndex(0);
    return new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, Output.NONE).run();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ImpliesTrue", "OftenImpliesTrue", "TrueOrOften",
      "ImpliesTrue\nPROPERTY TrueOrOften"})
  void aTautologyIsRefusedBeforeTheSearch(String property) throws Exception {
    CheckResult r = check("PROPERTY " + property + "\n");
    assertEquals(Verdict.TEMPORAL_TAUTOLOGY, r.verdict());
    assertEquals(77, r.exitCode());
    assertEquals(0, r.stats().generated());
    assertTrue(r.firstFailure().message().contains("tautology"), r.firstFailure().message());
  }

  @ParameterizedTest
  @ValueSource(strings = {"OftenZero", "ImpliesTrue\nPROPERTY OftenZero"})
  void aPropertyThatCanFailIsCheckedBesideATautology(String property) throws Exception {
    CheckResult r = check("PROPERTY " + property + "\n");
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(3, r.stats().distinct());
  }

  @ParameterizedTest
  @ValueSource(strings = {"NeverTwo", "TrueOrOften\nPROPERTY NeverTwo"})
  void aViolatedPropertyBesideATautologyIsReported(String property) throws Exception {
    CheckResult r = check("PROPERTY " + property + "\n");
    assertEquals(Verdict.LIVENESS, r.verdict());
  }
}
