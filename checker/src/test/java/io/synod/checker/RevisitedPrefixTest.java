package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.engine.Verdict;
import io.synod.checker.value.Value;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A temporal property that a finite behaviour already violates, where that behaviour passes
 * through a state a second time: the search reaches each state once, by its shortest path, so
 * the violation shows only in the product of states and tableau nodes. TLC reports it as a
 * finite-prefix violation (exit 12, no stuttering, no loop), not as a lasso after a check of the
 * complete state graph (exit 13), as Synod did.
 */
class RevisitedPrefixTest {
  @TempDir Path dir;

  // x cycles 0 -> 1 -> 2 -> 0; NoOneAfterTwoThenZero fails on 0, 1, 2, 0, 1 (states 0 and 1 twice)
  private static final String CYCLE = """
      ---- MODULE Cycle ----
      EXTENDS Naturals
      VARIABLE x
      Spec == x = 0 /\\ [][x' = (x + 1) % 3]_x
      NoOneAfterTwoThenZero == [](x = 2 => [](x = 0 => [](x # 1)))
      NoFiveAfterTwo == [](x = 2 => [](x # 5))
      ====
      """;

  private CheckResult check(String property, int workers, AtomicBoolean announced)
      throws Exception {
    Path spec = Files.writeString(dir.resolve("Cycle.tla"), CYCLE);
    Path cfg = Files.writeString(dir.resolve("Cycle.cfg"),
        "SPECIFICATION Spec\nPROPERTY " + property + "\n");
    CheckOptions o = CheckOptions.defaults().withWorkers(workers).withFpIndex(0);
    SearchListener l = new SearchListener() {
      @Override
      public void checkingLiveness(SearchStats stats, int branches) {
        announced.set(true);
      }
    };
    return new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o, l,
        Output.NONE).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aPrefixThroughARepeatedStateIsAFinitePrefixViolation(int workers) throws Exception {
    AtomicBoolean announced = new AtomicBoolean();
    CheckResult r = check("NoOneAfterTwoThenZero", workers, announced);
    assertEquals(Verdict.TEMPORAL_SAFETY, r.verdict());
    assertEquals(12, r.exitCode());
    CheckResult.Failure f = r.firstFailure();
    assertEquals("NoOneAfterTwoThenZero", f.name());
    assertNull(f.loop(), "a finite prefix has no loop and no stuttering step");
    List<String> xs = new ArrayList<>();
    for (TraceStep st : f.trace()) {
      Value[] s = st.state();
      xs.add(s[0].toString());
    }
    assertEquals(List.of("0", "1", "2", "0", "1"), xs);
    assertEquals(3, r.stats().distinct());
    assertFalse(announced.get(), "TLC finds it during the search, before any temporal check");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aPropertyThatHoldsStillHolds(int workers) throws Exception {
    CheckResult r = check("NoFiveAfterTwo", workers, new AtomicBoolean());
    assertEquals(Verdict.SUCCESS, r.verdict());
  }
}
