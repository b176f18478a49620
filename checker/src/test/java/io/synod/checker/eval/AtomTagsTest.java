package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.LivenessModel;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SuccessorSink;
import io.synod.checker.value.Fingerprints;
import io.synod.checker.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The action atoms decided from the tags the search's successor generation gives its steps
 * ({@link CallMemo#tags}) equal the atoms evaluated from scratch, on every step and stuttering
 * step of specs made to trip each way the tags could go wrong: one successor made by two
 * applications, an application whose steps the rest of the next-state relation drops, a
 * subscript that is a part of the variables, applications the search reaches only behind a
 * guard or with a variable already assigned.
 */
class AtomTagsTest {

  /** What one comparison saw: steps compared, atoms decided from tags somewhere, fallbacks. */
  record Seen(int steps, long planned, long tagged, int fallbacks) {}

  /**
   * Explores the spec breadth-first as the search does with liveness (expanding, successors
   * with their tags, fingerprints given), comparing every atom with a second context that
   * evaluates it from scratch.
   */
  private static Seen compare(String module, String cfg) throws Exception {
    CompiledSpec spec = Fixtures.inline(module, cfg, new ArrayList<>());
    ModelConfig config = ConfigReader.read("Test.cfg", cfg);
    EvalModel model = new EvalModel(spec, config);
    LivenessModel live = model.liveness();
    EvalContext tagged = new EvalContext(0, Output.NONE);
    EvalContext fresh = new EvalContext(1, Output.NONE);
    Fingerprints fps = Fingerprints.family(0);
    List<Value[]> init = new ArrayList<>();
    model.initialStates(tagged, init::add);
    Set<List<Value>> seen = new HashSet<>();
    ArrayDeque<Value[]> todo = new ArrayDeque<>(init);
    int steps = 0;
    long taggedSomewhere = 0;
    long planned = 0;
    int fallbacks = 0;
    while (!todo.isEmpty()) {
      Value[] s = todo.poll();
      if (!seen.add(Arrays.asList(s))) {
        continue;
      }
      List<Value[]> succ = new ArrayList<>();
      long[] tags = new long[64];
      live.expanding(s, 0, tagged);
      model.successors(s, tagged, new SuccessorSink() {
        @Override
        public boolean accept(Value[] t, ActionLabel a) {
          return accept(t, a, 0);
        }

        @Override
        public boolean accept(Value[] t, ActionLabel a, long tag) {
          tags[succ.size()] = tag;
          succ.add(t);
          return true;
        }
      });
      long[] prints = new long[succ.size()];
      for (int k = 0; k < prints.length; k++) {
        prints[k] = fps.ofState(succ.get(k));
      }
      live.successors(prints, tags, prints.length, 0, tagged);
      assertEquals(live.actionAtoms(s, s, fresh), live.actionAtoms(s, s, fps.ofState(s), 0, tagged),
          "stuttering in " + Arrays.toString(s));
      assertEquals(live.allStateAtoms(s, fresh), live.allStateAtoms(s, tagged),
          "state atoms (ENABLED) of " + Arrays.toString(s));
      for (int k = 0; k < prints.length; k++) {
        Value[] t = succ.get(k);
        assertEquals(live.actionAtoms(s, t, fresh), live.actionAtoms(s, t, prints[k], 0, tagged),
            "step " + Arrays.toString(s) + " -> " + Arrays.toString(t));
        steps++;
        todo.add(t);
      }
      TemporalLowering l = ((Ctx) tagged.local).liveness;
      planned = l.plannedAtoms();
      taggedSomewhere |= l.taggedAtoms();
      if ((planned & ~l.taggedAtoms()) != 0) {
        fallbacks++;
      }
      live.expanding(null, tagged);
    }
    return new Seen(steps, planned, taggedSomewhere, fallbacks);
  }

  /** A and B1 make the same step: its edge carries both (else []<><<B>>_v would fail on it). */
  @Test
  void aSuccessorMadeByTwoApplicationsCarriesBoth() throws Exception {
    String module = xy(
        "A == x' = (x + 1) % 3 /\\ UNCHANGED y",
        "B1 == x' = (x + 1) % 3 /\\ UNCHANGED y",
        "B2 == y' = 1 - y /\\ UNCHANGED x",
        "B == B1 \\/ B2",
        "Next == A \\/ B",
        "Spec == Init /\\ [][Next]_vars /\\ WF_vars(A) /\\ WF_vars(B)",
        "Prop == []<><<B>>_vars /\\ []<><<A>>_vars",
        "====");
    Seen seen = compare(module, "SPECIFICATION Spec\nPROPERTY Prop\n");
    assertTrue(seen.steps() > 5);
    assertNotEquals(0, seen.planned());
    assertEquals(seen.planned(), seen.tagged(), "every planned atom is decided from tags");
    // the property holds: the A-and-B1 edges count as B steps
    assertEquals(io.synod.checker.engine.Verdict.SUCCESS, check(module, "SPECIFICATION Spec\nPROPERTY Prop\n", 1).verdict());
  }

  /**
   * C(n)'s steps are dropped by the condition after it in Next when y = 0: ENABLED <<C(1)>>_v
   * is about C(1) alone, and the step C(1) makes is still one of C(1) when A makes it.
   */
  @Test
  void enabledComesFromTheApplicationNotFromWhatNextKeeps() throws Exception {
    String module = xy(
        "A == x' = (x + 1) % 3 /\\ UNCHANGED y",
        "C(n) == x' = n /\\ y' = y",
        "Flip == y' = 1 - y /\\ UNCHANGED x",
        "Next == \\/ A",
        "        \\/ Flip",
        "        \\/ \\E n \\in 0..2 : C(n) /\\ (n # 1 \\/ y = 1)",
        "Spec == Init /\\ [][Next]_vars /\\ \\A n \\in 0..2 : WF_vars(C(n))",
        "        /\\ WF_vars(\\E k \\in 0..2 : k # 2 /\\ C(k))",
        "Prop == <>(x = 1)",
        "====");
    Seen seen = compare(module, "SPECIFICATION Spec\nPROPERTY Prop\n");
    assertTrue(seen.steps() > 5);
    assertEquals(seen.planned(), seen.tagged());
  }

  /** [A]_v and <<A>>_v with v one of the variables, on steps, stuttering and self loops. */
  @Test
  void aSubscriptOfSomeVariables() throws Exception {
    String module = xy(
        "A == x' = (x + 1) % 3 /\\ UNCHANGED y",
        "Flip == y' = 1 - y /\\ x' \\in {x, 0}",
        "Stay == UNCHANGED vars",
        "Next == A \\/ Flip \\/ Stay",
        "Spec == Init /\\ [][Next]_vars /\\ WF_y(Flip) /\\ SF_x(Flip) /\\ WF_x(A)",
        "        /\\ <>[][Flip]_y /\\ <>[][A]_x",
        "Prop == []<><<Flip>>_x",
        "====");
    Seen seen = compare(module, "SPECIFICATION Spec\nPROPERTY Prop\n");
    assertTrue(seen.steps() > 5);
    assertEquals(seen.planned(), seen.tagged());
  }

  /**
   * D is applied by the search only where x = 2, E only with x' assigned before it, F never
   * (Next does not use it): elsewhere their atoms are decided without tags, and they are true
   * there (D and E are enabled in states where the search does not apply them).
   */
  @Test
  void applicationsTheSearchDidNotRunAreEvaluated() throws Exception {
    String module = xy(
        "A == x' = (x + 1) % 3 /\\ UNCHANGED y",
        "D == y = 0 /\\ y' = 1 /\\ UNCHANGED x",
        "E == x' \\in {1, 2} /\\ y' = 0",
        "F == x' = x /\\ y' = 1 - y",
        "Next == \\/ A",
        "        \\/ x = 2 /\\ D",
        "        \\/ x' = 2 /\\ E",
        "Spec == Init /\\ [][Next]_vars /\\ WF_vars(A) /\\ WF_vars(D) /\\ SF_vars(E) /\\ WF_vars(F)",
        "Prop == []<>(y = 1)",
        "====");
    Seen seen = compare(module, "SPECIFICATION Spec\nPROPERTY Prop\n");
    assertTrue(seen.steps() > 5);
    assertTrue(seen.fallbacks() > 0, "some states decide a planned atom without tags");
    assertNotEquals(0, seen.tagged());
  }

  /**
   * With VIEW the graph's states are views: A and B make two successors with one view, and
   * each edge carries only its own step's atoms (a B-only cycle violates []<><<A>>_vars),
   * decided on the step itself: merging the tags of a view's successors would make every edge
   * an A step, looking them up by the view's fingerprint would make none a step of A or B.
   */
  @Test
  void withViewEachSuccessorKeepsItsOwnAtoms() {
    String module = xy(
        "A == x' = 1 - x /\\ y' = 0",
        "B == x' = 1 - x /\\ y' = 1",
        "Next == A \\/ B",
        "Spec == Init /\\ [][Next]_vars /\\ WF_vars(A \\/ B)",
        "Prop == []<><<A>>_vars",
        "Steps == []<><<A \\/ B>>_vars",
        "View == x",
        "====");
    String cfg = "SPECIFICATION Spec\nPROPERTY Prop\n";
    assertEquals(io.synod.checker.engine.Verdict.LIVENESS, check(module, cfg, 1).verdict());
    assertEquals(io.synod.checker.engine.Verdict.LIVENESS, check(module, cfg + "VIEW View\n", 1).verdict());
    String steps = "SPECIFICATION Spec\nPROPERTY Steps\n";
    assertEquals(io.synod.checker.engine.Verdict.SUCCESS, check(module, steps, 1).verdict());
    assertEquals(io.synod.checker.engine.Verdict.SUCCESS, check(module, steps + "VIEW View\n", 1).verdict());
  }

  /** The same verdict and graph with 1 and 2 workers, and with two checks at once in one JVM. */
  @Test
  void workersAndConcurrentChecksAgree() throws Exception {
    String module = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES pc, n",
        "vars == <<pc, n>>",
        "P == {1, 2, 3}",
        "Init == pc = [p \\in P |-> 0] /\\ n = 0",
        "Go(p) == pc[p] = 0 /\\ pc' = [pc EXCEPT ![p] = 1] /\\ n' = (n + 1) % 4",
        "Back(p) == pc[p] = 1 /\\ pc' = [pc EXCEPT ![p] = 0] /\\ UNCHANGED n",
        "Proc(p) == Go(p) \\/ Back(p)",
        "Next == \\E p \\in P : Proc(p)",
        "Spec == Init /\\ [][Next]_vars /\\ \\A p \\in P : WF_vars(Proc(p))",
        "Prop == \\A p \\in P : []<>(pc[p] = 1)",
        "Bad == \\A p \\in P : <>[](pc[p] = 1)",
        "====");
    String cfg = "SPECIFICATION Spec\nPROPERTY Prop\n";
    assertEquals(compare(module, cfg).planned(), compare(module, cfg).tagged());
    CompletableFuture<CheckResult> a = CompletableFuture.supplyAsync(() -> check(module, cfg, 2));
    CompletableFuture<CheckResult> b = CompletableFuture.supplyAsync(() -> check(module, cfg, 2));
    CheckResult one = check(module, cfg, 1);
    assertEquals(io.synod.checker.engine.Verdict.SUCCESS, one.verdict());
    for (CheckResult r : List.of(a.get(), b.get())) {
      assertEquals(one.verdict(), r.verdict());
      assertEquals(one.stats().distinct(), r.stats().distinct());
    }
    String bad = "SPECIFICATION Spec\nPROPERTY Bad\n";
    assertEquals(io.synod.checker.engine.Verdict.LIVENESS, check(module, bad, 1).verdict());
    assertEquals(io.synod.checker.engine.Verdict.LIVENESS, check(module, bad, 2).verdict());
  }

  /** A module with variables x and y, both 0 initially, and {@code vars}; then {@code lines}. */
  private static String xy(String... lines) {
    return String.join("\n", "---- MODULE Test ----", "EXTENDS Naturals", "VARIABLES x, y",
        "vars == <<x, y>>", "Init == x = 0 /\\ y = 0", String.join("\n", lines));
  }

  private static CheckResult check(String module, String cfg, int workers) {
    try {
      CompiledSpec spec = Fixtures.inline(module, cfg, new ArrayList<>());
      EvalModel model = new EvalModel(spec, ConfigReader.read("Test.cfg", cfg));
      return new ModelChecker(model, CheckOptions.defaults().withWorkers(workers).withFpIndex(0),
          new SearchListener() {}, Output.NONE).run();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
