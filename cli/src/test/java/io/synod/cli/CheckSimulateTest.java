package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synod check -simulate} by the rules of TLC's simulator (its Simulator and
 * SimulationWorker), on what TLC's own simulation tests assert that does not depend on the order
 * of random draws.
 */
class CheckSimulateTest {
  @TempDir Path dir;

  private Path spec(String name, String body, String cfg) throws IOException {
    Path p = dir.resolve(name + ".tla");
    Files.writeString(p, "---- MODULE " + name + " ----\nEXTENDS Naturals, TLC\n" + body + "\n====\n");
    Files.writeString(dir.resolve(name + ".cfg"), cfg);
    return p;
  }

  private static CliTestSupport.Result run(Path spec, String... flags) {
    String[] args = new String[flags.length + 4];
    args[0] = "check";
    args[1] = "-config";
    args[2] = spec.toString().replace(".tla", ".cfg");
    System.arraycopy(flags, 0, args, 3, flags.length);
    args[args.length - 1] = spec.toString();
    return CliTestSupport.run(args);
  }

  @Test
  void theNumberOfBehavioursTakesTlcsNumSyntaxAndTheSummaryIsTlcs() throws IOException {
    // TLC's Example1Test: -depth 11 is eleven steps; the initial state and every successor
    // generated count as states (1 + 11)
    Path s = spec("Cycle", "VARIABLE x\nInit == x = 0\nNext == x' = (x + 1) % 10",
        "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=3", "-depth", "11", "-seed", "5");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Progress: 34 states checked, 3 traces generated (trace length:"
        + " mean=11, var(x)=0, sd=0)\nThe number of states generated: 34\n"
        + "Simulation using seed 5 and aril 0\n"), r.out());
    assertFalse(r.out().contains("distinct states found"), r.out());
  }

  @Test
  void simulateTakesOnlyNumAmongTlcsArguments() throws IOException {
    Path s = spec("Cycle", "VARIABLE x\nInit == x = 0\nNext == x' = (x + 1) % 10",
        "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = run(s, "-simulate", "file=out,num=2");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("file="), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  @Test
  void aFalseAssumptionStopsTheSimulationAsItStopsAModelCheck() throws IOException {
    // TLC's SimulationTestAssumption (Test4)
    Path s = spec("Assume", "VARIABLE x\nASSUME 1 = 2\nInit == x = 0\nNext == x' = x",
        "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=1");
    assertEquals(10, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Assumption line 4, col 8 to line 4, col 12 of module Assume is false."),
        r.out());
  }

  @Test
  void aConstantBoundToADefinitionThatFailsStopsTheSimulationAsItStopsAModelCheck()
      throws IOException {
    Path s = spec("Bind", "CONSTANT C\nVARIABLE x\nDef == CHOOSE n \\in {} : TRUE\n"
        + "Init == x = 0\nNext == x' = (x + 1) % 3", "CONSTANT C <- Def\nINIT Init\nNEXT Next\n");
    CliTestSupport.Result checked = run(s);
    CliTestSupport.Result simulated = run(s, "-simulate", "num=2", "-depth", "3");
    assertEquals(151, checked.code(), checked.out() + checked.err());
    assertEquals(checked.code(), simulated.code(), simulated.out() + simulated.err());
    assertTrue(simulated.out().contains(
        "Error: The configuration file substitutes constant C with non-constant Def"), simulated.out());
  }

  @Test
  void thePostconditionIsEvaluatedAfterTheBehavioursWithTheirRegisters() throws IOException {
    // TLC's SimulationTest2PostCondition: the POSTCONDITION sees the registers TLCSet wrote
    Path s = spec("Post", "VARIABLE x\nInit == x = 0 /\\ TLCSet(42, 0)\n"
        + "Next == x' = (x + 1) % 5 /\\ TLCSet(42, TLCGet(42) + 1)\n"
        + "Counted == TLCGet(42) = 6\nViolated == TLCGet(42) = 0",
        "INIT Init\nNEXT Next\nPOSTCONDITION Violated\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=1", "-depth", "6");
    assertEquals(10, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Postcondition Violated at line 7, col 13 to line 7, col 26 of"
        + " module Post is false.\nProgress: 7 states checked, 1 traces generated"), r.out());
    Files.writeString(dir.resolve("Post.cfg"), "INIT Init\nNEXT Next\nPOSTCONDITION Counted\n");
    CliTestSupport.Result ok = run(s, "-simulate", "num=1", "-depth", "6");
    assertEquals(0, ok.code(), ok.out() + ok.err());
  }

  @Test
  void everySuccessorOfTheActionTriedIsCheckedEvenOutsideTheConstraint() throws IOException {
    // TLC checks the invariants of each successor it generates before it picks one, and only
    // then drops those outside the CONSTRAINT: x = 2 is found whatever the draws
    Path s = spec("Wide", "VARIABLE x\nInit == x = 0\nNext == x' \\in {1, 2}\nInv == x < 2\nC == x < 2",
        "INIT Init\nNEXT Next\nCONSTRAINT C\nINVARIANT Inv\n");
    for (String seed : new String[] {"1", "2", "3", "4"}) {
      CliTestSupport.Result r = run(s, "-deadlock", "-simulate", "num=1", "-depth", "1", "-seed", seed);
      assertEquals(12, r.code(), r.out() + r.err());
      assertTrue(r.out().contains("Error: Invariant Inv is violated.\nError: The behavior up to this"
          + " point is:\nState 1: <Initial predicate>\nx = 0\n\nState 2: <Next line 5, col 9 to"
          + " line 5, col 21 of module Wide>\nx = 2\n"), r.out());
    }
  }

  @Test
  void aBehaviourTakesDepthStepsSoItsLastStateIsChecked() throws IOException {
    // TLC's TLCSetSimTest: -depth N evaluates the next-state relation N times
    Path s = spec("Steps", "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\nInv == x < 3",
        "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=1", "-depth", "3");
    assertEquals(12, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("State 4: <Next line 5, col 9 to line 5, col 18 of module Steps>\nx = 3\n"),
        r.out());
  }

  @Test
  void anInitialStateViolationIsReportedAsTlcReportsIt() throws IOException {
    // TLC's SimulatorTest.testInvariantViolationInitialState
    Path s = spec("Init0", "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\nInv == x > 0",
        "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=1");
    assertEquals(12, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Invariant Inv is violated by the initial state:\nx = 0\n"), r.out());
    assertFalse(r.out().contains("Progress:"), r.out());
  }

  @Test
  void tlcGetReportsTheSimulationsSettingsAndBehaviours() throws IOException {
    // TLC's TLCSetSim: without num= the number of behaviours is unbounded (-1 as an int), the
    // behaviour being generated is counted, and TLCSet("exit") ends the simulation
    Path s = spec("Get", "VARIABLE x\n"
        + "ASSUME TLCGet(\"config\").depth = 50 /\\ TLCGet(\"config\").mode = \"simulate\""
        + " /\\ TLCGet(\"config\").traces + 1 = 0\n"
        + "Init == x = 0 /\\ TLCGet(\"stats\").traces = 0 /\\ TLCGet(\"stats\").generated = 0\n"
        + "Next == /\\ x' = x + 1 /\\ TLCGet(\"stats\").traces = 1 /\\ TLCGet(\"stats\").generated = x'\n"
        + "        /\\ TLCSet(\"exit\", x = 49)",
        "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = run(s, "-simulate", "-depth", "50");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Progress: 51 states checked, 1 traces generated"), r.out());
    assertTrue(r.out().contains("Running Random Simulation with seed "), r.out());
  }

  @Test
  void anAliasReadsTheNextStateOfTheTraceAndTheRunsSettings() throws IOException {
    // TLC's AliasSafetySimuTest and AliasSafetyTest: the ALIAS is evaluated on a state and the
    // one after it in the trace (the last state's is itself), TLCGet("config") in the run
    Path s = spec("Al", "VARIABLE x\nInit == x = 1\nNext == x' = x + 1\nInv == x < 3\n"
        + "Alias == [x |-> x, a |-> x' - x, m |-> TLCGet(\"config\").mode]",
        "INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS Alias\n");
    CliTestSupport.Result sim = run(s, "-simulate", "num=1", "-seed", "2");
    assertEquals(12, sim.code(), sim.out() + sim.err());
    assertTrue(sim.out().contains("State 1: <Initial predicate>\n/\\ x = 1\n/\\ a = 1\n"
        + "/\\ m = \"simulate\"\n"), sim.out());
    assertTrue(sim.out().contains("/\\ x = 3\n/\\ a = 0\n"), sim.out());
    CliTestSupport.Result bfs = run(s);
    assertEquals(12, bfs.code(), bfs.out() + bfs.err());
    assertTrue(bfs.out().contains("State 1: <Initial predicate>\n/\\ x = 1\n/\\ a = 1\n"
        + "/\\ m = \"bfs\"\n"), bfs.out());
  }

  @Test
  void counterExampleHoldsTheStatesAsTheAliasPrintsThem() throws IOException {
    // TLC's Example1Test: its POSTCONDITION compares CounterExample with the aliased states
    Path s = dir.resolve("Ce.tla");
    Files.writeString(s, "---- MODULE Ce ----\nEXTENDS Naturals, TLC, TLCExt\nVARIABLE x\n"
        + "Init == x = 0\nNext == x' = x + 1\nInv == x < 2\n"
        + "Alias == [x |-> x, l |-> TLCGet(\"level\")]\n"
        + "Post == CounterExample.state = {<<1, [x |-> 0, l |-> 1]>>, <<2, [x |-> 1, l |-> 2]>>,"
        + " <<3, [x |-> 2, l |-> 3]>>}\n====\n");
    Files.writeString(dir.resolve("Ce.cfg"), "INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS Alias\n"
        + "POSTCONDITION Post\n");
    for (CliTestSupport.Result r : new CliTestSupport.Result[] {run(s), run(s, "-simulate", "num=1")}) {
      assertEquals(12, r.code(), r.out() + r.err());
      assertFalse(r.out().contains("Postcondition"), r.out());
    }
  }

  @Test
  void tlcGetSpecListsTheSpecificationsPartsAsTlcSplitsThem() throws IOException {
    // TLC's TLCSetSim and Github807: an initial predicate or action named by a definition is
    // that definition's body, an action of the next-state relation is one of its disjuncts (an
    // operator's for each of its arguments, one record), a SPECIFICATION conjunct that names no
    // definition is unnamed; the record is the same in model checking and in simulation
    Path s = spec("Sp", "VARIABLES x, y\n"
        + "Init == x = 0\n"
        + "A == x < 2 /\\ x' = x + 1 /\\ y' = y\n"
        + "B(n) == y < 2 /\\ y' = y + n /\\ x' = x\n"
        + "Next == A \\/ \\E n \\in {1, 2} : B(n)\n"
        + "Spec == Init /\\ y = 0 /\\ [][Next]_<<x, y>> /\\ WF_<<x, y>>(A)\n"
        + "Inv == x < 5\n"
        + "Loc(l1, c1, l2, c2) == [beginLine |-> l1, beginColumn |-> c1, endLine |-> l2,"
        + " endColumn |-> c2, module |-> \"Sp\"]\n"
        + "ASSUME TLCGet(\"spec\").inits = {[name |-> \"Init\", location |-> Loc(4, 9, 4, 13)],"
        + " [name |-> \"UnnamedAction\", location |-> Loc(8, 17, 8, 21)]}\n"
        + "ASSUME TLCGet(\"spec\").actions = {[name |-> \"A\", location |-> Loc(5, 6, 5, 34)],"
        + " [name |-> \"B\", location |-> Loc(6, 9, 6, 37)]}\n"
        + "ASSUME TLCGet(\"spec\").variables = {[name |-> \"x\", location |-> Loc(3, 11, 3, 11)],"
        + " [name |-> \"y\", location |-> Loc(3, 14, 3, 14)]}\n"
        + "ASSUME TLCGet(\"spec\").invariants = {[name |-> \"Inv\", location |-> Loc(9, 8, 9, 12)]}\n"
        + "ASSUME TLCGet(\"spec\").temporals = {[name |-> \"UnnamedAction\", location |-> Loc(8, 47, 8, 60)]}\n"
        + "ASSUME DOMAIN TLCGet(\"spec\") = {\"inits\", \"actions\", \"temporals\", \"invariants\","
        + " \"impliedinits\", \"impliedtemporals\", \"variables\", \"actionconstraints\", \"constraints\","
        + " \"impliedactions\"}\n"
        + "ASSUME TLCGet(\"spec\").impliedtemporals = {} /\\ TLCGet(\"spec\").constraints = {}",
        "SPECIFICATION Spec\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n");
    for (CliTestSupport.Result r : new CliTestSupport.Result[] {run(s),
        run(s, "-simulate", "num=2", "-depth", "5")}) {
      assertEquals(0, r.code(), r.out() + r.err());
    }
  }

  @Test
  void tlcGetActionIsTheActionIntoTheStateInSimulationAndADummyElsewhere() throws IOException {
    // TLC's AliasSafetySimuTest: the simulator keeps the action into each state (an initial
    // state's is the initial predicate's last conjunct); model checking does not, and TLC reports
    // an unnamed action at no location there, as in an ASSUME or the initial predicate
    Path s = spec("Ac", "VARIABLES x, y\n"
        + "Next == /\\ y' = ~y\n        /\\ x' = x + 1\n"
        + "Spec == x = 1 /\\ y = FALSE /\\ [][Next]_<<x, y>>\n"
        + "Inv == x < 3\n"
        + "Alias == [x |-> x, act |-> TLCGet(\"action\")]\n"
        + "Unknown == [name |-> \"UnnamedAction\", location |-> [beginLine |-> 0, beginColumn |-> 0,"
        + " endLine |-> 0, endColumn |-> 0, module |-> \"--unknown--\"]]\n"
        + "ASSUME TLCGet(\"action\") = Unknown",
        "SPECIFICATION Spec\nINVARIANT Inv\nALIAS Alias\n");
    CliTestSupport.Result sim = run(s, "-simulate", "num=1");
    assertEquals(12, sim.code(), sim.out() + sim.err());
    assertTrue(sim.out().contains("State 1: <Initial predicate>\n/\\ x = 1\n"
        + "/\\ act = [ name |-> \"UnnamedAction\",\n  location |->\n      [ beginLine |-> 6,\n"
        + "        beginColumn |-> 18,\n        endLine |-> 6,\n        endColumn |-> 26,\n"
        + "        module |-> \"Ac\" ] ]\n"), sim.out());
    assertTrue(sim.out().contains("State 3: <Next line 4, col 9 to line 5, col 21 of module Ac>\n"
        + "/\\ x = 3\n/\\ act = [ name |-> \"Next\",\n  location |->\n      [ beginLine |-> 4,\n"
        + "        beginColumn |-> 9,\n        endLine |-> 5,\n        endColumn |-> 21,\n"
        + "        module |-> \"Ac\" ] ]\n"), sim.out());
    CliTestSupport.Result bfs = run(s);
    assertEquals(12, bfs.code(), bfs.out() + bfs.err());
    assertTrue(bfs.out().contains("/\\ x = 3\n/\\ act = [ name |-> \"UnnamedAction\",\n"), bfs.out());
    assertTrue(bfs.out().contains("module |-> \"--unknown--\""), bfs.out());
  }

  @Test
  void tlcGetActionInAnInvariantIsTheActionOfTheStepIntoTheState() throws IOException {
    Path s = spec("Ai", "VARIABLE x\nInit == x = 0\n"
        + "Up == x' = x + 1\nDown == x > 0 /\\ x' = x - 1\nNext == Up \\/ Down\n"
        + "NotDown == TLCGet(\"action\").name # \"Down\"\n"
        + "Counts == LET b == TLCGet(\"stats\").behavior IN\n"
        + "  b.id = TLCGet(\"stats\").traces /\\ TLCGet(\"level\") - 1 = IF DOMAIN b.actions = {} THEN 0\n"
        + "     ELSE (IF \"Up\" \\in DOMAIN b.actions THEN b.actions.Up ELSE 0)"
        + " + (IF \"Down\" \\in DOMAIN b.actions THEN b.actions.Down ELSE 0)",
        "INIT Init\nNEXT Next\nINVARIANT Counts\nINVARIANT NotDown\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=1", "-depth", "100", "-seed", "3");
    assertEquals(12, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: Invariant NotDown is violated.\n"), r.out());
    assertTrue(r.out().contains("<Down line 6, col 9 to line 6, col 27 of module Ai>\nx = "), r.out());
  }

  @Test
  void tlcGetStatsIsTheRecordOfTlcsSimulatorInSimulationAndOfItsModelCheckerElsewhere() throws IOException {
    // TLC's simulator reports the behaviours, the one being generated and the behaviours'
    // lengths; without its extended statistics the distinct counts and retries are -1
    Path s = spec("St", "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\n"
        + "Sim == DOMAIN TLCGet(\"stats\") = {\"traces\", \"duration\", \"generated\", \"behavior\","
        + " \"worker\", \"distinct\", \"distinctvalues\", \"retries\", \"actions\", \"levelmean\","
        + " \"levelvariance\"}\n"
        + "Bfs == DOMAIN TLCGet(\"stats\") = {\"queue\", \"distinct\", \"generated\", \"diameter\", \"duration\"}\n"
        + "Inv == IF TLCGet(\"config\").mode = \"bfs\" THEN Bfs ELSE\n"
        + "  LET st == TLCGet(\"stats\") IN\n"
        + "  /\\ Sim /\\ st.worker = 0 /\\ st.distinct = 0 - 1 /\\ st.distinctvalues = 0 - 1 /\\ st.retries = 0 - 1\n"
        + "  /\\ st.behavior.id = st.traces\n"
        + "  /\\ st.behavior.actions = IF x = 0 THEN <<>> ELSE [Next |-> x]\n"
        + "  /\\ st.levelmean = IF st.traces <= 1 THEN 0 ELSE 3",
        "INIT Init\nNEXT Next\nINVARIANT Inv\n");
    CliTestSupport.Result sim = run(s, "-simulate", "num=3", "-depth", "3");
    assertEquals(0, sim.code(), sim.out() + sim.err());
    s = spec("St", "VARIABLE x\nInit == x = 0\nNext == x < 3 /\\ x' = x + 1\n"
        + "Inv == DOMAIN TLCGet(\"stats\") = {\"queue\", \"distinct\", \"generated\", \"diameter\", \"duration\"}\n",
        "INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n");
    CliTestSupport.Result bfs = run(s);
    assertEquals(0, bfs.code(), bfs.out() + bfs.err());
  }

  @Test
  void tlcGetRevisionIsADevelopmentBuildsAsTlcSetSimExpects() throws IOException {
    Path s = spec("Rev", "VARIABLE x\nInit == x = 0\nNext == x' = x\n"
        + "ASSUME TLCGet(\"revision\").tag \\in STRING /\\ TLCGet(\"revision\").date \\in STRING\n"
        + "ASSUME TLCGet(\"revision\").count \\in Nat /\\ TLCGet(\"revision\").timestamp \\in Nat\n"
        + "ASSUME TLCGet(\"revision\").tag = \"development\" => TLCGet(\"revision\").count = 0\n"
        + "ASSUME TLCGet(\"revision\").calver \\in STRING /\\ TLCGet(\"revision\").calver # \"\"",
        "INIT Init\nNEXT Next\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=1", "-depth", "2");
    assertEquals(0, r.code(), r.out() + r.err());
  }

  @Test
  void aPostconditionReadsTheSimulationsSettingsAndCountsInNoState() throws IOException {
    // TLC evaluates the POSTCONDITION of a simulation with its simulator's settings and counts
    // (behaviour id and traces: the last behaviour's number), in no state: the dummy action
    Path s = spec("Po", "VARIABLE x\nInit == x = 0\nNext == x' = x + 1\n"
        + "Post == /\\ TLCGet(\"config\").mode = \"simulate\" /\\ TLCGet(\"stats\").traces = 2\n"
        + "        /\\ TLCGet(\"stats\").behavior.id = 2 /\\ TLCGet(\"stats\").levelmean = 3\n"
        + "        /\\ TLCGet(\"action\").location.module = \"--unknown--\"",
        "INIT Init\nNEXT Next\nPOSTCONDITION Post\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=2", "-depth", "3");
    assertEquals(0, r.code(), r.out() + r.err());
    assertFalse(r.out().contains("Error"), r.out());
  }

  @Test
  void aTemporalPropertyReadsTheActionIntoEachStateOfTheBehaviour() throws IOException {
    // the behaviour's states keep their actions when its temporal properties are checked: the
    // initial state's is the initial predicate, not the behaviour's last step (the cycle
    // 0 -> 1 -> 2 -> 0 would otherwise never satisfy Prop)
    Path s = spec("Lv", "VARIABLE x\nInit == x = 0\nUp == x' = (x + 1) % 3\n"
        + "Spec == Init /\\ [][Up]_x /\\ WF_x(Up)\n"
        + "Prop == <>(TLCGet(\"action\").name = \"Init\")",
        "SPECIFICATION Spec\nPROPERTY Prop\nCHECK_DEADLOCK FALSE\n");
    CliTestSupport.Result r = run(s, "-simulate", "num=3", "-depth", "5");
    assertEquals(0, r.code(), r.out() + r.err());
  }
}
