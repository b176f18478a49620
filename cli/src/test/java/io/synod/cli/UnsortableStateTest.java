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
 * A state holding a set literal TLC cannot sort ({@code {1, "a"}}, {@code {Nat, {-1}}}): TLC sorts
 * a set to fingerprint it, so it never admits such a state. On a successor it reports the sort's
 * error as an unexpected exception, with the behaviour up to the state being expanded (printing
 * the new state fails the same way), then replays the step and reports "TLC was unable to
 * fingerprint." with the literal's position (exit 75). Synod admitted the state and went on.
 */
class UnsortableStateTest {
  @TempDir Path dir;

  private CliTestSupport.Result check(String name, String module) throws IOException {
    Path spec = Files.writeString(dir.resolve(name + ".tla"), module);
    Path cfg = Files.writeString(dir.resolve(name + ".cfg"), "INIT Init\nNEXT Next\n");
    return CliTestSupport.run("check", "-workers", "1", "-config", cfg.toString(), spec.toString());
  }

  private static final String UNEXPECTED = "Error: TLC threw an unexpected exception.\n"
      + "This was probably caused by an error in the spec or model.\n"
      + "See the User Output or TLC Console for clues to what happened.\n"
      + "The exception was a java.lang.RuntimeException\n: ";

  @Test
  void aSuccessorHoldingALiteralOfValuesOfDifferentKinds() throws IOException {
    CliTestSupport.Result r = check("Mixed", String.join("\n",
        "---- MODULE Mixed ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = 0",
        "Next == x < 2 /\\ x' = IF x = 1 THEN {1, \"a\"} ELSE x + 1",
        "===="));
    assertEquals(75, r.code(), r.out() + r.err());
    String sort = "Attempted to compare string \"a\" with non-string:\n1";
    assertTrue(r.out().contains(UNEXPECTED + sort + "\n"
        + "Error: The behavior up to this point is:\n"
        + "State 1: <Initial predicate>\nx = 0\n\n"
        + "State 2: <Next line 5, col 9 to line 5, col 55 of module Mixed>\nx = 1\n\n"
        + "Error: TLC was unable to fingerprint.\n\n"
        + "Fingerprint Stack Trace:\n"
        + "0) line 5, col 37 to line 5, col 44 of module Mixed\n\n"
        + "Reason:\n" + sort + "\n"
        + "3 states generated, 2 distinct states found, 0 states left on queue.\n"
        + "The depth of the complete state graph search is 2.\n"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void aLiteralHoldingNatNestedInARecord() throws IOException {
    CliTestSupport.Result r = check("Nested", String.join("\n",
        "---- MODULE Nested ----",
        "EXTENDS Integers, Sequences",
        "VARIABLE x",
        "Init == x = [a |-> 0]",
        "Next == x.a < 1 /\\ x' = [a |-> 1, b |-> <<{Nat, {-1}}>>]",
        "===="));
    assertEquals(75, r.code(), r.out() + r.err());
    String sort = "Attempted to compare the set {-1} with the value:\nNat";
    assertTrue(r.out().contains(UNEXPECTED + sort + "\nError: The behavior up to this point is:\n"
        + "State 1: <Initial predicate>\nx = [a |-> 0]\n\n"
        + "Error: TLC was unable to fingerprint."), r.out());
    assertTrue(r.out().contains("Reason:\n" + sort + "\n2 states generated, 1 distinct states found"),
        r.out());
  }

  /**
   * An initial state: TLC's report of it ("While working on the initial state") prints the
   * state, which fails again; that exception ends the run before any statistics.
   */
  @Test
  void anInitialStateHoldingSuchALiteral() throws IOException {
    CliTestSupport.Result r = check("InitMixed", String.join("\n",
        "---- MODULE InitMixed ----",
        "EXTENDS Naturals, Sequences",
        "VARIABLE x",
        "Init == x = [a |-> 1, b |-> <<{2, \"s\"}>>]",
        "Next == UNCHANGED x",
        "===="));
    assertEquals(255, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("Computing initial states...\n" + UNEXPECTED
        + "Attempted to compare string \"s\" with non-string:\n2\nFinished in "), r.out());
    assertFalse(r.out().contains("states generated"), r.out());
    assertEquals("", r.err());
  }

  /** Membership in such a literal needs no sort, and a state not holding one is fine. */
  @Test
  void usingSuchALiteralWithoutStoringItIsFine() throws IOException {
    CliTestSupport.Result r = check("Uses", String.join("\n",
        "---- MODULE Uses ----",
        "EXTENDS Naturals",
        "VARIABLE x",
        "Init == x = 0",
        "Next == 1 \\in {1, \"a\"} /\\ x' = (x + 1) % 3",
        "===="));
    assertEquals(0, r.code(), r.out() + r.err());
  }
}
