package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.config.ConfigReader;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.ModelChecker;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.Simulator;
import io.synod.checker.engine.Verdict;
import io.synod.checker.value.IntValue;
import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** TLCExt's operators that look at evaluation and search: AssertError, TLCDefer, PickSuccessor, Trace, TLCFP. */
class TlcExtNativesTest {

  private static final String HEAD = "---- MODULE Test ----\nEXTENDS Integers, Sequences, TLC, TLCExt\nVARIABLE x\n";

  private static Value eval(String defs, String expr, EvalHost host) {
    CompiledSpec spec = Fixtures.inline(HEAD + "Init == x = 0\nNext == x' = x\n" + defs + "\nE == " + expr
        + "\n====\n", "INIT Init\nNEXT Next\n", new ArrayList<>());
    Ctx c = spec.newContext(0, host);
    return spec.evaluate(spec.definition("E"), c, new Value[] {IntValue.ZERO}, null);
  }

  private static String show(String expr) {
    return eval("", expr, EvalHost.silent()).toString();
  }

  @Test
  void assertErrorComparesTheWholeMessage() {
    String message = "\"The first argument of Assert evaluated to FALSE; the second argument was:\\n\\\"boom\\\"\"";
    assertEquals("TRUE", show("AssertError(" + message + ", Assert(FALSE, \"boom\"))"));
    assertEquals("FALSE", show("AssertError(\"boom\", Assert(FALSE, \"boom\"))"));
    // no error at all: FALSE, and the expression's value is not needed
    assertEquals("FALSE", show("AssertError(\"boom\", 1 + 1)"));
    assertEquals("TRUE", show("AssertError(\"Attempted to apply Head to the empty sequence.\", Head(<<>>))"));
  }

  @Test
  void assertErrorWantsAStringForTheMessage() {
    EvalException e = assertThrows(EvalException.class, () -> show("AssertError(1, Head(<<>>))"));
    assertTrue(e.getMessage().startsWith("In computing AssertError, a non-string expression (1)"), e.getMessage());
  }

  @Test
  void tlcDeferDoesNotEvaluateItsExpressionInBreadthFirstSearch() {
    List<String> printed = new ArrayList<>();
    EvalHost host = printed::add;
    assertEquals("TRUE", eval("", "TLCDefer(PrintT(\"late\"))", host).toString());
    assertEquals(List.of(), printed);
  }

  @Test
  void tlcFpIsEqualForEqualValues() {
    assertEquals("TRUE", show("TLCFP({1, 2}) = TLCFP({2, 1}) /\\ TLCFP([a |-> 1]) = TLCFP(\"a\" :> 1)"));
    assertEquals("TRUE", show("TLCFP(<<1, 2>>) # TLCFP(<<2, 1>>) /\\ TLCFP(1) \\in Int"));
  }

  @Test
  void pickSuccessorAsksOnlyForAStepWhoseConditionIsFalse() {
    List<String> asked = new ArrayList<>();
    String spec = HEAD + "Init == x = 0\nNext == x' \\in {1, 2} /\\ PickSuccessor(x' = 1)\n====\n";
    List<String> answers = new ArrayList<>(List.of("n"));
    EvalHost host = new EvalHost() {
      @Override
      public void print(String text) {
      }

      @Override
      public String ask(String question) {
        asked.add(question);
        return answers.isEmpty() ? null : answers.remove(0);
      }
    };
    // x' = 2 is asked about and refused; x' = 1 needs no question
    assertEquals(List.of("[1]"), Fixtures.successors(spec, host, IntValue.ZERO));
    assertEquals(List.of("Extend behavior of length 0 with a step? (Yes/no/states):"), asked);
    // no answer (end of input) keeps the step
    assertEquals(List.of("[1]", "[2]"), Fixtures.successors(spec, host, IntValue.ZERO));
  }

