package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.checker.Checker;
import io.synod.checker.SharedFixtures;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checkpoints of checks with temporal properties: a check stopped right after each checkpoint
 * and resumed from it (again and again until it ends) gives the uninterrupted check's verdict,
 * property, counts, depth, outdegree and lasso (states, loop and its action), with the
 * behaviour graph on the heap or spilled to disk, at 1 and 2 workers, breadth- and depth-first.
 */
class LivenessCheckpointTest {
  private static final Map<String, String> IDENTITY = ResumedCheck.IDENTITY;

  @TempDir Path tmp;

  // ---- two counters modulo N; only IncX is fair ----

  static final String COUNTERS = """
      ---- MODULE Counters ----
      EXTENDS Naturals
      CONSTANT N
      VARIABLES x, y
      vars == <<x, y>>
      Init == x = 0 /\\ y = 0
      IncX == x' = (x + 1) % N /\\ y' = y
      IncY == y' = (y + 1) % N /\\ x' = x
      Next == IncX \\/ IncY
      Spec == Init /\\ [][Next]_vars /\\ WF_vars(IncX)
      XReturns == []<>(x = 0)
      YReturns == []<>(y = 0)
      ====
      """;

  /** x counts laps too, so that leaving x = 11 leads to states not seen before. */
  private static final String LAPS = """
      ---- MODULE Laps ----
      EXTENDS Naturals
      VARIABLES x, y, lap
      Init == x = 0 /\\ y = 0 /\\ lap = 0
      IncX == x' = (x + 1) % 12 /\\ y' = y /\\ lap' = IF x = 11 THEN lap + 1 ELSE lap
      IncY == y' = (y + 1) % 6 /\\ UNCHANGED <<x, lap>>
      Next == lap < 2 /\\ (IncX \\/ IncY)
      XStaysTop == [](x = 11 => [](x = 11))
      ====
      """;

  private SpecModel counters(String property) throws Exception {
    if (property.equals("XStaysTop")) {
      // without fairness, a violation a finite prefix settles: found during the search
      Path spec = tmp.resolve("Laps.tla");
      Files.writeString(spec, LAPS);
      Path cfg = tmp.resolve("Laps.cfg");
      Files.writeString(cfg, "INIT Init\nNEXT Next\nPROPERTY XStaysTop\nCHECK_DEADLOCK FALSE\n");
      return Checker.prepare(spec, cfg, List.of(), Output.NONE);
    }
    Path spec = tmp.resolve("Counters.tla");
    Files.writeString(spec, COUNTERS);
    Path cfg = tmp.resolve("Counters-" + property + ".cfg");
    Files.writeString(cfg, "CONSTANT N = 12\nSPECIFICATION Spec\nPROPERTY " + property + "\n");
    return Checker.prepare(spec, cfg, List.of(), Output.NONE);
  }

  /**
   * Runs {@code model} uninterrupted, then with a checkpoint after every {@code every} expanded
   * states, each run stopped right after its first checkpoint and the next resumed from it;
   * returns the uninterrupted result and the resumed one.
   */
  private CheckResult[] interruptedAndResumed(ResumedCheck.Model model, CheckOptions options,
      long every, LivenessSchedule schedule) throws Exception {
    return interruptedAndResumed(model, options, every, schedule, 2);
  }

  private CheckResult[] interruptedAndResumed(ResumedCheck.Model model, CheckOptions options,
      long every, LivenessSchedule schedule, int atLeast) throws Exception {
    CheckResult expected = new ModelChecker(model.make(), options, new SearchListener() {},
        Output.NONE).withLiveness(schedule).run();
    Path ckpt = tmp.resolve("ckpt-" + System.nanoTime());
    ResumedCheck resumed = ResumedCheck.run(model, options, schedule, ckpt, every, 200);
    assertEquals(null, resumed.failure(), "checkpointing failed");
    CheckResult r = resumed.result();
    int interruptions = resumed.interruptions();
    assertTrue(interruptions >= atLeast, "the check was interrupted " + interruptions + " times");
    assertFalse(Files.exists(ckpt) && Files.list(ckpt).findAny().isPresent(),
        "a finished check leaves no checkpoint and no graph files");
    return new CheckResult[] {expected, r};
  }

