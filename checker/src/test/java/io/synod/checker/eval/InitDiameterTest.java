package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/**
 * TLC's model checking reports as {@code TLCGet("diameter")} the depth of its trace, which is 1
 * already while the initial states are computed, and grows with each level after that.
 */
class InitDiameterTest {

  @Test
  void theDiameterIsOneWhileTheInitialStatesAreComputed() throws Exception {
    String spec = "---- MODULE Test ----\nEXTENDS Naturals, TLC\nVARIABLES n, d\n"
        + "Init == n = 0 /\\ d = TLCGet(\"diameter\") /\\ TLCGet(\"stats\").diameter = d\n"
        + "Next == n < 4 /\\ n' = n + 1 /\\ d' = TLCGet(\"diameter\")\n"
        + "Seen == d = IF n = 0 THEN 1 ELSE n\n====\n";
    String cfg = "INIT Init\nNEXT Next\nINVARIANT Seen\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    CheckResult r = new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, line -> { }).run();
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(5, r.stats().distinct());
  }
}
