package io.synod.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.LivenessSchedule;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checks of the graph explored so far ({@code -lncheck default}), forced after every few expanded
 * states so that they happen on small models whatever the timing: a violation reached early ends
 * the search with a counterexample of the complete graph; states not yet expanded never make a
 * holding property look violated; {@code final} and {@code seqfinal} check only at the end.
 */
class PeriodicLivenessTest {
  /**
   * Two counters that may grow to N and a bit that may flip: the step is weakly fair, but
   * flipping forever is fair too, so Prop (x reaches N) is violated by a behaviour that flips
   * from the start, long before the search reaches the far corner of the grid.
   */
  private static final String GRID = """
      ---- MODULE Grid ----
      EXTENDS Naturals
      CONSTANT N
      VARIABLES x, z, y
      vars == <<x, z, y>>
      Init == x = 0 /\\ z = 0 /\\ y = 0
      IncX == x < N /\\ x' = x + 1 /\\ UNCHANGED <<z, y>>
      IncZ == z < N /\\ z' = z + 1 /\\ UNCHANGED <<x, y>>
      Flip == y' = 1 - y /\\ UNCHANGED <<x, z>>
      Next == IncX \\/ IncZ \\/ Flip
      Spec == Init /\\ [][Next]_vars /\\ WF_vars(Next)
      Prop == <>(x = N)
      ====
      """;

  /**
   * The same grid without the bit, each counter weakly fair: every fair behaviour reaches the
   * far corner, so Corner holds. On a partial graph the frontier states have no steps and no
   * ENABLED yet; stuttering there would look fair and violate Corner.
   */
  private static final String CLIMB = """
      ---- MODULE Climb ----
      EXTENDS Naturals
      CONSTANT N
      VARIABLES x, z
      vars == <<x, z>>
      Init == x = 0 /\\ z = 0
      IncX == x < N /\\ x' = x + 1 /\\ UNCHANGED z
      IncZ == z < N /\\ z' = z + 1 /\\ UNCHANGED x
      Spec == Init /\\ [][IncX \\/ IncZ]_vars /\\ WF_vars(IncX) /\\ WF_vars(IncZ)
      Corner == <>(x = N /\\ z = N)
      Up == x = 0 ~> x = N
      ====
      """;

  @TempDir
  Path dir;

  /** The events of the checks of the graph so far, in order. */
  private static class Events implements SearchListener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void checkingLivenessSoFar(long states, int branches) {
      seen.add("check " + states + "/" + branches);
    }

    @Override
    public void livenessCheckedSoFar(long millis, boolean violated) {
      seen.add(violated ? "violated" : "holds");
    }

