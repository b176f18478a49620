package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synod check} on the constructs trace specs rely on, with the results TLC documents:
 * {@code TLCSet("exit", TRUE)} in a CONSTRAINT, the value of {@code TLCGet("level")} in each
 * kind of formula, registers, {@code TLCGet("config")} and {@code TLCGet("stats")}, POSTCONDITION
 * (false, or failing on a state variable: exit 10), depth-first exploration, and a log read
 * with {@code ndJsonDeserialize} sizing a constant through {@code N <- TraceN}.
 */
class TraceSpecTest {

  private static CliTestSupport.Result check(Path dir, String module, String cfg, String... flags)
      throws IOException {
    Files.writeString(dir.resolve("M.tla"), "---- MODULE M ----\n" + module + "\n====\n");
    Files.writeString(dir.resolve("M.cfg"), cfg);
    String[] args = new String[flags.length + 4];
    args[0] = "check";
    System.arraycopy(flags, 0, args, 1, flags.length);
    args[flags.length + 1] = "-config";
    args[flags.length + 2] = dir.resolve("M.cfg").toString();
    args[flags.length + 3] = dir.resolve("M.tla").toString();
    return CliTestSupport.run(args);
  }

  private static final String COUNTER = """
      EXTENDS Naturals, TLC
      VARIABLE x
      Init == x = 0
      Next == x < 10 /\\ x' = x + 1
      """;

