package io.synod.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The gate's judgement, with a scripted runner instead of the model checker. */
class GateTest {
  private static GateEntry entry(String name, Expectation expect, OptionalLong states,
      Duration budget, String waiting) {
    return new GateEntry(name, Path.of(name + ".tla"), Path.of(name + ".cfg"), expect, states, 1,
        budget, waiting);
  }

  private static GateEntry entry(String name, Expectation expect) {
    return entry(name, expect, OptionalLong.empty(), Duration.ofSeconds(60), null);
  }

  private static RunResult ran(ResultKind kind, String name, long states, long millis) {
    return new RunResult(kind, name, states, Duration.ofMillis(millis), "");
  }

  private static List<GateResult> run(Map<String, RunResult> script, GateEntry... entries)
      throws InterruptedException {
    return new Gate(e -> script.get(e.name()), 2).run(List.of(entries), r -> {});
  }

  @Test
  void matchingOutcomesPass() throws Exception {
    var results = run(Map.of(
            "ok", ran(ResultKind.SUCCESS, null, 10, 5),
            "bug", ran(ResultKind.INVARIANT, "Safety", 7, 5),
            "dead", ran(ResultKind.DEADLOCK, null, 3, 5)),
        entry("ok", Expectation.success()),
        entry("bug", new Expectation(ResultKind.INVARIANT, "Safety")),
        entry("dead", new Expectation(ResultKind.DEADLOCK, null)));
    assertTrue(results.stream().allMatch(GateResult::passed), results.toString());
  }

  @Test
  void aBrokenVariantThatPassesIsADeviation() throws Exception {
    var r = run(Map.of("bug", ran(ResultKind.SUCCESS, null, 7, 5)),
        entry("bug", new Expectation(ResultKind.INVARIANT, "Safety"))).get(0);
    assertFalse(r.passed());
    assertTrue(r.deviations().get(0).contains("was not caught"), r.deviations().toString());
  }

  @Test
  void theWrongNameOrKindIsADeviation() throws Exception {
    var results = run(Map.of(
            "name", ran(ResultKind.INVARIANT, "TypeOK", 7, 5),
            "kind", ran(ResultKind.PROPERTY, "Safety", 7, 5),
            "ok", ran(ResultKind.INVARIANT, "Safety", 7, 5)),
        entry("name", new Expectation(ResultKind.INVARIANT, "Safety")),
        entry("kind", new Expectation(ResultKind.INVARIANT, "Safety")),
        entry("ok", Expectation.success()));
    assertEquals("expected invariant Safety, got invariant TypeOK", results.get(0).deviations().get(0));
    assertEquals("expected invariant Safety, got property Safety", results.get(1).deviations().get(0));
    assertEquals("expected success, got invariant Safety", results.get(2).deviations().get(0));
  }

  @Test
  void stateCountsAreComparedWhenGiven() throws Exception {
    var results = run(Map.of(
            "same", ran(ResultKind.SUCCESS, null, 288, 5),
            "other", ran(ResultKind.SUCCESS, null, 289, 5)),
        entry("same", Expectation.success(), OptionalLong.of(288), Duration.ofSeconds(9), null),
        entry("other", Expectation.success(), OptionalLong.of(288), Duration.ofSeconds(9), null));
    assertTrue(results.get(0).passed());
    assertEquals(List.of("expected 288 distinct states, got 289"), results.get(1).deviations());
  }

  @Test
  void exceedingTheBudgetIsADeviation() throws Exception {
    var results = run(Map.of(
            "slow", ran(ResultKind.SUCCESS, null, 5, 2_000),
            "stopped", ran(ResultKind.BUDGET_EXCEEDED, null, 5, 1_000)),
        entry("slow", Expectation.success(), OptionalLong.empty(), Duration.ofSeconds(1), null),
        entry("stopped", Expectation.success(), OptionalLong.empty(), Duration.ofSeconds(1), null));
    assertEquals(List.of("took 2.00s, over the budget of 1.00s"), results.get(0).deviations());
    assertEquals(List.of("stopped after 1.00s: over the budget of 1.00s"),
        results.get(1).deviations());
  }

  @Test
  void waitingModelsAreSkippedNotRun() throws Exception {
    List<String> ran = new ArrayList<>();
    var results = new Gate(e -> {
      synchronized (ran) {
        ran.add(e.name());
      }
      return ran(ResultKind.SUCCESS, null, 1, 1);
    }, 1).run(List.of(
        entry("live", new Expectation(ResultKind.LIVENESS, "Termination"), OptionalLong.empty(),
            Duration.ofSeconds(1), "liveness checking"),
        entry("safe", Expectation.success())), r -> {});
    assertEquals(List.of("safe"), ran);
    assertTrue(results.get(0).skipped());
    assertTrue(results.get(0).passed());
  }

  @Test
  void resultsKeepManifestOrderWhateverFinishesFirst() throws Exception {
    List<String> order = new ArrayList<>();
    var results = new Gate(e -> {
      if (e.name().equals("first")) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
      }
      return ran(ResultKind.SUCCESS, null, 1, 1);
    }, 3).run(List.of(entry("first", Expectation.success()), entry("second", Expectation.success()),
        entry("third", Expectation.success())), r -> order.add(r.entry().name()));
    assertEquals(List.of("first", "second", "third"), order);
    assertEquals(List.of("first", "second", "third"),
        results.stream().map(r -> r.entry().name()).toList());
  }
}