    @Override
    public void checkingLiveness(io.synod.checker.engine.SearchStats stats, int branches) {
      seen.add("final");
    }
  }

  private SpecModel model(String name, String text, String cfg) throws Exception {
    Path spec = dir.resolve(name + ".tla");
    Files.writeString(spec, text);
    Path config = Files.writeString(dir.resolve(name + ".cfg"), cfg);
    return Checker.prepare(spec, config, List.of(), Output.NONE);
  }

  private static CheckResult run(SpecModel m, int workers, LivenessSchedule schedule,
      SearchListener listener) {
    return run(m, workers, false, schedule, listener);
  }

  private static CheckResult run(SpecModel m, int workers, boolean depthFirst,
      LivenessSchedule schedule, SearchListener listener) {
    CheckOptions o = CheckOptions.defaults().withWorkers(workers).withFpIndex(0)
        .withDepthFirst(depthFirst);
    return new ModelChecker(m, o, listener, Output.NONE).withLiveness(schedule).run();
  }

  private static LivenessSchedule every(LivenessSchedule.Mode mode, long states) {
    return new LivenessSchedule(mode, 0, 0, states);
  }

  @ParameterizedTest(name = "{0} workers, depth-first {1}")
  @CsvSource({"1, false", "2, false", "1, true"})
  void aViolationReachedEarlyEndsTheSearchWithACounterexampleOfTheCompleteGraph(int workers,
      boolean depthFirst) throws Exception {
    SpecModel m = model("Grid", GRID, "CONSTANT N = 30\nSPECIFICATION Spec\nPROPERTY Prop\n"
        + "CHECK_DEADLOCK FALSE\n");
    CheckResult whole = run(m, workers, depthFirst, LivenessSchedule.FINAL,
        new SearchListener() {});
    Events events = new Events();
    CheckResult early = run(m, workers, depthFirst, every(LivenessSchedule.Mode.DEFAULT, 40),
        events);

    assertEquals(Verdict.LIVENESS, whole.verdict());
    assertEquals(Verdict.LIVENESS, early.verdict());
    assertEquals(whole.firstFailure().name(), early.firstFailure().name());
    assertEquals("Prop", early.firstFailure().name());
    assertEquals(whole.firstFailure().loop().stuttering(), early.firstFailure().loop().stuttering());
    // stopped early: the counts are those when it stopped, states left on the queue
    assertEquals(31 * 31 * 2, whole.stats().distinct());
    assertTrue(early.stats().distinct() < whole.stats().distinct(), early.stats().toString());
    assertTrue(early.stats().queue() > 0, early.stats().toString());
    assertEquals("violated", events.seen.get(events.seen.size() - 1), events.seen.toString());
    assertFalse(events.seen.contains("final"), "the complete graph is not checked");
    String check = events.seen.get(events.seen.size() - 2);
    long states = Long.parseLong(check.substring("check ".length(), check.indexOf('/')));
    assertTrue(states <= early.stats().distinct() - early.stats().queue(),
        "only expanded states are checked: " + check + " " + early.stats());
    Lassos.revalidate(m, early.firstFailure());
  }

  @ParameterizedTest(name = "{0} workers")
  @CsvSource({"1", "2"})
  void statesNotYetExpandedNeverMakeAHoldingPropertyLookViolated(int workers) throws Exception {
    SpecModel m = model("Climb", CLIMB, "CONSTANT N = 12\nSPECIFICATION Spec\n"
        + "PROPERTIES Corner Up\nCHECK_DEADLOCK FALSE\n");
    CheckResult whole = run(m, workers, LivenessSchedule.FINAL, new SearchListener() {});
    Events events = new Events();
    CheckResult checked = run(m, workers, every(LivenessSchedule.Mode.DEFAULT, 3), events);

    assertEquals(Verdict.SUCCESS, whole.verdict());
    assertEquals(whole.verdict(), checked.verdict());
    assertEquals(whole.stats(), checked.stats());
    long periodic = events.seen.stream().filter(e -> e.startsWith("check ")).count();
    assertTrue(periodic >= 5, events.seen.toString());
    assertEquals(periodic, events.seen.stream().filter("holds"::equals).count());
    assertEquals("final", events.seen.get(events.seen.size() - 1), "then the complete graph");
  }

  /**
   * On the timer (every 10 ms here): however many checks the timing lets happen, each on the
   * states expanded by then, the result is the final check's.
   */
  @Test
  void checksOnATimerLeaveAHoldingPropertysResultAsTheFinalCheckGivesIt() throws Exception {
    SpecModel m = model("Climb", CLIMB, "CONSTANT N = 40\nSPECIFICATION Spec\n"
        + "PROPERTIES Corner Up\nCHECK_DEADLOCK FALSE\n");
    CheckResult whole = run(m, 2, LivenessSchedule.FINAL, new SearchListener() {});
    Events events = new Events();
    CheckResult timed = run(m, 2, new LivenessSchedule(LivenessSchedule.Mode.DEFAULT, 10, 10, 0),
        events);
    assertEquals(Verdict.SUCCESS, timed.verdict());
    assertEquals(whole.stats(), timed.stats());
    assertFalse(events.seen.contains("violated"), events.seen.toString());
    assertEquals("final", events.seen.get(events.seen.size() - 1));
  }

  /**
   * As TLC's periodic work, which checks the graph so far and then prints its progress report:
   * a report never comes while such a check runs, only after it (progress and checks both every
   * 5 ms here).
   */
  @Test
  void progressReportsWaitForTheCheckOfTheGraphSoFar() throws Exception {
    SpecModel m = model("Climb", CLIMB, "CONSTANT N = 60\nSPECIFICATION Spec\n"
        + "PROPERTIES Corner Up\nCHECK_DEADLOCK FALSE\n");
    Events events = new Events() {
      @Override
      public void progress(io.synod.checker.engine.SearchStats stats, long elapsedMillis) {
        seen.add("progress");
      }
    };
    CheckOptions o = CheckOptions.defaults().withWorkers(2).withFpIndex(0).withProgressInterval(5);
    CheckResult r = new ModelChecker(m, o, events, Output.NONE)
        .withLiveness(new LivenessSchedule(LivenessSchedule.Mode.DEFAULT, 5, 5, 0)).run();
    assertEquals(Verdict.SUCCESS, r.verdict());
    boolean inCheck = false;
    for (String e : events.seen) {
      if (e.startsWith("check ")) {
        inCheck = true;
      } else if (e.equals("holds")) {
        inCheck = false;
      } else if (e.equals("progress")) {
        assertFalse(inCheck, "a progress report inside a check: " + events.seen);
      }
    }
    assertEquals("final", events.seen.get(events.seen.size() - 1));
  }

  @Test
  void finalAndSeqfinalCheckOnlyTheCompleteGraph() throws Exception {
    SpecModel m = model("Grid", GRID, "CONSTANT N = 30\nSPECIFICATION Spec\nPROPERTY Prop\n"
        + "CHECK_DEADLOCK FALSE\n");
    CheckResult reference = run(m, 2, LivenessSchedule.FINAL, new SearchListener() {});
    for (LivenessSchedule.Mode mode : List.of(LivenessSchedule.Mode.FINAL,
        LivenessSchedule.Mode.SEQFINAL)) {
      Events events = new Events();
      CheckResult r = run(m, 2, every(mode, 10), events);
      assertEquals(List.of("final"), events.seen, mode.toString());
      assertEquals(Verdict.LIVENESS, r.verdict());
      assertEquals(reference.stats(), r.stats());
      assertEquals(reference.firstFailure().trace().size(), r.firstFailure().trace().size());
    }
  }

  @Test
  void aCheckIsDueWhenTheGraphGrewByMoreThanATenthAndChecksTookAtMostAFifthOfTheTime() {
    // TLC's size at the last check starts at 1
    assertTrue(LivenessSchedule.due(0, 2, 0, 1));
    assertFalse(LivenessSchedule.due(0, 1, 0, 1));
    assertTrue(LivenessSchedule.due(1000, 1101, 0, 1));
    assertFalse(LivenessSchedule.due(1000, 1100, 0, 1));
    assertTrue(LivenessSchedule.due(1000, 5000, 200, 1000));
    assertFalse(LivenessSchedule.due(1000, 5000, 201, 1000));
  }
}
