package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.checker.Checker;
import io.synod.checker.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counterexample of the temporal check after a complete search does not depend on the
 * number of workers: at 2, 3 and 4 workers, run after run, with the behaviour graph on the heap
 * or on disk, the lasso (its states, their actions, where it loops back and with which action,
 * or that it stutters) is the one a single worker reports. Several workers admit the states of
 * a level in an order that depends on the timing; the checker must not let that order show.
 */
class LassoWorkerCountTest {
  @TempDir Path tmp;

  /**
   * Several initial states and many states per level (claims of 16 states are split between
   * the workers), cycles in every direction; properties of each kind: a <>[] condition of the
   * error model (so that the component search starts from states in number order, not only from
   * the initial ones), a tableau ({@code ~>}), and without fairness a violation that ends
   * stuttering.
   */
  private static final String GRID = """
      ---- MODULE Grid ----
      EXTENDS Naturals
      VARIABLES x, y, z
      vars == <<x, y, z>>
      Init == x \\in 0..2 /\\ y \\in 0..1 /\\ z = 0
      IncX == x' = (x + 1) % 6 /\\ UNCHANGED <<y, z>>
      IncY == y' = (y + 1) % 6 /\\ UNCHANGED <<x, z>>
      IncZ == z < 5 /\\ z' = z + 1 /\\ UNCHANGED <<x, y>>
      Next == IncX \\/ IncY \\/ IncZ
      Spec == Init /\\ [][Next]_vars /\\ WF_vars(IncX)
      Lazy == Init /\\ [][Next]_vars
      YLow == []<>(y < 3)
      Leads == (y = 4) ~> (x = 0 /\\ y = 0)
      ZTop == <>(z = 5)
      ====
      """;

  /**
   * 60 initial states, each leading to a cycle of its own; the first state (in the checker's
   * order) of the cycles with {@code i > 16} is where the counterexample starts, and several
   * workers admit those states in an order that changes from run to run.
   */
  private static final String MANY = """
      ---- MODULE Many ----
      EXTENDS Naturals
      VARIABLES i, phase
      vars == <<i, phase>>
      Init == i \\in 1..60 /\\ phase = 0
      Go == phase = 0 /\\ phase' = 1 /\\ UNCHANGED i
      Spin == phase > 0 /\\ phase' = 3 - phase /\\ UNCHANGED i
      Next == Go \\/ Spin
      Spec == Init /\\ [][Next]_vars /\\ WF_vars(Spin)
      Settles == []<>(phase = 0 \\/ i <= 16)
      ====
      """;

  private SpecModel model(String module, String text, String cfg) throws Exception {
    Path spec = tmp.resolve(module + ".tla");
    Files.writeString(spec, text);
    Path c = tmp.resolve(module + "-" + Math.abs(cfg.hashCode()) + ".cfg");
    Files.writeString(c, cfg);
    return Checker.prepare(spec, c, List.of(), Output.NONE);
  }

  private static CheckResult run(ResumedCheck.Model m, int workers, SpillMode spill)
      throws Exception {
    return new ModelChecker(m.make(), CheckOptions.defaults().withWorkers(workers)
        .withSpill(spill), new SearchListener() {}, Output.NONE).run();
  }

  /** The lasso as it prints: each state with its action, then the loop. */
  static List<String> lasso(CheckResult r) {
    CheckResult.Failure f = r.firstFailure();
    assertNotNull(f, "a counterexample");
    assertNotNull(f.loop(), "a lasso");
    List<String> out = new ArrayList<>(CheckpointRecoveryTest.render(f.trace()));
    out.add(f.loop().stuttering() ? "stuttering" : "back to " + f.loop().backTo() + " "
        + f.loop().action());
    return out;
  }

