package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.LivenessModel;
import io.synod.checker.engine.Output;
import io.synod.checker.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The atoms of a step are the same whether the enumerations that decide them replay the steps
 * the search's own successor generation kept ({@link CallMemo}) or evaluate every action from
 * scratch: checked on every step of a spec whose fairness conditions apply the operators of the
 * next-state relation (split by the search, called at run time through a variable domain, and
 * wrapped in other operators and guards, with constant and state-dependent arguments), and
 * whose {@code <>[][A]_v} applies them again.
 */
class CallMemoTest {

  private static final String MODULE = String.join("\n",
      "---- MODULE Test ----",
      "EXTENDS Naturals, FiniteSets",
      "VARIABLES x, msgs, done",
      "vars == <<x, msgs, done>>",
      "Init == x = 0 /\\ msgs = {} /\\ done = {}",
      "Inc(i) == x < 3 /\\ x' = x + i /\\ msgs' = msgs \\cup {x + i} /\\ UNCHANGED done",
      "Recv(m) == \\/ done' = done \\cup {m} /\\ UNCHANGED <<x, msgs>>",
      "           \\/ msgs' = msgs \\ {m} /\\ UNCHANGED <<x, done>>",
      "Idle == UNCHANGED vars",
      "Guarded(i) == i # 2 /\\ Inc(i)",
      "Small == {1, 2}",
      "Reset(i, S) == i \\in S /\\ x > 2 /\\ x' = 0 /\\ UNCHANGED <<msgs, done>>",
      "ResetSmall(i) == Reset(i, Small)",
      "Halve(n) == x' = n /\\ UNCHANGED <<msgs, done>>",
      "Shrink == x > 1 /\\ \\E n \\in {x \\div 2} : Halve(n)",
      "Next == \\/ \\E i \\in 1..2 : Inc(i)",
      "        \\/ \\E m \\in msgs : Recv(m)",
      "        \\/ \\E i \\in 1..2 : ResetSmall(i)",
      "        \\/ Shrink",
      "        \\/ Idle",
      "Calm == \\/ \\E i \\in 1..2 : Guarded(i) \\/ Inc(i)",
      "        \\/ \\E m \\in msgs : Recv(m)",
      "Spec == Init /\\ [][Next]_vars /\\ <>[][Calm]_vars",
      "        /\\ \\A i \\in 1..2 : WF_vars(Inc(i)) /\\ SF_vars(Guarded(i))",
      "        /\\ WF_vars(\\E m \\in msgs : Recv(m))",
      "        /\\ \\A k \\in 1..2 : WF_vars(ResetSmall(k)) /\\ WF_vars(x # 3 /\\ Reset(k, Small))",
      "        /\\ WF_vars(x > 0 /\\ Halve(x \\div 2))",
      "Done == <>(Cardinality(done) > 1)",
      "====");

  @Test
  void keptStepsDecideTheAtomsAsEvaluatingAfresh() throws Exception {
    CompiledSpec spec = Fixtures.inline(MODULE, "SPECIFICATION Spec\nPROPERTY Done\n",
        new ArrayList<>());
    ModelConfig config = ConfigReader.read("Test.cfg", "SPECIFICATION Spec\nPROPERTY Done\n");
    EvalModel model = new EvalModel(spec, config);
    LivenessModel live = model.liveness();
    assertTrue(live.actionAtomCount() > 0);
    EvalContext kept = new EvalContext(0, Output.NONE);
    EvalContext fresh = new EvalContext(1, Output.NONE);

    List<Value[]> queue = new ArrayList<>();
    model.initialStates(kept, s -> queue.add(s));
    Set<List<Value>> seen = new HashSet<>();
    ArrayDeque<Value[]> todo = new ArrayDeque<>(queue);
    int steps = 0;
    while (!todo.isEmpty()) {
      Value[] s = todo.poll();
      if (!seen.add(Arrays.asList(s))) {
        continue;
      }
      List<Value[]> succ = new ArrayList<>();
      live.expanding(s, kept);
      model.successors(s, kept, (t, a) -> succ.add(t));
      assertEquals(live.allStateAtoms(s, fresh), live.allStateAtoms(s, kept), "state atoms");
      assertEquals(live.actionAtoms(s, s, fresh), live.actionAtoms(s, s, kept), "stuttering");
      for (Value[] t : succ) {
        assertEquals(live.actionAtoms(s, t, fresh), live.actionAtoms(s, t, kept),
            "step " + Arrays.toString(s) + " -> " + Arrays.toString(t));
        steps++;
        todo.add(t);
      }
      live.expanding(null, kept);
    }
    assertTrue(steps > 20, "the spec has steps to compare");
  }
}
