package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.Lassos;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every liveness counterexample Synod prints for the TLC fixtures is re-validated step by step,
 * independently of the search that found it: the first state is an initial state, each state is
 * a successor of the one before (the loop's closing step included, unless the behaviour ends
 * stuttering), the behaviour satisfies the SPECIFICATION's fairness, and it violates the named
 * property, both judged by evaluating the formulas on the states of the lasso.
 *
 * <p>TLC's lasso depends on the order of its behaviour graph's successors, which follows its
 * own state fingerprints; where Synod prints a different one the fixture test cannot compare
 * the text, and this test is what vouches for it: {@code 15_fairness/FairnessWeak} and
 * {@code 16_starvation/Starve} (lassos as long as TLC's through other states).
 */
class LassoRevalidationTest {

  @ParameterizedTest(name = "{0}/{2}")
  @CsvSource({
      "15_fairness, Fairness, FairnessWeak, EventuallyServed",
      "16_starvation, Starve, Starve, NoStarvation",
      "17_stuttering, Lazy, Lazy, Finishes",
      "18_settle, Settle, SettleOsc, SettlesOff",
      "48_liveness_forms, Mutex, MutexSettles, NeverSettles",
      "48_liveness_forms, Mutex, MutexUnfair, Served",
      "64_property_refusals, Pump, Pump_evstep, EventuallyStep"})
  void counterexampleIsABehaviourThatViolatesTheProperty(String dir, String spec, String cfg,
      String property) throws Exception {
    Assumptions.assumeTrue(Fixtures.corpus().isPresent(), "TLC fixture corpus not found");
    Path folder = Fixtures.corpus().orElseThrow().resolve(dir);
    CompiledSpec compiled = Fixtures.fixture(folder, spec, cfg, Fixtures.sink());
    ModelConfig config = ConfigReader.readFile(folder.resolve(cfg + ".cfg"));
    EvalModel model = new EvalModel(compiled, config);
    CheckResult r = new ModelChecker(model, CheckOptions.defaults().withFpIndex(0),
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.LIVENESS, r.verdict());
    CheckResult.Failure f = r.firstFailure();
    assertEquals(property, f.name());
    Lassos.revalidate(model, f);
  }
}