  @Test
  void exitInAConstraintKeepsTheTriggeringStateQueuedAndRunsThePostcondition(@TempDir Path dir)
      throws IOException {
    String m = COUNTER + "Stop == x = 3 => TLCSet(\"exit\", TRUE)\n"
        + "Post == TLCGet(\"stats\").distinct = 4 /\\ TLCGet(\"stats\").queue = 1\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Next\nCONSTRAINT Stop\nPOSTCONDITION Post\n");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("Model checking completed. No error has been found."), r.out());
    assertTrue(r.out().contains("4 states generated, 4 distinct states found, 1 states left on queue."), r.out());
    assertTrue(r.out().contains("The depth of the complete state graph search is 4."), r.out());
  }

  @Test
  void aFalsePostconditionAfterExitIsExit10(@TempDir Path dir) throws IOException {
    String m = COUNTER + "Stop == x = 3 => TLCSet(\"exit\", TRUE)\nPost == TLCGet(\"stats\").diameter = 11\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Next\nCONSTRAINT Stop\nPOSTCONDITION Post\n");
    assertEquals(10, r.code(), r.out());
    assertTrue(r.out().contains("Error: Postcondition Post at line"), r.out());
  }

  @Test
  void levelIsTheSuccessorsInConstraintsAndViewsAndTheCurrentStatesInActionsAndActionConstraints(
      @TempDir Path dir) throws IOException {
    // x is the level of a state minus one: every formula below holds exactly at the level TLC gives
    String m = COUNTER + "InitLevel == TLCGet(\"level\") = 0\n"
        + "Step == TLCGet(\"level\") = x + 1 /\\ Next\n"
        + "InitOk == Init /\\ InitLevel\n"
        + "Con == TLCGet(\"level\") = x + 1\n"
        + "ActCon == TLCGet(\"level\") = x + 1 /\\ TLCGet(\"level\") + 1 = x' + 1\n"
        + "View == <<x, Assert(TLCGet(\"level\") = x + 1, \"view level\")>>\n"
        + "Inv == TLCGet(\"level\") = x + 1\n"
        + "Act == [][TLCGet(\"level\") = x + 1]_x\n"
        + "Post == TLCGet(\"level\") = 0 /\\ TLCGet(\"diameter\") = 11\n";
    CliTestSupport.Result r = check(dir, m, "INIT InitOk\nNEXT Step\nCONSTRAINT Con\n"
        + "ACTION_CONSTRAINT ActCon\nVIEW View\nINVARIANT Inv\nPROPERTY Act\nPOSTCONDITION Post\n"
        + "CHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("11 states generated, 11 distinct states found, 0 states left on queue."), r.out());
  }

  @Test
  void registersSetInAssumptionsReachTheWorkersAndThePostcondition(@TempDir Path dir) throws IOException {
    String m = COUNTER + "ASSUME TLCSet(3, 100)\n"
        + "Count == TLCSet(3, TLCGet(3) + 1) /\\ Next\n"
        + "Post == TLCGet(3) = 111\n"
        + "ASSUME TLCGet(\"config\").worker = 1 /\\ TLCGet(\"config\").deadlock = FALSE\n"
        + "ASSUME TLCGet(\"config\").mode = \"bfs\"\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Count\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
  }

  @Test
  void aPostconditionReadingAVariableFailsAsTlcWithExit10(@TempDir Path dir) throws IOException {
    String m = COUNTER + "Post == x \\in 0..10\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Next\nPOSTCONDITION Post\nCHECK_DEADLOCK FALSE\n");
    assertEquals(10, r.code(), r.out());
    assertTrue(r.out().contains("Error: Evaluating postcondition Post at line"), r.out());
    assertTrue(r.out().contains("In evaluation, the identifier x is either undefined or not an operator."), r.out());
    assertTrue(r.out().contains("11 states generated, 11 distinct states found, 0 states left on queue."), r.out());
  }

  @Test
  void depthFirstVisitsTheSameStatesAndReportsTheDeepestLevel(@TempDir Path dir) throws IOException {
    String m = "EXTENDS Naturals\nVARIABLES a, b\nInit == a = 0 /\\ b = 0\n"
        + "Next == \\/ a < 3 /\\ a' = a + 1 /\\ b' = b\n        \\/ b < 3 /\\ b' = b + 1 /\\ a' = a\n";
    String cfg = "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n";
    CliTestSupport.Result bfs = check(dir, m, cfg);
    CliTestSupport.Result dfs = check(dir, m, cfg, "-dfs");
    assertEquals(0, dfs.code(), dfs.out());
    assertTrue(bfs.out().contains("16 distinct states found"), bfs.out());
    assertTrue(dfs.out().contains("16 distinct states found, 0 states left on queue."), dfs.out());
    assertTrue(bfs.out().contains("The depth of the complete state graph search is 7."), bfs.out());
    // last in, first out: b runs up to 3 first, then a along it, one state per level
    assertTrue(dfs.out().contains("The depth of the complete state graph search is 7."), dfs.out());
    assertEquals(2, check(dir, m, cfg, "-dfs", "-workers", "2").code());
  }

  @Test
  void aLogSizesAConstantAndIsMatchedLineByLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("log.ndjson"), "{\"v\": 1}\n{\"v\": 2}\n{\"v\": 3}\n");
    String m = """
        EXTENDS Naturals, Sequences, Json, IOUtils, TLC
        CONSTANT Max
        VARIABLES x, l
        TraceFile == IF "JSON" \\in DOMAIN IOEnv THEN IOEnv.JSON ELSE "%s"
        Trace == ndJsonDeserialize(TraceFile)
        TraceMax == Len(Trace)
        Init == x = 0 /\\ l = 1
        Next == l <= Len(Trace) /\\ x < Max /\\ x' = Trace[l].v /\\ l' = l + 1
        Done == TLCGet("stats").diameter = Len(Trace) + 1
        """.formatted(dir.resolve("log.ndjson"));
    CliTestSupport.Result r = check(dir, m, "CONSTANT Max <- TraceMax\nINIT Init\nNEXT Next\n"
        + "POSTCONDITION Done\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("4 states generated, 4 distinct states found"), r.out());
  }

  @Test
  void actionCompositionTakesTheFirstActionThenTheSecond(@TempDir Path dir) throws IOException {
    // x' = x + 1 then x' = 2 * x: 0 -> 2 -> 6 -> 14 -> 30, each step one composed step
    String m = "EXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Inc == x' = x + 1 /\\ y' = y\nDbl == x' = 2 * x /\\ y' = x\n"
        + "Next == x < 20 /\\ (Inc \\cdot Dbl)\nSeen == x > 0 => y = x \\div 2\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Next\nINVARIANT Seen\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    // as TLC counts them: the initial state, four intermediate states of Inc, four successors
    assertTrue(r.out().contains("9 states generated, 5 distinct states found"), r.out());
    String half = "EXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Inc == x' = x + 1\nDbl == x' = 2 * x /\\ y' = x\nNext == Inc \\cdot Dbl\n";
    CliTestSupport.Result e = check(dir, half, "INIT Init\nNEXT Next\n");
    assertEquals(75, e.code(), e.out());
    assertTrue(e.out().contains("does not assign a value to every variable"), e.out());
  }

  @Test
  void compositionIsAFormulaOnAStepOutsideTheNextStateActionToo(@TempDir Path dir) throws IOException {
    // x steps by 1 or 3 (3 = 1 then 2: Inc \cdot Two); on a step s -> t, Inc \cdot Two holds
    // exactly when t.x = s.x + 3 (some u with u.x = s.x + 1 and t.x = u.x + 2)
    String base = "EXTENDS Naturals\nVARIABLE x\nInit == x = 0\n"
        + "Inc == x' = x + 1\nTwo == x' = x + 2\n"
        + "Next == x < 9 /\\ (Inc \\/ (Inc \\cdot Two))\n";
    // ACTION_CONSTRAINT: only the composed steps are kept: 0 -> 3 -> 6 -> 9
    CliTestSupport.Result ac = check(dir, base + "OnlyJumps == Inc \\cdot Two\n",
        "INIT Init\nNEXT Next\nACTION_CONSTRAINT OnlyJumps\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, ac.code(), ac.out());
    assertTrue(ac.out().contains("4 distinct states found"), ac.out());
    // an action property: every step is Inc or Inc \cdot Two (holds), then one that is violated
    CliTestSupport.Result ap = check(dir, base + "Steps == [][Inc \\/ (Inc \\cdot Two)]_x\n"
        + "NoJump == [][~(Inc \\cdot Two)]_x\n", "INIT Init\nNEXT Next\nPROPERTY Steps\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, ap.code(), ap.out());
    CliTestSupport.Result bad = check(dir, base + "NoJump == [][~(Inc \\cdot Two)]_x\n",
        "INIT Init\nNEXT Next\nPROPERTY NoJump\nCHECK_DEADLOCK FALSE\n");
    assertEquals(13, bad.code(), bad.out());
    assertTrue(bad.out().contains("Action property NoJump is violated."), bad.out());
    // ENABLED of a composition: from x, Inc \cdot Guarded needs x + 1 < 5
    CliTestSupport.Result en = check(dir, base + "Guarded == x < 5 /\\ x' = x + 2\n"
        + "Inv == ENABLED (Inc \\cdot Guarded) <=> x + 1 < 5\n",
        "INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, en.code(), en.out());
  }

  @Test
  void anActionPassedForAnOperatorParameterGeneratesItsSteps(@TempDir Path dir) throws IOException {
    // trace specs write OnNode(A(_)) == A(event.node): the step is the action passed, with its
    // primed variables assigned, also through two levels of parameters
    String m = "EXTENDS Naturals\nVARIABLES x, y\nInit == x = 0 /\\ y = 0\n"
        + "Inc(n) == x' = x + n /\\ y' = n\n"
        + "Apply(A(_), n) == A(n)\nViaApply(B(_), n) == Apply(B, n)\n"
        + "Next == x < 6 /\\ (Apply(Inc, 1) \\/ ViaApply(Inc, 2))\n"
        + "Steps == [][Apply(Inc, 1) \\/ Apply(Inc, 2)]_<<x, y>>\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Next\nPROPERTY Steps\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    // <<0, 0>>, then x in 1..6 after a step of 1 and x in 2..7 after a step of 2 (y the step)
    assertTrue(r.out().contains("13 distinct states found"), r.out());
    // a LAMBDA whose body is an action
    String l = m.replace("ViaApply(Inc, 2))", "Apply(LAMBDA k : x' = x + k /\\ y' = k, 2))");
    CliTestSupport.Result rl = check(dir, l, "INIT Init\nNEXT Next\nPROPERTY Steps\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, rl.code(), rl.out());
    assertTrue(rl.out().contains("13 distinct states found"), rl.out());
  }

  @Test
  void subexpressionNamesAreActionsWhereTheyStandForOne(@TempDir Path dir) throws IOException {
    // trace specs reuse conjuncts of the system spec: TraceInit == Init!1 /\ ..., Step!2 in Next
    String m = "EXTENDS Naturals\nVARIABLES x, y\n"
        + "Init == /\\ x = 0\n        /\\ y = 0\n"
        + "Move(n) == /\\ x < 3\n           /\\ x' = x + n\n           /\\ y' = y\n"
        + "TInit == Init!1 /\\ Init!2\nNext == Move(1)!1 /\\ Move(1)!2 /\\ Move(1)!3\n";
    CliTestSupport.Result r = check(dir, m, "INIT TInit\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("4 distinct states found"), r.out());
  }

  @Test
  void aPropertyOverTheQueueIsDecidedDuringTheSearch(@TempDir Path dir) throws IOException {
    // two branches after the first step; the log has 3 lines but the second branch ends after
    // line 1: when it is expanded the queue is empty (the first branch was expanded before)
    String m = "EXTENDS Naturals, TLC\nVARIABLES l, b\nInit == l = 1 /\\ b = 0\n"
        + "Next == \\/ l = 1 /\\ l' = 2 /\\ b' \\in {1, 2}\n"
        + "        \\/ l \\in 2..3 /\\ b = 1 /\\ l' = l + 1 /\\ b' = b\n"
        + "Matched == [](l <= 3 => [](TLCGet(\"queue\") > 0 \\/ l > 3))\n";
    CliTestSupport.Result r = check(dir, m, "INIT Init\nNEXT Next\nPROPERTY Matched\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    String bad = m.replace("b = 1 /\\ l' = l + 1", "b = 3 /\\ l' = l + 1");
    CliTestSupport.Result e = check(dir, bad, "INIT Init\nNEXT Next\nPROPERTY Matched\nCHECK_DEADLOCK FALSE\n");
    assertEquals(12, e.code(), e.out());
    assertTrue(e.out().contains("Error: Temporal property Matched was violated."), e.out());
    // stopped when the second of the two states after line 1 left the queue empty
    assertTrue(e.out().contains("3 states generated, 3 distinct states found, 0 states left on queue."), e.out());
    assertTrue(e.out().contains("State 2: <Next"), e.out());
  }

  @Test
  void anUnsetRegisterIsTlcsEvaluationError(@TempDir Path dir) throws IOException {
    CliTestSupport.Result r = check(dir, COUNTER + "Bad == TLCGet(4) = 0 /\\ Next\n",
        "INIT Init\nNEXT Bad\nCHECK_DEADLOCK FALSE\n");
    assertEquals(75, r.code(), r.out());
    assertTrue(r.out().contains("TLCGet(4) was undefined."), r.out());
  }
}
