package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A constant the configuration binds to a definition ({@code Step <- Def}) is evaluated once
 * when Def is deterministic, and at every use when Def's value varies between evaluations, as
 * TLC does (a RandomElement drawn once would fix one arbitrary value for the whole check).
 */
class RandomOverrideTest {

  private static List<String> printedBy(String override) throws Exception {
    String spec = "---- MODULE Test ----\nEXTENDS Naturals, TLC\nCONSTANT Step\nVARIABLE x\n"
        + "Drawn == Print(\"drawn\", RandomElement({1, 2}))\n"
        + "Fixed == Print(\"fixed\", 1)\n"
        + "Init == x = 0\n"
        + "Next == x < 6 /\\ x' = x + Step\n====\n";
    String cfg = "INIT Init\nNEXT Next\nCONSTANT Step <- " + override + "\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    List<String> printed = new ArrayList<>();
    CheckResult r = new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, printed::add).run();
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    return printed;
  }

  @Test
  void aRandomDefinitionIsDrawnAgainAtEveryUse() throws Exception {
    // x climbs from 0 to at least 6 in steps of 1 or 2: at least three steps, each drawing
    long draws = printedBy("Drawn").stream().filter(l -> l.contains("drawn")).count();
    assertTrue(draws >= 3, "drawn " + draws + " times");
  }

  @Test
  void aDeterministicDefinitionIsEvaluatedOnce() throws Exception {
    assertEquals(1, printedBy("Fixed").stream().filter(l -> l.contains("fixed")).count());
  }
}