  /**
   * Compares the lasso of {@code m} at 2, 3 and 4 workers, {@code runs} times each (with the
   * graph on the heap, and every other time on disk), with its lasso at 1 worker.
   */
  private static void assertSameLassoAtAnyWorkerCount(ResumedCheck.Model m, int runs)
      throws Exception {
    CheckResult one = run(m, 1, SpillMode.NEVER);
    assertEquals(Verdict.LIVENESS, one.verdict());
    List<String> expected = lasso(one);
    for (int workers = 2; workers <= 4; workers++) {
      for (int i = 0; i < runs; i++) {
        SpillMode spill = i % 2 == 0 ? SpillMode.NEVER : SpillMode.ALWAYS;
        CheckResult r = run(m, workers, spill);
        assertEquals(one.verdict(), r.verdict());
        assertEquals(one.firstFailure().message(), r.firstFailure().message());
        assertEquals(expected, lasso(r), "the lasso at " + workers + " workers, run " + (i + 1)
            + ", spill " + spill);
      }
    }
  }

  @Test
  void countersGiveTheOneWorkerLasso() throws Exception {
    // two counters modulo 12; only IncX is fair, so y may stop anywhere but 0
    assertSameLassoAtAnyWorkerCount(() -> model("Counters", LivenessCheckpointTest.COUNTERS,
        "CONSTANT N = 12\nSPECIFICATION Spec\nPROPERTY YReturns\n"), 12);
  }

  @Test
  void cyclesReachedFromManyInitialStatesGiveTheOneWorkerLasso() throws Exception {
    assertSameLassoAtAnyWorkerCount(() -> model("Many", MANY,
        "SPECIFICATION Spec\nPROPERTY Settles\n"), 12);
  }

  @Test
  void aCheckResumedFromCheckpointsGivesTheOneWorkerLasso() throws Exception {
    ResumedCheck.Model m = () -> model("Many", MANY, "SPECIFICATION Spec\nPROPERTY Settles\n");
    List<String> expected = lasso(run(m, 1, SpillMode.NEVER));
    for (int workers = 2; workers <= 3; workers++) {
      for (SpillMode spill : new SpillMode[] {SpillMode.NEVER, SpillMode.ALWAYS}) {
        for (int i = 0; i < 3; i++) {
          Path ckpt = tmp.resolve("ckpt-" + workers + spill + i);
          ResumedCheck resumed = ResumedCheck.run(m, CheckOptions.defaults().withWorkers(workers)
              .withSpill(spill), LivenessSchedule.FINAL, ckpt, 40, 50);
          assertEquals(null, resumed.failure(), "checkpointing failed");
          assertTrue(resumed.interruptions() >= 2, "interrupted " + resumed.interruptions());
          assertEquals(expected, lasso(resumed.result()), "the lasso resumed at " + workers
              + " workers, spill " + spill);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("gridProperties")
  void aGridWithSeveralInitialStatesGivesTheOneWorkerLasso(String spec, String property)
      throws Exception {
    assertSameLassoAtAnyWorkerCount(() -> model("Grid", GRID,
        "SPECIFICATION " + spec + "\nPROPERTY " + property + "\n"), 4);
  }

  static Stream<Arguments> gridProperties() {
    return Stream.of(Arguments.of("Spec", "YLow"), Arguments.of("Spec", "Leads"),
        Arguments.of("Spec", "ZTop"), Arguments.of("Lazy", "Leads"));
  }

  /** The liveness fixtures of TLC's corpus whose temporal check reports a lasso. */
  static Stream<Arguments> fixtures() throws Exception {
    Path specs = SharedFixtures.specs().orElse(null);
    if (specs == null) {
      return Stream.of(Arguments.of(null, null, null));
    }
    JsonNode manifest = new ObjectMapper().readTree(specs.resolveSibling("manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode m : manifest) {
      if (m.path("liveness").asBoolean(false) && m.path("exitCode").asInt() == 13) {
        out.add(Arguments.of(m.get("dir").asText(), m.get("spec").asText(),
            m.get("config").asText()));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("fixtures")
  void aFixtureGivesTheOneWorkerLasso(String dir, String spec, String cfg) throws Exception {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found");
    Path folder = SharedFixtures.specs().orElseThrow().resolve(dir);
    assertSameLassoAtAnyWorkerCount(() -> Checker.prepare(folder.resolve(spec),
        folder.resolve(cfg), List.of(), Output.NONE), 2);
  }
}
