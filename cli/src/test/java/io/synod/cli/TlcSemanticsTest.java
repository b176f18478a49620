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
 * Verdicts, counts, messages and exit codes of {@code synod check} where TLC's rules are subtle:
 * each case a small spec with the result TLC gives for it (from TLC's model checker: which
 * errors end the search, which exit code each kind of error maps to, what is printed when).
 */
class TlcSemanticsTest {
  @TempDir Path dir;

  private CliTestSupport.Result check(String module, String cfg, String... flags) throws IOException {
    String name = module.substring(module.indexOf("MODULE ") + 7).trim().split("\\s")[0];
    Path spec = dir.resolve(name + ".tla");
    Files.writeString(spec, module);
    Path config = dir.resolve(name + ".cfg");
    Files.writeString(config, cfg);
    String[] args = new String[flags.length + 6];
    args[0] = "check";
    args[1] = "-workers";
    args[2] = "1";
    System.arraycopy(flags, 0, args, 3, flags.length);
    args[flags.length + 3] = "-config";
    args[flags.length + 4] = config.toString();
    args[flags.length + 5] = spec.toString();
    return CliTestSupport.run(args);
  }

  private static String lines(String... l) {
    return String.join("\n", l) + "\n";
  }

  private static final String COUNTER = lines(
      "---- MODULE Counter ----",
      "EXTENDS Naturals",
      "VARIABLE x",
      "Init == x = 0",
      "Next == x < 4 /\\ x' = x + 1",
      "Small == x # 2",
      "Ratio == 12 \\div (3 - x) > 0",
      "====");

