package io.synod.checker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.value.IntValue;
import io.synod.checker.value.StringTable;
import io.synod.checker.value.TupleValue;
import io.synod.checker.value.Value;
import io.synod.checker.value.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue and parent log on disk change nothing but memory: forced spilling gives the in-memory
 * queue's counts, verdicts and traces, and leaves no files behind however the check ends.
 */
class SpillingTest {
  @TempDir
  Path meta;

  private CheckOptions spilling(int workers) {
    return CheckOptions.defaults().withWorkers(workers).withSpill(SpillMode.ALWAYS).withMetaDir(meta);
  }

  private static CheckOptions inMemory(int workers) {
    return CheckOptions.defaults().withWorkers(workers).withSpill(SpillMode.NEVER);
  }

  private void assertNoSpillDirectoryLeft() throws IOException {
    try (Stream<Path> s = Files.list(meta)) {
      assertEquals(List.of(), s.toList(), "spill directories left in " + meta);
    }
  }

  /**
   * Verdict, counts and the printed trace of every failure. Several workers that stop at an
   * error stop at slightly different points and may find another error at the same depth, so
   * for them only what is deterministic is kept: verdict, depth, messages and trace lengths.
   */
  private static String summary(CheckResult r, int workers) {
    boolean exact = workers == 1 || r.failures().isEmpty();
    StringBuilder sb = new StringBuilder(r.verdict() + " "
        + (exact ? r.stats() : "depth " + r.stats().depth()) + "\n");
    for (CheckResult.Failure f : r.failures()) {
      sb.append(f.message()).append('\n');
      if (!exact) {
        sb.append(f.trace().size()).append(" states\n");
        continue;
      }
      for (TraceStep st : f.trace()) {
        sb.append(st.action() == null ? "-" : st.action().name()).append(' ')
            .append(List.of(st.state())).append('\n');
      }
    }
    return sb.toString();
  }

  private void assertSameAsInMemory(SpecModel model, int workers) throws IOException {
    CheckResult mem = ModelCheckerTest.run(model, inMemory(workers)).result();
    ModelChecker mc = new ModelChecker(model, spilling(workers), new SearchListener() {}, Output.NONE);
    CheckResult disk = mc.run();
    assertEquals(summary(mem, workers), summary(disk, workers), "workers=" + workers);
    assertTrue(disk.memory().bytesSpilled() > 0 || disk.stats().distinct() < 4096,
        "nothing was spilled for " + disk.stats());
    assertNoSpillDirectoryLeft();
  }

  /** The sliding puzzle with an invariant that fails deep in the search, on a long trace. */
  static SpecModel slideWithInvariant() {
    SlideModel slide = new SlideModel();
    return new DelegatingModel(slide) {
      @Override
      public List<String> invariants() {
        return List.of("NotCornered");
      }

      @Override
      public int firstViolatedInvariant(Value[] s, EvalContext ctx) {
        TupleValue b = (TupleValue) s[0];
        return b.get(1).equals(IntValue.of(8)) && b.get(9).equals(IntValue.of(1)) ? 0 : -1;
      }
    };
  }

  /** The sliding puzzle with an invariant that only one board violates. */
  static SpecModel slideAvoiding(int... board) {
    Value[] b = new Value[board.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = IntValue.of(board[i]);
    }
    TupleValue bad = TupleValue.of(b);
    return new DelegatingModel(new SlideModel()) {
      @Override
      public List<String> invariants() {
        return List.of("NotThatBoard");
      }

      @Override
      public int firstViolatedInvariant(Value[] s, EvalContext ctx) {
        return s[0].equals(bad) ? 0 : -1;
      }
    };
  }

  /**
   * The sliding puzzle with a third variable that holds {@code Seq(BOOLEAN)} in half the
   * states: a value the codec does not write, so those segments stay on the heap.
   */
  static SpecModel slideWithInfiniteSets() {
    SlideModel slide = new SlideModel();
    return new DelegatingModel(slide) {
      @Override
      public List<String> variables() {
        return List.of("board", "blank", "extra");
      }

      private Value[] widen(Value[] s) {
        long blank = ((IntValue) s[1]).value();
        return new Value[] {s[0], s[1], blank % 2 == 0 ? Values.seqSet(Values.BOOLEAN) : IntValue.ZERO};
      }

      @Override
      public void initialStates(EvalContext ctx, StateSink sink) {
        slide.initialStates(ctx, s -> sink.accept(widen(s)));
      }

      @Override
      public void successors(Value[] s, EvalContext ctx, SuccessorSink sink) {
        slide.successors(new Value[] {s[0], s[1]}, ctx, (t, a) -> sink.accept(widen(t), a));
      }
    };
  }

  @Test
  void forcedSpillingMatchesTheInMemoryQueueOnSuccess() throws IOException {
    for (int workers = 1; workers <= 2; workers++) {
      assertSameAsInMemory(new SlideModel(), workers);
      assertSameAsInMemory(new CountersModel(10, 3), workers);
    }
  }

