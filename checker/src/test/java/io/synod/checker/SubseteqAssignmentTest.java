package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As TLC (its SubseteqNextStateTest), {@code x \subseteq S} in the initial predicate and
 * {@code x' \subseteq S} in an action, with x not yet given a value, take every subset of S as
 * {@code x \in SUBSET S} does; once x has a value they test inclusion. ENABLED too.
 */
class SubseteqAssignmentTest {
  @TempDir Path dir;

  @Test
  void subsetsAreEnumerated() throws Exception {
    Path spec = Files.writeString(dir.resolve("Bits.tla"), """
        ---- MODULE Bits ----
        EXTENDS Naturals
        VARIABLES on, all
        Init == on \\subseteq {7, 8} /\\ all = {6, 7, 8}
        Next == all' = all /\\ on' \\subseteq all' /\\ on' \\subseteq {6, 7, 8}
        CanClear == ENABLED (on' \\subseteq {})
        ====
        """);
    Path cfg = Files.writeString(dir.resolve("Bits.cfg"), "INIT Init\nNEXT Next\nINVARIANT CanClear\n");
    CheckOptions o = CheckOptions.defaults().withWorkers(1).withFpIndex(0);
    CheckResult r = new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    // 4 initial states; every one of the 8 distinct states has 8 successors
    assertEquals(List.of(4L + 8 * 8, 8L, 2L), List.of(r.stats().generated(), r.stats().distinct(),
        (long) r.stats().depth()));
  }
}