  @Test
  void continueReportsEveryViolationThenSucceeds() throws IOException {
    // TLC -continue prints each violated invariant with its trace, completes the search and
    // exits 0 with its success message
    CliTestSupport.Result r = check(COUNTER, "INIT Init\nNEXT Next\nINVARIANT Small\n", "-continue",
        "-deadlock");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("Error: Invariant Small is violated."), r.out());
    assertTrue(r.out().contains("Model checking completed. No error has been found."), r.out());
    assertTrue(r.out().contains("5 states generated, 5 distinct states found, 0 states left on queue."), r.out());
  }

  @Test
  void continueStillStopsAtADeadlock() throws IOException {
    CliTestSupport.Result d = check(COUNTER, "INIT Init\nNEXT Next\nINVARIANT Small\n", "-continue");
    assertEquals(11, d.code(), d.out());
    assertTrue(d.out().contains("Error: Deadlock reached."), d.out());
  }

  @Test
  void divisionByZeroInTheNextStateRelationExits255WithTlcsMessage() throws IOException {
    String m = COUNTER.replace("x' = x + 1", "x' = x + 1 /\\ x' # 6 \\div (2 - x)");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
    assertEquals(255, r.code(), r.out());
    assertTrue(r.out().contains("Error: The second argument of \\div is 0.\n"), r.out());
    assertFalse(r.out().contains("unexpected exception"), r.out());
    assertTrue(r.out().contains("The error occurred when TLC was evaluating the nested"), r.out());
  }

  @Test
  void evaluationErrorInAnInvariantExits76() throws IOException {
    CliTestSupport.Result r = check(COUNTER, "INIT Init\nNEXT Next\nINVARIANT Ratio\n");
    assertEquals(76, r.code(), r.out());
    assertTrue(r.out().contains("Error: Evaluating invariant Ratio failed.\n"
        + "The second argument of \\div is 0.\n"), r.out());
    // the behaviour ends in the state the invariant failed on
    assertTrue(r.out().contains("State 4: <Next"), r.out());
    assertTrue(r.out().contains("4 states generated, 4 distinct states found, 0 states left on queue."), r.out());
  }

  @Test
  void noStatisticsAfterAnInitialStateViolation() throws IOException {
    String m = COUNTER.replace("Small == x # 2", "Small == x # 0");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\nINVARIANT Small\n");
    assertEquals(12, r.code(), r.out());
    assertTrue(r.out().contains("Invariant Small is violated by the initial state:"), r.out());
    assertFalse(r.out().contains("states generated"), r.out());
  }

  @Test
  void statisticsAfterAnErrorComputingTheInitialStates() throws IOException {
    String m = COUNTER.replace("Init == x = 0", "Init == x = 1 \\div 0");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\n");
    assertEquals(75, r.code(), r.out());
    assertTrue(r.out().contains("0 states generated, 0 distinct states found, 0 states left on queue."), r.out());
  }

  @Test
  void initialStatesGeneratedCountsDuplicates() throws IOException {
    String m = lines(
        "---- MODULE Twice ----",
        "VARIABLE x",
        "Init == \\/ x = 0",
        "        \\/ x = 0",
        "        \\/ \\E i \\in {1, 2, 3} : x = 0",
        "Next == UNCHANGED x",
        "====");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\n");
    assertEquals(0, r.code(), r.out());
    // TLC reports progress when a state comes after 2, 4, ... states
    assertTrue(r.out().contains("Computed 2 initial states...\nComputed 4 initial states...\n"
        + "Finished computing initial states: 5 states generated, with 1 of them distinct at "), r.out());
  }

  @Test
  void anEquationThroughADefinitionAssignsThePrimedVariable() throws IOException {
    // TLC follows definitions without parameters to the primed variable an equation assigns
    String m = lines(
        "---- MODULE Relay ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "nx == x'",
        "ny == y'",
        "Init == x = 0 /\\ y = 0",
        "Next == LET n == y' IN",
        "          \\/ x < 2 /\\ nx = x + 1 /\\ n = y",
        "          \\/ y < x /\\ ny = y + 1 /\\ nx = x",
        "====");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("7 states generated, 6 distinct states found, 0 states left on queue."), r.out());
  }

  @Test
  void actionPropertiesThroughLetOperatorsWithPrimes() throws IOException {
    String m = lines(
        "---- MODULE Odo ----",
        "EXTENDS Naturals",
        "VARIABLE km",
        "Init == km = 0",
        "Next == \\/ km < 2 /\\ km' = km + 1",
        "        \\/ km = 2 /\\ km' = 0",
        "Forward == LET after(v) == v' IN after(km) = km + 1",
        "Moves == LET nk == km' IN nk # km",
        "Spec == Init /\\ [][Next]_km",
        "PForward == [][Forward]_km",
        "PMoves == [][Moves]_km",
        "====");
    CliTestSupport.Result bad = check(m, "SPECIFICATION Spec\nPROPERTY PForward\n");
    assertEquals(13, bad.code(), bad.out());
    assertTrue(bad.out().contains("Error: Action property PForward is violated."), bad.out());
    assertTrue(bad.out().contains("State 4: <Next"), bad.out());
    CliTestSupport.Result ok = check(m, "SPECIFICATION Spec\nPROPERTY PMoves\n");
    assertEquals(0, ok.code(), ok.out());
  }

  @Test
  void constantLevelDefinitionsAreEvaluatedOnce() throws IOException {
    // TLC evaluates every constant-level definition without parameters once, before the
    // search, also when it draws a random value; a configuration override names such a value
    String m = lines(
        "---- MODULE Once ----",
        "EXTENDS Naturals, TLC",
        "CONSTANT C",
        "VARIABLES x, y",
        "K == RandomElement(1..1000)",
        "R == TLCEval(RandomElement(1..1000))",
        "Init == x = 0 /\\ y = 0",
        "Next == \\/ x' = K /\\ y' = (y + 1) % 3",
        "        \\/ x' = C /\\ y' = y",
        "Keeps == x \\in {0, K, C}",
        "====");
    CliTestSupport.Result r = check(m, "CONSTANT C <- R\nINIT Init\nNEXT Next\nINVARIANT Keeps\n"
        + "CHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    // 1 initial state; then x in {0, K, C} and y in 0..2; K = C is possible, but rarely
    assertTrue(r.out().contains(" distinct states found, 0 states left on queue."), r.out());
    assertFalse(r.out().contains("is violated"), r.out());
  }

  /** The "states generated" figure of a check of {@code next} from x = 0 (x < 1 guards every action). */
  private long generated(String next) throws IOException {
    String m = lines(
        "---- MODULE Gen ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = 0",
        "F[n \\in 0..3] == IF n = 0 THEN TRUE ELSE \\/ F[n-1] \\/ n > 1",
        "Next == " + next,
        "====");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE\n");
    assertEquals(0, r.code(), r.out());
    java.util.regex.Matcher g = java.util.regex.Pattern.compile("(?m)^(\\d+) states generated, ")
        .matcher(r.out());
    assertTrue(g.find(), r.out());
    return Long.parseLong(g.group(1));
  }

  @Test
  void statesGeneratedCountEveryWitnessTlcEnumerates() throws IOException {
    // TLC produces a successor for every way the action is satisfied while some variable still
    // has no value: each witness of an existential, each true disjunct...
    assertEquals(1 + 3, generated("x < 1 /\\ (\\E i \\in 1..3 : i > 0) /\\ x' = x + 1"));
    // ... also behind an implication whose premise holds, in every instance of a bounded \\A ...
    assertEquals(1 + 3, generated("x < 1 /\\ (x = 0 => \\E i \\in 1..3 : i > 0) /\\ x' = x + 1"));
    assertEquals(1 + 2, generated("x < 1 /\\ (\\A i \\in 1..2 : i = 1 \\/ i > 0) /\\ x' = x + 1"));
    // ... and in the body of a LET function applied as a condition (recursively): G[2] holds
    // through G[1] (through G[0] or 1 > 0) or through 2 > 0
    assertEquals(1 + 3, generated("x < 1 /\\ (LET G[n \\in 0..2] == IF n = 0 THEN TRUE "
        + "ELSE G[n - 1] \\/ n > 0 IN G[2]) /\\ x' = x + 1"));
    // once every variable has a value, what remains of the conjunction is a condition: one state
    assertEquals(1 + 1, generated("x < 1 /\\ x' = x + 1 /\\ \\E i \\in 1..3 : i > 0"));
    assertEquals(1 + 1, generated("x < 1 /\\ x' = x + 1 /\\ (TRUE \\/ TRUE)"));
  }

  private static final String GAUGE = lines(
      "---- MODULE Gauge ----",
      "EXTENDS Naturals",
      "VARIABLES level, cap",
      "Raise == level < cap /\\ level' = level + 1",
      "Reading == level'",
      "Next == Raise \\/ (level > 0 /\\ level' = level - 1)",
      "HC(v) == v",
      "====");

  @Test
  void enabledAndAssignmentsThroughAnInstanceWithSubstitutions() throws IOException {
    // the instance's primed variable is the primed variable substituted for it: an equation
    // assigns it, so ENABLED finds a successor
    Files.writeString(dir.resolve("Gauge.tla"), GAUGE);
    String m = lines(
        "---- MODULE Tank ----",
        "EXTENDS Naturals",
        "VARIABLES water, room",
        "G == INSTANCE Gauge WITH level <- water, cap <- room + 1",
        "Init == water = 0 /\\ room = 1",
        "Next == \\/ water < 2 /\\ water' = water + 1 /\\ UNCHANGED room",
        "        \\/ water = 2 /\\ water' = 0 /\\ room' = 1 - room",
        "CanRaise == (ENABLED G!Raise) = (water < room + 1)",
        "AnyReading == ENABLED (G!Reading = 7)",
        "====");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\nINVARIANT CanRaise AnyReading\n");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("6 distinct states found"), r.out());
  }

  @Test
  void refinementViolationNamesTheConjunctByItsLocation() throws IOException {
    // PROPERTY R with R == I!Spec: TLC checks the [][Next]_v conjunct of the instance's Spec and,
    // as it is a conjunct, reports it by its location in the instantiated module
    Files.writeString(dir.resolve("Hour.tla"), lines(
        "---- MODULE Hour ----",
        "EXTENDS Naturals",
        "VARIABLE hr",
        "HInit == hr = 1",
        "HNext == hr' = IF hr = 3 THEN 1 ELSE hr + 1",
        "HSpec == HInit /\\ [][HNext]_hr",
        "===="));
    String m = lines(
        "---- MODULE Clock ----",
        "EXTENDS Naturals",
        "VARIABLE m",
        "Init == m = 0",
        "Tick == m' = (m + 2) % 6",
        "Skip == m = 2 /\\ m' = 0",
        "Spec == Init /\\ [][Tick \\/ Skip]_m",
        "H == INSTANCE Hour WITH hr <- (m \\div 2) + 1",
        "Refines == H!HSpec",
        "====");
    CliTestSupport.Result r = check(m, "SPECIFICATION Spec\nPROPERTY Refines\n");
    assertEquals(13, r.code(), r.out());
    assertTrue(r.out().contains("Error: Action property line 6, col 19 to line 6, col 30 of module Hour "
        + "is violated."), r.out());
    // the next-state relation written in place is split into its named actions, as TLC does
    assertTrue(r.out().contains("State 3: <Skip line 6, col 9 to line 6, col 23 of module Clock>"), r.out());
  }

  @Test
  void twoNextStateRelationsInOneSpecificationAreRefused() throws IOException {
    String m = lines(
        "---- MODULE Two ----",
        "VARIABLES a, b",
        "Spec == a = 0 /\\ b = 0 /\\ [][UNCHANGED a]_a /\\ [][UNCHANGED b]_b",
        "====");
    CliTestSupport.Result r = check(m, "SPECIFICATION Spec\n");
    assertEquals(151, r.code(), r.out());
    assertTrue(r.out().contains("The specification contains more than one conjunct of the form [][Next]_v,\n"
        + "but TLC can handle only specifications with one next-state relation."), r.out());
  }

  @Test
  void runawayRecursionIsTlcsStackOverflowErrorNotACrash() throws IOException {
    String m = lines(
        "---- MODULE Loop ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "G[n \\in Nat] == G[n + 1]",
        "Init == x = 0",
        "Next == x < 2 /\\ x' = x + 1 /\\ (x = 1 => G[x] = 0)",
        "====");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\n");
    // TLC reports the StackOverflowError with its own explanation (exit 255 in the next-state relation)
    assertEquals(255, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Error: This was a Java StackOverflowError. It was probably the result\n"
        + "of an incorrect recursive function definition"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aValueTooLargeToFingerprintIsAnEvaluationError() throws IOException {
    String m = lines(
        "---- MODULE Huge ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = [1..70 -> 1..3]",
        "Next == UNCHANGED x",
        "====");
    CliTestSupport.Result r = check(m, "INIT Init\nNEXT Next\n");
    assertEquals(75, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Overflow when computing the number of elements in:\n[1..70 -> 1..3]"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void evaluationErrorInAnActionPropertyExits13() throws IOException {
    String m = COUNTER.replace("====", lines(
        "Spec == Init /\\ [][Next]_x",
        "Steady == [][12 \\div (2 - x') > 0]_x",
        "===="));
    CliTestSupport.Result r = check(m, "SPECIFICATION Spec\nPROPERTY Steady\nCHECK_DEADLOCK FALSE\n");
    assertEquals(13, r.code(), r.out());
    assertTrue(r.out().contains("Error: Evaluating action property Steady failed.\n"
        + "The second argument of \\div is 0.\n"), r.out());
    assertTrue(r.out().contains("State 3: <Next"), r.out());
  }
}
