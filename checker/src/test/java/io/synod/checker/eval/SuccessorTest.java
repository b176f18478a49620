package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Initial states and successors of small specs: counts, order and action labels. */
class SuccessorTest {

  private static final String SPEC = String.join("\n",
      "---- MODULE Test ----",
      "EXTENDS Naturals",
      "VARIABLES x, y",
      "Init == /\\ x \\in 1..3",
      "        /\\ y = x * 10",
      "Inc(d) == /\\ x < 3",
      "          /\\ x' = x + d",
      "          /\\ UNCHANGED y",
      "Next == \\/ \\E d \\in {2, 1} : Inc(d)",
      "        \\/ x = 3 /\\ x' = 0 /\\ y' = y",
      "====");

  private static CompiledSpec spec(String text) {
    return Fixtures.inline(text, "INIT Init\nNEXT Next\n", new ArrayList<>());
  }

  private static List<String> states(List<Value[]> l) {
    List<String> out = new ArrayList<>();
    for (Value[] s : l) {
      out.add(java.util.Arrays.toString(s));
    }
    return out;
  }

  @Test
  void initialStatesInEnumerationOrder() {
    CompiledSpec s = spec(SPEC);
    List<Value[]> inits = new ArrayList<>();
    s.initialStates(s.newContext(0, EvalHost.silent()), (st, a) -> {
      assertEquals(ActionInfo.INITIAL, a);
      inits.add(st);
    });
    assertEquals(List.of("[1, 10]", "[2, 20]", "[3, 30]"), states(inits));
  }

  @Test
  void actionsAreSplitAndNamedLikeTlc() {
    CompiledSpec s = spec(SPEC);
    List<String> labels = s.actions().stream().map(ActionInfo::label).toList();
    assertEquals(List.of(
        "Inc(1) line 6, col 11 to line 8, col 24 of module Test",
        "Inc(2) line 6, col 11 to line 8, col 24 of module Test",
        "Next line 10, col 12 to line 10, col 36 of module Test"), labels);
  }

  @Test
  void successorsInActionOrderWithTheirActions() {
    CompiledSpec s = spec(SPEC);
    Ctx c = s.newContext(0, EvalHost.silent());
    List<Value[]> next = new ArrayList<>();
    List<String> names = new ArrayList<>();
    s.successors(c, new Value[] {io.synod.checker.value.IntValue.of(1), io.synod.checker.value.IntValue.of(10)},
        (st, a) -> {
          next.add(st);
          names.add(a.name() + a.arguments());
        });
    assertEquals(List.of("[2, 10]", "[3, 10]"), states(next));
    assertEquals(List.of("Inc[1]", "Inc[2]"), names);
    next.clear();
    s.successors(c, new Value[] {io.synod.checker.value.IntValue.of(3), io.synod.checker.value.IntValue.of(30)},
        (st, a) -> next.add(st));
    assertEquals(List.of("[0, 30]"), states(next));
  }

  @Test
  void unassignedVariableIsAnError() {
    String text = SPEC.replace("\\/ x = 3 /\\ x' = 0 /\\ y' = y", "\\/ x = 3 /\\ x' = 0");
    CompiledSpec s = spec(text);
    Ctx c = s.newContext(0, EvalHost.silent());
    EvalException e = assertThrows(EvalException.class, () -> s.successors(c,
        new Value[] {io.synod.checker.value.IntValue.of(3), io.synod.checker.value.IntValue.of(30)}, (st, a) -> { }));
    assertTrue(e.getMessage().startsWith("Successor state is not completely specified by action Next"),
        e.getMessage());
  }

  @Test
  void primedEqualityTestsWhenAlreadyAssigned() {
    String text = SPEC.replace("/\\ UNCHANGED y", "/\\ UNCHANGED y /\\ x' = 3");
    CompiledSpec s = spec(text);
    List<Value[]> next = new ArrayList<>();
    s.successors(s.newContext(0, EvalHost.silent()),
        new Value[] {io.synod.checker.value.IntValue.of(1), io.synod.checker.value.IntValue.of(10)},
        (st, a) -> next.add(st));
    assertEquals(List.of("[3, 10]"), states(next));
  }

  /**
   * A definition's parameter passed a variable ({@code Set(x, 0)}, {@code Set(x', x + 1)},
   * {@code Pick(x, S)}) assigns that variable, in the initial predicate and in the next-state
   * relation, as TLC finds the variable behind the parameter; UNCHANGED through a parameter too.
   */
  @Test
  void aParameterPassedAVariableAssignsIt() {
    String text = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "Set(v, n) == v = n",
        "Pick(v, S) == v \\in S",
        "Keep(v) == UNCHANGED v",
        "Init == Set(x, 0) /\\ Pick(y, {1, 2})",
        "Next == x < 2 /\\ Set(x', x + 1) /\\ (Keep(y) \\/ Pick(y', {5}))",
        "====");
    CompiledSpec s = spec(text);
    List<Value[]> inits = new ArrayList<>();
    s.initialStates(s.newContext(0, EvalHost.silent()), (st, a) -> inits.add(st));
    assertEquals(List.of("[0, 1]", "[0, 2]"), states(inits));
    List<Value[]> next = new ArrayList<>();
    s.successors(s.newContext(0, EvalHost.silent()), inits.get(0), (st, a) -> next.add(st));
    assertEquals(List.of("[1, 1]", "[1, 5]"), states(next));
  }

  /** The successors of the state x = {@code x}, y = {@code y} of a spec with variables x, y. */
  private static List<String> successorsOf(String text, int x, int y) {
    CompiledSpec s = spec(text);
    List<Value[]> next = new ArrayList<>();
    s.successors(s.newContext(0, EvalHost.silent()),
        new Value[] {io.synod.checker.value.IntValue.of(x), io.synod.checker.value.IntValue.of(y)},
        (st, a) -> next.add(st));
    return states(next);
  }

  @Test
  void aPrimedVariablePassedToAnOperatorIsAssignedByTheParametersEquation() {
    // TLC passes arguments unevaluated: in Set(x', d), new = old + d assigns x' (and \in chooses)
    String text = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "Set(new, d) == new = d + 1",
        "Pick(new, S) == new \\in S",
        "Init == x = 0 /\\ y = 0",
        "Next == Set(x', y) /\\ Pick(y', {x', 7})",
        "====");
    assertEquals(List.of("[3, 3]", "[3, 7]"), successorsOf(text, 4, 2));
  }

  @Test
  void unchangedTakesATupleWithExpressionsPartByPart() {
    // TLC assigns y' from the first part, then compares (y + x)' with y + x: only x' = x passes
    String text = String.join("\n",
        "---- MODULE Test ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "Init == x = 0 /\\ y = 0",
        "Next == x' \\in {1, 4} /\\ UNCHANGED <<y, <<y + x>>>>",
        "====");
    assertEquals(List.of("[4, 2]"), successorsOf(text, 4, 2));
  }
}
