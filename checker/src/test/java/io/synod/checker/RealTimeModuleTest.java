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
 * RealTime is one of TLC's standard modules (TLC's StandardModulesTest extends it): a spec that
 * extends it gets the variable now and RTBound/RTnow, and is checked like any other as long as
 * it gives now integer values.
 */
class RealTimeModuleTest {
  @TempDir Path dir;

  @Test
  void aSpecExtendingRealTimeIsChecked() throws Exception {
    Path spec = Files.writeString(dir.resolve("Clock.tla"), """
        ---- MODULE Clock ----
        EXTENDS Naturals, RealTime
        VARIABLE ticks
        Init == ticks = 0 /\\ now = 0
        Next == ticks < 2 /\\ ticks' = ticks + 1 /\\ now' = now + 5
        Timely == RTBound(Next, ticks, 0, 10)
        ====
        """);
    Path cfg = Files.writeString(dir.resolve("Clock.cfg"), "INIT Init\nNEXT Next\n");
    CheckOptions o = CheckOptions.defaults().withWorkers(1).withFpIndex(0).withDeadlockOff(true);
    CheckResult r = new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o,
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.SUCCESS, r.verdict());
    assertEquals(3, r.stats().distinct());
  }
}