  @Test
  void forcedSpillingMatchesTheInMemoryQueueOnViolations() throws IOException {
    CheckResult mem = ModelCheckerTest.run(slideWithInvariant(), inMemory(1)).result();
    assertEquals(Verdict.INVARIANT, mem.verdict());
    assertTrue(mem.firstFailure().trace().size() > 15, "the violation should be deep");
    for (int workers = 1; workers <= 2; workers++) {
      assertSameAsInMemory(slideWithInvariant(), workers);
      assertSameAsInMemory(new WalkModel(), workers);
      assertSameAsInMemory(new TrainsModel(new StringTable()), workers);
      assertSameAsInMemory(new RatchetModel(false), workers);
    }
  }

  @Test
  void aTraceThroughAParentLogOnDisk() throws IOException {
    // One of the two boards farthest from the start: found after more than 2^16 states, so the
    // first chunks of the parent log are on disk when the trace is rebuilt.
    SpecModel model = slideAvoiding(8, 6, 7, 2, 5, 4, 3, 0, 1);
    CheckResult mem = ModelCheckerTest.run(model, inMemory(1)).result();
    assertEquals(Verdict.INVARIANT, mem.verdict());
    assertEquals(32, mem.firstFailure().trace().size());
    assertTrue(mem.stats().distinct() > 1 << 17, mem.stats().toString());
    for (int workers = 1; workers <= 2; workers++) {
      assertSameAsInMemory(model, workers);
    }
  }

  @Test
  void statesTheCodecCannotWriteStayOnTheHeap() throws IOException {
    assertSameAsInMemory(slideWithInfiniteSets(), 1);
  }

  @Test
  void aSmallQueueBudgetSpillsInAutoMode() throws IOException {
    CheckOptions auto = CheckOptions.defaults().withSpill(SpillMode.AUTO).withQueueMemory(1)
        .withMetaDir(meta);
    ModelChecker mc = new ModelChecker(new SlideModel(), auto, new SearchListener() {}, Output.NONE);
    CheckResult r = mc.run();
    ModelCheckerTest.assertCounts(r, 483_841, 181_440, 0, 32);
    assertTrue(r.memory().bytesSpilled() > 0);
    assertNoSpillDirectoryLeft();
  }

  @Test
  void theSpillDirectoryExistsDuringTheCheckAndIsGoneAfterACancel() throws Exception {
    CountDownLatch level5 = new CountDownLatch(1);
    AtomicBoolean sawFiles = new AtomicBoolean();
    SearchListener listener = new SearchListener() {
      @Override
      public void levelDone(SearchStats stats) {
        if (stats.depth() == 5) {
          try (Stream<Path> s = Files.walk(meta)) {
            sawFiles.set(s.anyMatch(Files::isRegularFile));
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
          level5.countDown();
        }
      }
    };
    ModelChecker mc = new ModelChecker(new SlideModel(), spilling(2), listener, Output.NONE);
    CompletableFuture<CheckResult> f = CompletableFuture.supplyAsync(mc::run);
    assertTrue(level5.await(1, TimeUnit.MINUTES));
    mc.cancel();
    assertEquals(Verdict.CANCELLED, f.get(1, TimeUnit.MINUTES).verdict());
    assertTrue(sawFiles.get(), "no spill file while spilling");
    assertNoSpillDirectoryLeft();
  }

  @Test
  void anUnusableMetaDirIsASystemErrorNamingIt() throws IOException {
    Path file = Files.writeString(meta.resolve("not-a-dir"), "x");
    CheckOptions bad = CheckOptions.defaults().withSpill(SpillMode.ALWAYS).withMetaDir(file.resolve("sub"));
    CheckResult r = ModelCheckerTest.run(new CountersModel(10, 3), bad).result();
    assertEquals(Verdict.SYSTEM_ERROR, r.verdict());
    assertEquals(153, r.exitCode());
    assertTrue(r.firstFailure().message().contains(file.toString()), r.firstFailure().message());
    CheckResult never = ModelCheckerTest.run(new CountersModel(10, 3),
        bad.withSpill(SpillMode.NEVER)).result();
    assertEquals(Verdict.SUCCESS, never.verdict());
  }

  @Test
  void twoSpillingChecksRunAtOnceInOneJvm() throws Exception {
    CompletableFuture<CheckResult> a = CompletableFuture.supplyAsync(
        () -> new ModelChecker(new SlideModel(), spilling(1), new SearchListener() {}, Output.NONE).run());
    CompletableFuture<CheckResult> b = CompletableFuture.supplyAsync(
        () -> new ModelChecker(slideWithInvariant(), spilling(2), new SearchListener() {}, Output.NONE).run());
    ModelCheckerTest.assertCounts(a.get(2, TimeUnit.MINUTES), 483_841, 181_440, 0, 32);
    CheckResult rb = b.get(2, TimeUnit.MINUTES);
    assertEquals(summary(ModelCheckerTest.run(slideWithInvariant(), inMemory(2)).result(), 2),
        summary(rb, 2));
    assertNoSpillDirectoryLeft();
    assertFalse(rb.firstFailure().trace().isEmpty());
  }
}
