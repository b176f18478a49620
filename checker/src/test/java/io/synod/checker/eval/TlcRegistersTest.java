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
 * TLC's registers (TLCSet/TLCGet) are per worker, but TLC computes the initial states on its main
 * thread, and a TLCSet made there is made in every worker's registers (TLC's TLCSetInitTest).
 */
class TlcRegistersTest {

  private static CheckResult check(String spec, String cfg, int workers) throws Exception {
    EvalModel m = new EvalModel(Fixtures.inline(spec, cfg, new ArrayList<>()),
        ConfigReader.read("Test.cfg", cfg));
    return new ModelChecker(m, CheckOptions.defaults().withWorkers(workers), new SearchListener() {},
        line -> { }).run();
  }

  @Test
  void aRegisterSetWhileComputingTheInitialStatesIsSetInEveryWorker() throws Exception {
    // 4,000 initial states: the first level is wide enough that both workers expand some of it
    String spec = "---- MODULE Test ----\nEXTENDS Naturals, TLC\nVARIABLE x\n"
        + "Init == x \\in 1..4000 /\\ TLCSet(1, 42)\n"
        + "Next == x < 4000 /\\ x' = x + 4000 /\\ TLCGet(1) = 42\n====\n";
    String cfg = "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n";
    for (int workers : new int[] {1, 2}) {
      CheckResult r = check(spec, cfg, workers);
      assertEquals(Verdict.SUCCESS, r.verdict(), workers + " workers: " + r.failures());
      assertEquals(7999, r.stats().distinct());
    }
  }
}
