package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.engine.Verdict;
import io.synod.checker.value.IntValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * A next-state relation that draws at random (RandomElement, RandomSubset): as in TLC's
 * breadth-first search, a state's successors are drawn from a source seeded by that state, so the
 * counterexample is rebuilt in full however many workers searched; it used to shrink to its last
 * state once the replay drew other values.
 */
class RandomDrawTraceTest {
  @org.junit.jupiter.api.io.TempDir Path dir;

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"1, 0", "3, 0", "1, -4420443483684408884",
      "3, 77"})
  void theWholeTraceIsRebuilt(int workers, long seed) throws Exception {
    Path spec = Files.writeString(dir.resolve("Dice.tla"), """
        ---- MODULE Dice ----
        EXTENDS Naturals, TLC, Randomization
        VARIABLES roll, turn, hand
        Init == roll = RandomElement(1..600) /\\ turn = 0 /\\ hand = {}
        Next == /\\ roll' \\in {RandomElement(1..600), roll}
                /\\ hand' \\in {RandomSubset(2, 1..600)}
                /\\ turn' = turn + 1
        Short == turn < 6
        ====
        """);
    Path cfg = Files.writeString(dir.resolve("Dice.cfg"), "INIT Init\nNEXT Next\nINVARIANT Short\n");
    CheckOptions o = CheckOptions.defaults().withWorkers(workers).withFpIndex(0).withSeed(seed);
    CheckResult r = new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.INVARIANT, r.verdict());
    List<TraceStep> trace = r.firstFailure().trace();
    assertEquals(7, trace.size());
    for (int i = 0; i < trace.size(); i++) {
      // turn is the second variable: each state of the trace, in order
      assertEquals(IntValue.of(i), trace.get(i).state()[1]);
    }
  }
}

