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
}