  @Test
  void traceOutsideAStateIsAnError() {
    EvalException e = assertThrows(EvalException.class, () -> {
      CompiledSpec spec = Fixtures.inline(HEAD + "Init == x = 0\nNext == x' = x\nE == Trace\n====\n",
          "INIT Init\nNEXT Next\n", new ArrayList<>());
      spec.evaluate(spec.definition("E"), spec.newContext(0, EvalHost.silent()), new Value[] {null}, null);
    });
    assertEquals("In evaluating TLCExt!Trace, the state is not completely specified yet (variable x undefined).",
        e.getMessage());
  }

  /** A counter whose invariant, action and constraint each check Trace against its definition. */
  private static final String COUNTER = HEAD
      + "Init == x = 0\n"
      + "Next == /\\ x < 4\n"
      + "        /\\ Len(Trace) = TLCGet(\"level\") /\\ Trace[Len(Trace)].x = x\n"
      + "        /\\ x' \\in {x + 1, x + 2}\n"
      + "Path == Len(Trace) >= 1 /\\ Trace[1].x = 0 /\\ Trace[Len(Trace)].x = x\n"
      + "        /\\ \\A i \\in 1 .. Len(Trace) - 1 : Trace[i + 1].x - Trace[i].x \\in {1, 2}\n"
      + "Bounded == Len(Trace) <= x + 1\n"
      + "====\n";

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void traceIsTheBehaviourToTheCurrentStateInBreadthFirstSearch(int workers) throws Exception {
    CompiledSpec compiled = Fixtures.inline(COUNTER, "INIT Init\nNEXT Next\nINVARIANT Path\nCONSTRAINT Bounded\n",
        new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg",
        "INIT Init\nNEXT Next\nINVARIANT Path\nCONSTRAINT Bounded\n"));
    CheckResult r = new ModelChecker(model, CheckOptions.defaults().withWorkers(workers).withDeadlockOff(true),
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.firstFailure()));
    assertEquals(6, r.stats().distinct());
  }

  @Test
  void traceInAnInvariantIsReportedAtTheViolation() throws Exception {
    String cfg = "INIT Init\nNEXT Next\nINVARIANT Short\n";
    CompiledSpec compiled = Fixtures.inline(COUNTER.replace("====\n", "Short == Len(Trace) < 3\n====\n"), cfg,
        new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    CheckResult r = new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, Output.NONE).run();
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertEquals(3, r.firstFailure().trace().size());
  }

  @Test
  void traceIsTheBehaviourSoFarInSimulation() throws Exception {
    String cfg = "INIT Init\nNEXT Next\nINVARIANT Path\n";
    CompiledSpec compiled = Fixtures.inline(COUNTER, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    Simulator.SimulationResult r = new Simulator(model, true, Output.NONE).run(20, 10, 7);
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failure()));
    assertNull(r.failure());
  }

  private static CheckResult checkWithPostcondition(String invariant, String post, boolean continueAfterError)
      throws Exception {
    String cfg = "INIT Init\nNEXT Next\nINVARIANT Small\nPOSTCONDITION Post\n";
    String spec = HEAD.replace("EXTENDS ", "EXTENDS FiniteSets, ") + "Init == x = 0\nNext == x < 2 /\\ x' = x + 1\n"
        + "Small == " + invariant + "\nPost == " + post + "\n====\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    return new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true)
        .withContinue(continueAfterError), new SearchListener() {}, Output.NONE).run();
  }

  @Test
  void counterExampleInAPostconditionIsTheViolationsBehaviour() throws Exception {
    // -continue: the violation x = 2 is reported and the postcondition sees its behaviour 0, 1, 2
    String shape = "LET ce == CounterExample IN "
        + "Cardinality(ce.state) = 3 /\\ Cardinality(ce.action) = 2 /\\ ToTrace(ce) = <<[x |-> 0], [x |-> 1], [x |-> 2]>>"
        + " /\\ \\A e \\in ce.action : e[1][1] + 1 = e[3][1] /\\ e[2].name = \"Next\" /\\ e[2].location.module = \"Test\"";
    CheckResult r = checkWithPostcondition("x < 2", shape, true);
    assertTrue(r.failures().stream().noneMatch(f -> f.verdict() == Verdict.POSTCONDITION),
        String.valueOf(r.failures()));
    CheckResult wrong = checkWithPostcondition("x < 2", "Cardinality(CounterExample.state) = 2", true);
    assertTrue(wrong.failures().stream().anyMatch(f -> f.verdict() == Verdict.POSTCONDITION));
  }

  @Test
  void thePostconditionIsEvaluatedAfterAViolationWithoutContinueToo() throws Exception {
    // as TLC: the search stops at the violation, then the POSTCONDITION reads its behaviour
    CheckResult r = checkWithPostcondition("x < 2", "ToTrace(CounterExample) = <<[x |-> 0], [x |-> 1], [x |-> 2]>>", false);
    assertEquals(Verdict.INVARIANT, r.verdict());
    assertTrue(r.failures().stream().noneMatch(f -> f.verdict() == Verdict.POSTCONDITION),
        String.valueOf(r.failures()));
    CheckResult wrong = checkWithPostcondition("x < 2", "Cardinality(CounterExample.state) = 2", false);
    assertEquals(Verdict.INVARIANT, wrong.verdict());
    assertTrue(wrong.failures().stream().anyMatch(f -> f.verdict() == Verdict.POSTCONDITION),
        String.valueOf(wrong.failures()));
  }

  /** A liveness violation of {@code Prop} under {@code Spec}, then the POSTCONDITION {@code Post}. */
  private static CheckResult checkLiveness(String defs, String post) throws Exception {
    String cfg = "SPECIFICATION Spec\nPROPERTY Prop\nPOSTCONDITION Post\n";
    String spec = HEAD.replace("EXTENDS ", "EXTENDS FiniteSets, ") + defs + "\nPost == " + post + "\n====\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    return new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, Output.NONE).run();
  }

  private static void assertPostconditionHolds(CheckResult r) {
    assertEquals(Verdict.LIVENESS, r.verdict(), String.valueOf(r.failures()));
    assertTrue(r.failures().stream().noneMatch(f -> f.verdict() == Verdict.POSTCONDITION),
        String.valueOf(r.failures()));
  }

  @Test
  void counterExampleOfALassoEndingInStutteringHoldsTheLastStatesStepToItself() throws Exception {
    // as TLC's (ExamplesBlockingQueuePoisonAppleTest): the stuttering end is a step from the last
    // state to itself, named after the action that led to that state; an operator's application
    // carries its parameters' names and values
    String defs = "Inc(n, m) == x < 2 /\\ x' = x + n + m - m\n"
        + "Spec == x = 0 /\\ [][\\E k \\in {1} : Inc(k, 5)]_x /\\ WF_x(Inc(1, 5))\n"
        + "Prop == []<>(x = 0)\n"
        + "Act == [name |-> \"Inc\", location |-> [beginLine |-> 4, beginColumn |-> 14, endLine |-> 4,"
        + " endColumn |-> 40, module |-> \"Test\"], context |-> [n |-> 1, m |-> 5], parameters |-> <<\"n\", \"m\">>]";
    String post = "CounterExample = [state |-> {<<1, [x |-> 0]>>, <<2, [x |-> 1]>>, <<3, [x |-> 2]>>},"
        + " action |-> {<<<<1, [x |-> 0]>>, Act, <<2, [x |-> 1]>>>>, <<<<2, [x |-> 1]>>, Act, <<3, [x |-> 2]>>>>,"
        + " <<<<3, [x |-> 2]>>, Act, <<3, [x |-> 2]>>>>}]";
    assertPostconditionHolds(checkLiveness(defs, post));
  }

  @Test
  void counterExampleOfALassoBackToAStateHoldsTheStepBack() throws Exception {
    // x goes 0, 1, 2, 1, 2, ...: the step from the last state back into the loop is part of it
    String defs = "Next == x' = IF x = 2 THEN 1 ELSE x + 1\n"
        + "Spec == x = 0 /\\ [][Next]_x /\\ WF_x(Next)\n"
        + "Prop == <>[](x = 0)";
    String post = "LET ce == CounterExample IN Cardinality(ce.state) = 3 /\\ Cardinality(ce.action) = 3"
        + " /\\ {<<e[1][1], e[3][1]>> : e \\in ce.action} = {<<1, 2>>, <<2, 3>>, <<3, 2>>}"
        + " /\\ \\A e \\in ce.action : e[2].name = \"Next\" /\\ DOMAIN e[2] = {\"name\", \"location\"}";
    assertPostconditionHolds(checkLiveness(defs, post));
  }

  @Test
  void counterExampleWithoutAViolationIsEmpty() throws Exception {
    CheckResult r = checkWithPostcondition("TRUE", "CounterExample = [action |-> {}, state |-> {}]", false);
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
  }

  @Test
  void shiVizGivesEachStateItsHostAndVectorClock() throws Exception {
    String spec = "---- MODULE Test ----\nEXTENDS Naturals, Sequences, TLC, ShiViz\nVARIABLE pc\n"
        + "Tr == <<[pc |-> [p1 |-> \"a\", p2 |-> \"a\"]], [pc |-> [p1 |-> \"b\", p2 |-> \"a\"]],\n"
        + "        [pc |-> [p1 |-> \"b\", p2 |-> \"b\"]], [pc |-> [p1 |-> \"c\", p2 |-> \"b\"]]>>\n"
        + "Init == pc = Tr[1].pc\n"
        + "Next == TLCGet(\"level\") < Len(Tr) /\\ pc' = Tr[TLCGet(\"level\") + 1].pc\n"
        + "Shown == PrintT(<<TLCGet(\"level\"), Host, Clock>>)\n====\n";
    String cfg = "INIT Init\nNEXT Next\nINVARIANT Shown\nCONSTANT _TETrace <- Tr\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    List<String> printed = new ArrayList<>();
    CheckResult r = new ModelChecker(model, CheckOptions.defaults().withWorkers(1).withDeadlockOff(true),
        new SearchListener() {}, line -> printed.add(line)).run();
    assertEquals(Verdict.SUCCESS, r.verdict(), String.valueOf(r.failures()));
    assertEquals(List.of("<<1, \"--\", \"{\\\"p1\\\":0,\\\"p2\\\":0}\">>",
        "<<2, \"p1\", \"{\\\"p1\\\":1,\\\"p2\\\":0}\">>",
        "<<3, \"p2\", \"{\\\"p1\\\":1,\\\"p2\\\":1}\">>",
        "<<4, \"p1\", \"{\\\"p1\\\":2,\\\"p2\\\":1}\">>"), printed);
  }

  @Test
  void tlcDeferInSimulationRunsOnlyForTheChosenSuccessor() throws Exception {
    String cfg = "INIT Init\nNEXT Next\n";
    String spec = HEAD + "Init == x = 0\n"
        + "Next == \\/ x' = x + 1 /\\ TLCDefer(PrintT(<<x, x'>>))\n"
        + "        \\/ x' = x + 100 /\\ TLCDefer(PrintT(<<x, x'>>))\n====\n";
    CompiledSpec compiled = Fixtures.inline(spec, cfg, new ArrayList<>());
    EvalModel model = new EvalModel(compiled, ConfigReader.read("Test.cfg", cfg));
    List<String> printed = new ArrayList<>();
    Simulator.SimulationResult r = new Simulator(model, true, line -> printed.add(line)).run(1, 6, 11);
    assertEquals(Verdict.SUCCESS, r.verdict());
    // one line per step of the one behaviour (-depth 6 is six steps, as TLC's simulator takes
    // them), each step starting where the previous one ended
    assertEquals(6, printed.size(), String.valueOf(printed));
    String from = "0";
    for (String line : printed) {
      String[] xy = line.replaceAll("[<> ]", "").split(",");
      assertEquals(from, xy[0], String.valueOf(printed));
      long step = Long.parseLong(xy[1]) - Long.parseLong(xy[0]);
      assertTrue(step == 1 || step == 100, line);
      from = xy[1];
    }
  }
}