  /**
   * With one worker everything is compared; with several, what an uninterrupted check with
   * several workers gives the same every time, the lasso of the check after the search included
   * (the checker numbers the states as one worker admits them): only the outdegree (which worker
   * finds a state first) varies from run to run, resumed or not.
   */
  static void assertSameLiveEnd(CheckResult expected, CheckResult r, int workers) {
    if (workers == 1) {
      CheckpointRecoveryTest.assertSameEnd(expected, r);
      if (expected.firstFailure() != null) {
        assertEquals(expected.firstFailure().loop(), r.firstFailure().loop(), "lasso's loop");
      }
      return;
    }
    assertEquals(expected.verdict(), r.verdict());
    assertEquals(expected.stats(), r.stats(), "generated, distinct, left on queue, depth");
    assertEquals(expected.levels().stream().map(CheckResult.Level::expanded).toList(),
        r.levels().stream().map(CheckResult.Level::expanded).toList(), "states expanded per level");
    assertEquals(expected.failures().size(), r.failures().size());
    if (expected.firstFailure() != null) {
      assertEquals(expected.firstFailure().name(), r.firstFailure().name());
      assertEquals(expected.firstFailure().message(), r.firstFailure().message());
      if (expected.verdict() == Verdict.LIVENESS) {
        assertEquals(LassoWorkerCountTest.lasso(expected), LassoWorkerCountTest.lasso(r),
            "the lasso");
      } else {
        // which violating state several workers meet first depends on the timing
        assertEquals(expected.firstFailure().loop() == null, r.firstFailure().loop() == null);
        assertFalse(r.firstFailure().trace().isEmpty(), "the resumed check's counterexample");
      }
    }
  }

