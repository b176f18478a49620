package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.SharedFixtures;
import io.synod.checker.report.TlcTextReporter;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.Value;
import io.synod.testkit.TlcOutputNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine against hand-written Java models of TLC fixtures, whose counts (and output, from
 * "Computing initial states..." on) TLC recorded.
 */
class ModelCheckerTest {

  /** Runs a model and returns the result with TLC-style text of the engine part of the run. */
  record Run(CheckResult result, String text) {}

  static Run run(SpecModel model, CheckOptions options) {
    StringBuilder sb = new StringBuilder();
    Output out = line -> {
      synchronized (sb) {
        sb.append(line).append('\n');
      }
    };
    TlcTextReporter rep = new TlcTextReporter(out, Clock.systemDefaultZone());
    CheckResult r = new ModelChecker(model, options, rep, out).run();
    rep.result(r);
    rep.finished(r.elapsedMillis());
    return new Run(r, sb.toString());
  }

  static void assertCounts(CheckResult r, long generated, long distinct, long left, int depth) {
    SearchStats s = r.stats();
    assertEquals(List.of(generated, distinct, left, (long) depth),
        List.of(s.generated(), s.distinct(), s.queue(), (long) s.depth()),
        "generated, distinct, left on queue, depth");
  }

  /** TLC's recorded output from "Computing initial states..." on, if the fixtures are present. */
  static Optional<String> tlcTail(String fixture) throws IOException {
    Optional<Path> specs = SharedFixtures.specs();
    if (specs.isEmpty()) {
      return Optional.empty();
    }
    String text = Files.readString(specs.get().resolve(fixture));
    return Optional.of(text.substring(text.indexOf("Computing initial states...")));
  }

  /** Compares with TLC's output; without the fixtures the test is reported skipped, not passed. */
  static void assertSameTail(String fixture, String ours) throws IOException {
    Optional<String> tlc = tlcTail(fixture);
    Assumptions.assumeTrue(tlc.isPresent(), "../shared/tlc-fixtures not found: " + fixture + " not compared");
    assertEquals(tlc.get(), TlcOutputNormalizer.normalize(ours));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void everyLevelIsTimedAndEveryStateExpandedOnce(int workers) {
    CheckResult r = run(new CountersModel(10, 3), CheckOptions.defaults().withWorkers(workers)).result();
    assertCounts(r, 193, 104, 0, 18);
    List<CheckResult.Level> levels = r.levels();
    assertEquals(18, levels.size(), levels.toString());
    long expanded = 0;
    for (int i = 0; i < levels.size(); i++) {
      CheckResult.Level l = levels.get(i);
      assertEquals(i + 1, l.depth(), levels.toString());
      assertTrue(l.expanded() > 0 && l.millis() >= 0, l.toString());
      assertTrue(l.jitMillis() >= 0 && l.gcMillis() >= 0, l.toString());
      expanded += l.expanded();
    }
    assertEquals(104, expanded, "a complete search expands each distinct state once");
    assertEquals(1, levels.get(0).expanded(), "one initial state");
    assertTrue(r.memory().seenSetBytes() >= 16 * Long.BYTES, r.memory().toString());
    assertEquals(0, r.memory().bytesSpilled());
  }

  @Test
  void countersMatchTlc() throws IOException {
    Run run = run(new CountersModel(10, 3), CheckOptions.defaults());
    assertEquals(Verdict.SUCCESS, run.result().verdict());
    assertCounts(run.result(), 193, 104, 0, 18);
    assertSameTail("01_counters/Counters.tlc.out", run.text());
  }

  @Test
  void twoWorkersGiveTheSameCounts() {
    for (int workers : new int[] {2, 3}) {
      Run run = run(new CountersModel(10, 3), CheckOptions.defaults().withWorkers(workers));
      assertCounts(run.result(), 193, 104, 0, 18);
    }
  }

  @Test
  void invariantViolationStopsAtTheFirstBadSuccessor() throws IOException {
    Run run = run(new WalkModel(), CheckOptions.defaults());
    assertEquals(Verdict.INVARIANT, run.result().verdict());
    assertEquals(12, run.result().exitCode());
    assertCounts(run.result(), 4, 4, 1, 3);
    assertEquals(3, run.result().firstFailure().trace().size());
    assertSameTail("02_intwalk/IntWalk.tlc.out", run.text());
  }

  @Test
  void deadlockReportsTheFrontierDepth() throws IOException {
    Run run = run(new TrainsModel(new StringTable()), CheckOptions.defaults());
    assertEquals(Verdict.DEADLOCK, run.result().verdict());
    assertEquals(11, run.result().exitCode());
    assertCounts(run.result(), 8, 7, 2, 4);
    assertSameTail("23_deadlock_trains/Trains.tlc.out", run.text());
  }

  /** x counts up to 3 and stops there: a deadlock unless deadlock checking is off. */
  static SpecModel countTo3() {
    return new SpecModel() {
      @Override
      public List<String> variables() {
        return List.of("x");
      }

      @Override
      public void initialStates(EvalContext ctx, StateSink sink) {
        sink.accept(new Value[] {IntValue.of(0)});
      }

      @Override
      public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
        long x = ((IntValue) s[0]).value();
        if (x < 3) {
          sink.accept(new Value[] {IntValue.of(x + 1)}, new ActionLabel("Inc", List.of(), null));
        }
      }
    };
  }

