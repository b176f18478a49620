package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.Verdict;
import io.synod.checker.report.TlcTextReporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An action whose successor leaves variables without a primed value: TLC reports its own error
 * (no "unexpected exception" preamble, no expression stack), naming the action only when the
 * next-state relation has several, listing every unassigned variable, and ends the trace with the
 * incomplete successor, which counts as generated, its missing variables printed as null.
 */
class IncompleteSuccessorTest {
  @TempDir Path dir;

  private record Run(CheckResult result, String text) {}

  private Run check(String module) throws Exception {
    Path spec = Files.writeString(dir.resolve("Gap.tla"), module);
    Path cfg = Files.writeString(dir.resolve("Gap.cfg"), "INIT Init\nNEXT Next\n");
    StringBuilder sb = new StringBuilder();
    Output out = line -> sb.append(line).append('\n');
    TlcTextReporter rep = new TlcTextReporter(out, Clock.systemDefaultZone());
    CheckOptions o = CheckOptions.defaults().withWorkers(1).withFpIndex(0);
    CheckResult r = new ModelChecker(Checker.prepare(spec, cfg, List.of(), Output.NONE), o, rep, out)
        .run();
    rep.result(r);
    return new Run(r, sb.toString());
  }

  @Test
  void oneActionForgettingAVariable() throws Exception {
    Run run = check("""
        ---- MODULE Gap ----
        EXTENDS Naturals
        VARIABLES a, b
        Init == a = 5 /\\ b = 7
        Next == a < 6 /\\ a' = a + 1
        ====
        """);
    CheckResult r = run.result();
    assertEquals(Verdict.EVAL_ERROR, r.verdict());
    assertEquals(75, r.exitCode());
    assertEquals(List.of(2L, 1L), List.of(r.stats().generated(), r.stats().distinct()));
    assertTrue(run.text().contains("""
        Error: Successor state is not completely specified by the next-state action. \
        The following variable is not defined: b.

        Error: The behavior up to this point is:
        State 1: <Initial predicate>
        /\\ a = 5
        /\\ b = 7

        State 2: <Next line 5, col 9 to line 5, col 27 of module Gap>
        /\\ a = 6
        /\\ b = null

        2 states generated, 1 distinct states found, 0 states left on queue.
        """), run.text());
    assertTrue(!run.text().contains("unexpected exception") && !run.text().contains("nested"),
        run.text());
  }

  @Test
  void theActionIsNamedAmongSeveralAndEveryMissingVariableListed() throws Exception {
    Run run = check("""
        ---- MODULE Gap ----
        EXTENDS Naturals
        VARIABLES a, b, c
        Init == a = 0 /\\ b = 0 /\\ c = 0
        Both == a' = 1 /\\ b' = 1 /\\ c' = 1
        Half == a' = a + 2
        Next == Both \\/ Half
        ====
        """);
    CheckResult r = run.result();
    assertEquals(75, r.exitCode());
    // Both's complete successor comes first and is counted and kept
    assertEquals(List.of(3L, 2L), List.of(r.stats().generated(), r.stats().distinct()));
    assertTrue(run.text().contains("Error: Successor state is not completely specified by action Half"
        + " of the next-state relation. The following variables are not defined: b, c.\n"), run.text());
    assertTrue(run.text().contains("/\\ a = 2\n/\\ b = null\n/\\ c = null\n"), run.text());
  }
}