  static Stream<Arguments> settings() {
    List<Arguments> out = new ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      for (SpillMode spill : new SpillMode[] {SpillMode.NEVER, SpillMode.ALWAYS}) {
        out.add(Arguments.of(workers, spill, false));
      }
    }
    out.add(Arguments.of(1, SpillMode.NEVER, true));
    out.add(Arguments.of(1, SpillMode.ALWAYS, true));
    return out.stream();
  }

  /**
   * {@link #settings} with one worker: with two, which state settles a finite-prefix violation
   * first depends on timing, resumed or not.
   */
  static Stream<Arguments> oneWorkerSettings() {
    return settings().filter(a -> (int) a.get()[0] == 1);
  }

  private static CheckOptions options(int workers, SpillMode spill, boolean dfs) {
    return CheckOptions.defaults().withWorkers(workers).withSpill(spill).withDepthFirst(dfs);
  }

  @ParameterizedTest(name = "workers={0} spill={1} dfs={2}")
  @MethodSource("settings")
  void aPropertyThatHoldsStillHoldsAfterRecovery(int workers, SpillMode spill, boolean dfs)
      throws Exception {
    CheckResult[] r = interruptedAndResumed(() -> counters("XReturns"),
        options(workers, spill, dfs), 20, LivenessSchedule.FINAL);
    assertEquals(Verdict.SUCCESS, r[0].verdict());
    assertEquals(144, r[0].stats().distinct());
    assertSameLiveEnd(r[0], r[1], workers);
  }

  @ParameterizedTest(name = "workers={0} spill={1} dfs={2}")
  @MethodSource("settings")
  void aViolatedPropertyGivesTheUninterruptedLasso(int workers, SpillMode spill, boolean dfs)
      throws Exception {
    CheckResult[] r = interruptedAndResumed(() -> counters("YReturns"),
        options(workers, spill, dfs), 20, LivenessSchedule.FINAL);
    assertEquals(Verdict.LIVENESS, r[0].verdict());
    assertEquals("YReturns", r[0].firstFailure().name());
    assertNotNull(r[0].firstFailure().loop());
    assertSameLiveEnd(r[0], r[1], workers);
  }

  @ParameterizedTest(name = "workers={0} spill={1} dfs={2}")
  @MethodSource("oneWorkerSettings")
  void aViolationOfAFinitePrefixIsFoundWhereTheUninterruptedCheckFindsIt(int workers,
      SpillMode spill, boolean dfs) throws Exception {
    CheckResult[] r = interruptedAndResumed(() -> counters("XStaysTop"),
        options(workers, spill, dfs), dfs ? 4 : 10, LivenessSchedule.FINAL);
    assertEquals(Verdict.TEMPORAL_SAFETY, r[0].verdict());
    assertSameLiveEnd(r[0], r[1], workers);
  }

  @Test
  void theChecksOfTheGraphSoFarResumeOnTheirSchedule() throws Exception {
    // forced every 25 states: the resumed check must check (and find the lasso) where the
    // uninterrupted one does, so its counts at the end are those of that moment
    LivenessSchedule periodic = new LivenessSchedule(LivenessSchedule.Mode.DEFAULT, 0, 0, 25);
    CheckResult[] r = interruptedAndResumed(() -> counters("YReturns"), options(1, SpillMode.NEVER,
        false), 20, periodic);
    assertEquals(Verdict.LIVENESS, r[0].verdict());
    assertTrue(r[0].stats().queue() > 0, "the check of the graph so far ended the search");
    assertSameLiveEnd(r[0], r[1], 1);
  }

  @Test
  void aCheckpointWrittenWithTwoWorkersResumesWithOne() throws Exception {
    CheckResult expected = new ModelChecker(counters("YReturns"), CheckOptions.defaults(),
        new SearchListener() {}, Output.NONE).run();
    Path ckpt = interrupted("YReturns", 2, SpillMode.ALWAYS, 30);
    CheckResult r = recover("YReturns", ckpt, 1);
    assertSameLiveEnd(expected, r, 2);
  }

  /** A check of {@code property} stopped after its first checkpoint (every {@code every} states). */
  private Path interrupted(String property, int workers, SpillMode spill, long every)
      throws Exception {
    Path ckpt = tmp.resolve("stopped-" + property + "-" + workers + spill);
    CheckpointRecoveryTest.stopAtFirstCheckpoint(counters(property), options(workers, spill, false),
        ckpt, every);
    return ckpt;
  }

  private CheckResult recover(String property, Path ckpt, int workers) throws Exception {
    return new ModelChecker(counters(property), CheckOptions.defaults().withWorkers(workers),
        new SearchListener() {}, Output.NONE)
        .withCheckpoints(new CheckpointSettings(null, 0, 0, ckpt, IDENTITY)).run();
  }

  private static Path graphFile(Path ckpt, String name) {
    return ckpt.resolve(CheckpointFile.NAME + "." + name);
  }

  @Test
  void aDamagedOrMissingGraphFileIsRefused() throws Exception {
    Path ckpt = interrupted("XReturns", 1, SpillMode.NEVER, 40);
    Path edges = graphFile(ckpt, "graph-edges-w0");
    assertTrue(Files.size(edges) > 0, "the graph recorded so far is in its file");
    try (RandomAccessFile f = new RandomAccessFile(edges.toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 0x10);
    }
    CheckResult r = recover("XReturns", ckpt, 1);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("corrupt")
        && r.firstFailure().message().contains("graph-edges-w0"), r.firstFailure().message());
    Files.delete(edges);
    r = recover("XReturns", ckpt, 1);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("is missing"), r.firstFailure().message());
    assertTrue(CheckpointFile.exists(ckpt), "a refused checkpoint stays");
  }

  @Test
  void whatACrashedLaterCheckpointAppendedIsIgnored() throws Exception {
    CheckResult expected = new ModelChecker(counters("YReturns"), CheckOptions.defaults(),
        new SearchListener() {}, Output.NONE).run();
    Path ckpt = interrupted("YReturns", 1, SpillMode.NEVER, 40);
    // a later checkpoint that crashed after appending to the graph files, before its rename
    for (String name : List.of("graph-edges-w0", "graph-states-w0")) {
      try (RandomAccessFile f = new RandomAccessFile(graphFile(ckpt, name).toFile(), "rw")) {
        f.seek(f.length());
        f.write(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
      }
    }
    Files.write(ckpt.resolve(CheckpointFile.NAME + ".tmp"), new byte[] {1, 2, 3});
    assertSameLiveEnd(expected, recover("YReturns", ckpt, 1), 1);
  }

  @Test
  void aShortGraphFileIsRefused() throws Exception {
    Path ckpt = interrupted("XReturns", 1, SpillMode.NEVER, 40);
    Path states = graphFile(ckpt, "graph-states-w0");
    try (RandomAccessFile f = new RandomAccessFile(states.toFile(), "rw")) {
      f.setLength(f.length() - 8);
    }
    CheckResult r = recover("XReturns", ckpt, 1);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("fewer than"), r.firstFailure().message());
  }

  @Test
  void aCheckpointOfAModelWithoutTemporalPropertiesDoesNotResumeOneWith() throws Exception {
    Path spec = tmp.resolve("Counters.tla");
    Files.writeString(spec, COUNTERS);
    Path cfg = tmp.resolve("Safety.cfg");
    Files.writeString(cfg, "CONSTANT N = 12\nINIT Init\nNEXT Next\n");
    Path ckpt = tmp.resolve("safety");
    CheckpointRecoveryTest.stopAtFirstCheckpoint(Checker.prepare(spec, cfg, List.of(), Output.NONE),
        CheckOptions.defaults(), ckpt, 30);
    // the identity is the same on purpose: a library caller may not know the digests
    CheckResult r = recover("XReturns", ckpt, 1);
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertTrue(r.firstFailure().message().contains("without temporal properties"),
        r.firstFailure().message());
  }

  @Test
  void aCheckpointOfAnEarlierFormatIsRefusedAsAMismatch() throws Exception {
    Path ckpt = interrupted("XReturns", 1, SpillMode.NEVER, 40);
    try (RandomAccessFile f = new RandomAccessFile(CheckpointFile.file(ckpt).toFile(), "rw")) {
      f.seek(8); // after the magic: the format version
      f.writeInt(1);
    }
    CheckpointException e = org.junit.jupiter.api.Assertions.assertThrows(
        CheckpointException.class, () -> CheckpointFile.inspect(ckpt));
    assertTrue(e.mismatch(), e.getMessage());
    assertTrue(e.getMessage().contains("checkpoint format 1"), e.getMessage());
  }

  // ---- the liveness fixtures of TLC's corpus ----

  static Stream<Arguments> fixtures() throws Exception {
    Path specs = SharedFixtures.specs().orElse(null);
    if (specs == null) {
      return Stream.of(Arguments.of(null, null, null, 0));
    }
    JsonNode manifest = new ObjectMapper().readTree(specs.resolveSibling("manifest.json").toFile());
    List<Arguments> out = new ArrayList<>();
    for (JsonNode m : manifest) {
      String dir = m.get("dir").asText();
      if (!m.path("liveness").asBoolean(false) || !List.of("14_", "15_", "16_", "17_", "18_",
          "35_", "48_", "63_").contains(dir.substring(0, 3))) {
        continue;
      }
      out.add(Arguments.of(dir, m.get("spec").asText(), m.get("config").asText(), 1));
      // two workers pause between claims of 16 states (a smaller check only at level
      // barriers), and which state settles a finite-prefix violation first depends on timing
      Path folder = specs.resolve(dir);
      CheckResult once = new ModelChecker(Checker.prepare(folder.resolve(m.get("spec").asText()),
          folder.resolve(m.get("config").asText()), List.of(), Output.NONE),
          CheckOptions.defaults(), new SearchListener() {}, Output.NONE).run();
      long expanded = once.levels().stream().mapToLong(CheckResult.Level::expanded).sum();
      if (expanded >= 3 * 16 && once.verdict() != Verdict.TEMPORAL_SAFETY) {
        out.add(Arguments.of(dir, m.get("spec").asText(), m.get("config").asText(), 2));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}/{2} workers={3}")
  @MethodSource("fixtures")
  void aFixtureResumedFromCheckpointsEndsAsAnUninterruptedCheck(String dir, String spec,
      String cfg, int workers) throws Exception {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found");
    Path folder = SharedFixtures.specs().orElseThrow().resolve(dir);
    ResumedCheck.Model model = () -> Checker.prepare(folder.resolve(spec), folder.resolve(cfg), List.of(),
        Output.NONE);
    CheckResult once = new ModelChecker(model.make(), CheckOptions.defaults(),
        new SearchListener() {}, Output.NONE).run();
    long expanded = once.levels().stream().mapToLong(CheckResult.Level::expanded).sum();
    // workers pause between claims of 16 states: a smaller check is paused at level barriers
    long every = Math.max(1, Math.min(expanded / 4, 2000));
    CheckResult[] r = interruptedAndResumed(model, CheckOptions.defaults().withWorkers(workers)
        .withSpill(workers == 2 ? SpillMode.ALWAYS : SpillMode.NEVER), every,
        LivenessSchedule.FINAL, 1);
    assertSameLiveEnd(r[0], r[1], workers);
  }
}