  @Test
  void deadlockCanBeSwitchedOff() {
    Run on = run(countTo3(), CheckOptions.defaults());
    assertEquals(Verdict.DEADLOCK, on.result().verdict());
    assertEquals(4, on.result().firstFailure().trace().size());
    assertTrue(on.text().contains("State 1: <Initial predicate>\nx = 0\n"), on.text());
    Run off = run(countTo3(), CheckOptions.defaults().withDeadlockOff(true));
    assertEquals(Verdict.SUCCESS, off.result().verdict());
    assertCounts(off.result(), 4, 4, 0, 4);
  }

  @Test
  void actionPropertyIsCheckedOnEveryStep() throws IOException {
    Run run = run(new RatchetModel(false), CheckOptions.defaults());
    assertEquals(Verdict.ACTION_PROPERTY, run.result().verdict());
    assertEquals(13, run.result().exitCode());
    assertCounts(run.result(), 6, 6, 1, 5);
    assertEquals("Monotone", run.result().firstFailure().name());
    assertSameTail("22_action_property/Ratchet.tlc.out", run.text());
  }

  @Test
  void boxPropertyIsReportedAsInvariant() throws IOException {
    Run run = run(new RatchetModel(true), CheckOptions.defaults());
    assertEquals(Verdict.INVARIANT, run.result().verdict());
    assertCounts(run.result(), 6, 6, 1, 5);
    assertSameTail("22_action_property/Ratchet_box.tlc.out", run.text());
  }

  @Test
  void continueFindsEveryViolation() {
    Run run = run(new WalkModel(), CheckOptions.defaults().withContinue(true));
    // as TLC: every violation is reported, and the completed search is a success (exit 0)
    assertEquals(Verdict.SUCCESS, run.result().verdict());
    assertEquals(0, run.result().exitCode());
    assertTrue(run.result().failures().size() > 1, run.text());
    assertTrue(run.result().failures().stream().allMatch(f -> f.verdict() == Verdict.INVARIANT), run.text());
    assertEquals(0, run.result().stats().queue());
  }

  @Test
  void slidingPuzzleAtOneAndTwoWorkers() {
    for (int workers = 1; workers <= 2; workers++) {
      Run run = run(new SlideModel(), CheckOptions.defaults().withWorkers(workers).withFpLog2Slots(4));
      assertEquals(Verdict.SUCCESS, run.result().verdict());
      assertCounts(run.result(), 483_841, 181_440, 0, 32);
    }
  }

  @Test
  void twoChecksRunAtOnceInOneJvm() throws Exception {
    CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> run(new SlideModel(), CheckOptions.defaults()));
    CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> run(new CountersModel(10, 3), CheckOptions.defaults().withWorkers(2)));
    assertCounts(a.get(2, TimeUnit.MINUTES).result(), 483_841, 181_440, 0, 32);
    assertCounts(b.get(2, TimeUnit.MINUTES).result(), 193, 104, 0, 18);
  }

  @Test
  void cancelStopsARun() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    SearchListener listener = new SearchListener() {
      @Override
      public void levelDone(SearchStats stats) {
        started.countDown();
      }
    };
    ModelChecker mc = new ModelChecker(new SlideModel(), CheckOptions.defaults(), listener, Output.NONE);
    CompletableFuture<CheckResult> f = CompletableFuture.supplyAsync(mc::run);
    assertTrue(started.await(1, TimeUnit.MINUTES));
    mc.cancel();
    CheckResult r = f.get(1, TimeUnit.MINUTES);
    assertEquals(Verdict.CANCELLED, r.verdict());
    assertTrue(r.stats().distinct() < 181_440);
  }

  /** The walk model whose successor function fails with a full heap from depth 2 on. */
  private static SpecModel heapFullAtDepthTwo() {
    return new DelegatingModel(new WalkModel()) {
      @Override
      public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
        if (ctx.level >= 2) {
          throw new OutOfMemoryError("Java heap space");
        }
        super.successors(s, ctx, sink);
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void aFullHeapIsASystemErrorWithAdvice(int workers) {
    CheckResult r = run(heapFullAtDepthTwo(), CheckOptions.defaults().withWorkers(workers)
        .withSpill(SpillMode.NEVER)).result();
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    String message = r.firstFailure().message();
    assertTrue(message.startsWith("Java ran out of memory (maximum heap "), message);
    assertTrue(message.contains("SYNOD_JAVA_OPTS=-Xmx8g") && message.contains("-spill auto"), message);
  }
}
