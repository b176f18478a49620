package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TLC's {@code _POSSIBLE}: every listed state predicate must hold in some reachable state and
 * every listed action in some step, else the check fails after the search as a false
 * postcondition (exit 10) naming the first one, in the configuration's order, never satisfied.
 */
class PossibleTest {

  private static final String SPEC = "---- MODULE Test ----\nEXTENDS Naturals\nVARIABLE n\n"
      + "Init == n = 0\n"
      + "Next == n' = (n + 2) % 6\n"
      + "Even == n % 2 = 0\n"
      + "Odd == n % 2 = 1\n"
      + "Wraps == n = 4 /\\ n' = 0\n"
      + "Jumps == n' = n + 4\n====\n";

  private static EvalModel model(String possibles) throws Exception {
    String cfg = "INIT Init\nNEXT Next\n_POSSIBLE " + possibles + "\n";
    CompiledSpec compiled = Fixtures.inline(SPEC, cfg, new ArrayList<>());
    return new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
  }

  private static CheckResult check(EvalModel m, int workers) {
    return new ModelChecker(m, CheckOptions.defaults().withWorkers(workers), new SearchListener() {},
        line -> { }).run();
  }

  /**
   * As TLC (its TLCSetInitTest, SubseteqNextStateTest), the counts are kept in the named register
   * "s:_possible" that TLCGet("all:named") reads, one record per worker: how many generated
   * states satisfied each predicate and how many generated steps each action, duplicates included.
   */
  @Test
  void theCountsAreReadThroughTlcGetAllNamed() throws Exception {
    String spec = SPEC.replace("====", "Counts == LET p == TLCGet(\"all:named\")[\"s:_possible\"][1]\n"
        + "          IN p = [Even |-> 4, Wraps |-> 1]\n====").replace("EXTENDS Naturals", "EXTENDS Naturals, TLC");
    String cfg = "INIT Init\nNEXT Next\n_POSSIBLE Even Wraps\nPOSTCONDITION Counts\n";
    EvalModel m = new EvalModel(Fixtures.inline(spec, cfg, new ArrayList<>()), ConfigReader.read("Test.cfg", cfg));
    // states generated: 0 (initial), then 2, 4, 0 again: four even states; one step 4 -> 0
    CheckResult r = check(m, 1);
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
  }

  /**
   * After a violation the POSTCONDITION reads the counts of the search, not those of the trace's
   * replay (TLC's TLCSetInit: a deadlock, then its counts postcondition holds).
   */
  @Test
  void afterAViolationTheCountsAreStillTheSearchs() throws Exception {
    String spec = SPEC.replace("====", "Counts == LET p == TLCGet(\"all:named\")[\"s:_possible\"][1]\n"
        + "          IN p = [Even |-> 3]\n====").replace("EXTENDS Naturals", "EXTENDS Naturals, TLC")
        .replace("Next == n' = (n + 2) % 6", "Next == n < 4 /\\ n' = n + 2");
    String cfg = "INIT Init\nNEXT Next\n_POSSIBLE Even\nPOSTCONDITION Counts\n";
    EvalModel m = new EvalModel(Fixtures.inline(spec, cfg, new ArrayList<>()), ConfigReader.read("Test.cfg", cfg));
    // 0, 2, 4 and a deadlock at 4: the trace is rebuilt from the initial state before the
    // postcondition is evaluated
    CheckResult r = check(m, 1);
    assertEquals(Verdict.DEADLOCK, r.verdict());
    assertEquals(List.of(Verdict.DEADLOCK), r.failures().stream().map(CheckResult.Failure::verdict).toList(),
        String.valueOf(r.failures()));
  }

  @Test
  void theKeywordListsNamesInOrder() throws Exception {
    ModelConfig c = ConfigReader.read("T.cfg", "INIT Init NEXT Next\n_POSSIBLE Even Wraps\nINVARIANT Even\n");
    assertEquals(List.of("Even", "Wraps"), c.possibles().stream().map(NamedEntry::name).toList());
    assertEquals(List.of("Even"), c.invariants().stream().map(NamedEntry::name).toList());
  }

  @Test
  void predicatesAndActionsSatisfiedSomewherePass() throws Exception {
    CheckResult r = check(model("Even Wraps"), 1);
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(3, r.stats().distinct());
  }

  @Test
  void theFirstNeverSatisfiedInConfigOrderFails() throws Exception {
    for (int workers : new int[] {1, 2}) {
      CheckResult r = check(model("Even Jumps Wraps Odd"), workers);
      assertEquals(Verdict.POSTCONDITION, r.verdict());
      assertEquals(10, r.exitCode());
      assertEquals("Jumps", r.failures().get(0).name());
      // the search itself is that of the spec without _POSSIBLE
      assertEquals(3, r.stats().distinct());
    }
    assertEquals("Odd", check(model("Even Odd"), 1).failures().get(0).name());
  }
}
